import type { DoseEvent } from "./types.js";

/** How a block of identical doses is given. Times in h, amounts in mg. */
export interface DoseOptions {
  /** Time of the first dose, h (default 0). A list repeats the block at each time. */
  at?: number | readonly number[];
  /** Dosing interval, h (NONMEM II). Needed when `times` > 1 or `steadyState` is set. */
  every?: number;
  /** Number of doses (default 1); NONMEM ADDL = times − 1. */
  times?: number;
  /** Compartment receiving the dose (NONMEM CMT, default 1). */
  cmt?: number;
  /** Infusion duration, h: the dose runs at amount / over mg/h. */
  over?: number;
  /** Infusion rate, mg/h (instead of `over`). */
  rate?: number;
  /** The first dose is at steady state (NONMEM SS = 1): as if given every `every` h forever before. */
  steadyState?: boolean;
  /** Route label ("iv", "oral"); it does not choose the compartment, `cmt` does. */
  route?: "iv" | "oral";
}

/**
 * Internal (used by `Regimen` and the text reader). The NONMEM dose records for one block: one record per start time, each with
 * ADDL = times − 1 and II = every. Throws naming the option that is out of range.
 *
 * @example
 * doseBlock(100, { every: 12, times: 14 });
 * // [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 13, ss: 0 }]
 */
export function doseBlock(amount: number, options: DoseOptions = {}): DoseEvent[] {
  const { every, times = 1, cmt = 1, over, rate, steadyState = false, route } = options;
  const at = options.at === undefined ? [0] : typeof options.at === "number" ? [options.at] : options.at;
  if (!(amount > 0) || !Number.isFinite(amount)) fail("amount", amount, "a finite number > 0 (mg)");
  at.forEach((t, i) => {
    if (!(t >= 0) || !Number.isFinite(t)) fail(typeof options.at === "number" ? "at" : `at[${i}]`, t, "a finite time ≥ 0 (h)");
  });
  if (!Number.isInteger(times) || times < 1) fail("times", times, "a whole number ≥ 1");
  if (every !== undefined && (!(every > 0) || !Number.isFinite(every))) fail("every", every, "a finite interval > 0 (h)");
  if (every === undefined && times > 1) fail("every", every, `the interval (h) between the ${times} doses`);
  if (every === undefined && steadyState) fail("every", every, "the interval (h) of the steady-state dosing");
  if (!Number.isInteger(cmt) || cmt < 1) fail("cmt", cmt, "a whole compartment number ≥ 1");
  if (over !== undefined && rate !== undefined) fail("over", over, "left out when `rate` is given (one or the other)");
  if (over !== undefined && (!(over > 0) || !Number.isFinite(over))) fail("over", over, "a finite infusion duration > 0 (h)");
  if (rate !== undefined && (!(rate > 0) || !Number.isFinite(rate))) fail("rate", rate, "a finite infusion rate > 0 (mg/h)");
  if (route !== undefined && route !== "iv" && route !== "oral") fail("route", route, `"iv" or "oral"`);

  const base: DoseEvent = {
    time: 0,
    amount,
    cmt,
    rate: over !== undefined ? amount / over : rate ?? 0,
    ii: every ?? 0,
    addl: times - 1,
    ss: steadyState ? 1 : 0,
  };
  if (route !== undefined) base.route = route;
  return at.map((time) => ({ ...base, time }));
}

/**
 * Internal. Where a block that follows `doses` starts: one interval after the last dose. The interval
 * is the last dose's own II, or, when it has none (a single loading dose), the next block's
 * `interval`. `after` (h) overrides both. Undefined when no interval is known; 0 when there
 * are no doses yet.
 */
export function nextStart(doses: readonly DoseEvent[], interval?: number, after?: number): number | undefined {
  const last = lastDose(doses);
  if (!last) return after ?? 0;
  const gap = after ?? (last.ii > 0 ? last.ii : interval);
  return gap === undefined ? undefined : lastDoseStart(last) + gap;
}

/** Internal. The dose record whose final (ADDL-repeated) dose starts last; the later record wins ties. */
export function lastDose(doses: readonly DoseEvent[]): DoseEvent | undefined {
  let last: DoseEvent | undefined;
  for (const d of doses) if (!last || lastDoseStart(d) >= lastDoseStart(last)) last = d;
  return last;
}

/** Internal. Start time (h) of the final dose of one record: TIME + ADDL·II. */
export function lastDoseStart(d: DoseEvent): number {
  return d.time + d.addl * d.ii;
}

function fail(option: string, value: unknown, expected: string): never {
  throw new Error(`dose option ${option} = ${String(value)}: expected ${expected}`);
}
