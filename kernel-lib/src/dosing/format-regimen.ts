import type { DoseEvent } from "./types.js";

/**
 * Internal (behind `Regimen.toString`). The canonical text of dose records, in their unit (mg
 * when they have none) and h, which `parseRegimen` reads back to the same records: one block
 * per record, `AMOUNT U [over D h | rate R U/h] [qI h x N] [ss] at T h [into cmt C | ROUTE]`
 * (a continuous infusion is `R U/h [ss] at T h …`), joined by "; ". Consecutive records that differ only in
 * time share one block with a list of times. Numbers are written in their shortest
 * round-trip form; an infusion is written "over D h" when that reproduces its rate exactly.
 * No doses gives "none".
 *
 * @example
 * formatDoses([{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 13, ss: 0 }]);
 * // "100 mg q12h x 14 at 0 h"
 */
export function formatDoses(doses: readonly DoseEvent[]): string {
  if (doses.length === 0) return "none";
  const blocks: { dose: DoseEvent; times: number[] }[] = [];
  for (const d of doses) {
    const previous = blocks[blocks.length - 1];
    if (previous && sameBlock(previous.dose, d)) previous.times.push(d.time);
    else blocks.push({ dose: d, times: [d.time] });
  }
  return blocks.map((b) => formatBlock(b.dose, b.times)).join("; ");
}

function formatBlock(d: DoseEvent, times: number[]): string {
  const unit = d.unit ?? "mg";
  const parts = [d.amount === Infinity ? `${num(d.rate)} ${unit}/h` : `${num(d.amount)} ${unit}`];
  if (d.rate > 0 && d.amount !== Infinity) {
    const duration = d.amount / d.rate;
    parts.push(d.amount / duration === d.rate ? `over ${num(duration)} h` : `rate ${num(d.rate)} ${unit}/h`);
  }
  if (d.ii > 0) parts.push(`q${num(d.ii)}h x ${d.addl + 1}`);
  if (d.ss > 0) parts.push("ss");
  parts.push(`at ${times.map(num).join(", ")} h`);
  if (d.route) parts.push(d.route);
  else if (d.cmt !== 1) parts.push(`into cmt ${d.cmt}`);
  return parts.join(" ");
}

function sameBlock(a: DoseEvent, b: DoseEvent): boolean {
  return a.amount === b.amount && a.rate === b.rate && a.ii === b.ii && a.addl === b.addl && a.ss === b.ss && a.cmt === b.cmt && a.route === b.route && a.unit === b.unit;
}

/** Shortest text that reads back as the same double ("-0" is written "0"). */
function num(x: number): string {
  return String(x === 0 ? 0 : x);
}
