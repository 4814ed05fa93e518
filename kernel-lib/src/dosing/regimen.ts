import { doseBlock, lastDose, lastDoseStart, nextStart } from "./dose-block.js";
import type { DoseOptions } from "./dose-block.js";
import { formatDoses } from "./format-regimen.js";
import { readRegimenText } from "./regimen-text.js";
import type { DoseEvent } from "./types.js";

/** Options of `Regimen.then`: like `DoseOptions`, but the start follows the doses so far. */
export interface ThenOptions extends Omit<DoseOptions, "at"> {
  /** Hours from the last dose so far to this block's first dose (default: one interval). */
  after?: number;
}

/**
 * A dosing regimen: an immutable list of NONMEM dose records (times in h, amounts in each
 * dose's `unit`: mg unless another is given) built fluently; `simulate` converts them into
 * the model's units. Each call returns a new regimen; records are kept in time order
 * (records at the same time in the order they were added).
 *
 * @example
 * const r = Regimen.empty().dose(400).then(200, { every: 24, times: 6 });
 * r.doses(); // 400 mg at 0 h, then 200 mg at 24 h with II 24, ADDL 5
 * r.toString(); // "400 mg at 0 h; 200 mg q24h x 6 at 24 h"
 * Regimen.parse("100 mg q12h x 14").end(); // 168
 */
export class Regimen {
  private readonly events: readonly DoseEvent[];

  private constructor(events: readonly DoseEvent[]) {
    // Array.prototype.sort is stable: same-time records keep the order they were added in.
    this.events = Object.freeze([...events].sort((a, b) => a.time - b.time).map((d) => Object.freeze({ ...d })));
  }

  /** A regimen with no doses, to build on. */
  static empty(): Regimen {
    return new Regimen([]);
  }

  /** Reads regimen text such as "100 mg q12h x 14" (see `parseRegimen`). */
  static parse(text: string): Regimen {
    return new Regimen(readRegimenText(text));
  }

  /**
   * Adds `amount` (mg, or `options.unit`) given as `options` say (default: one bolus into
   * CMT 1 at time 0). `amount` Infinity with a `rate` is a continuous infusion.
   * @example Regimen.empty().dose(500, { every: 8, times: 9, over: 1 }); // 1-h infusions q8h
   */
  dose(amount: number, options: DoseOptions = {}): Regimen {
    return new Regimen([...this.events, ...doseBlock(amount, options)]);
  }

  /**
   * Adds a block that starts one interval after the last dose so far: that dose's interval,
   * or, after a single dose without one (a loading dose), this block's `every`; `after`
   * (h) sets the gap instead. On an empty regimen the block starts at 0.
   * @example Regimen.empty().dose(400).then(200, { every: 24, times: 6 }); // maintenance from 24 h
   */
  then(amount: number, options: ThenOptions = {}): Regimen {
    const { after, ...rest } = options;
    if (after !== undefined && (!(after >= 0) || !Number.isFinite(after))) {
      throw new Error(`dose option after = ${after}: expected a finite time ≥ 0 (h)`);
    }
    const at = nextStart(this.events, rest.every, after);
    if (at === undefined) {
      throw new Error("then(): the last dose has no interval and this block has no `every`; give `after` (h from the last dose)");
    }
    return this.dose(amount, { ...rest, at });
  }

  /** The dose records (copies), in time order, in NONMEM form: ADDL/II not expanded. */
  doses(): DoseEvent[] {
    return this.events.map((d) => ({ ...d }));
  }

  /** Start time (h) of the last dose, counting ADDL repeats. Throws on an empty regimen. */
  lastDoseTime(): number {
    return lastDoseStart(this.last("lastDoseTime"));
  }

  /**
   * A default end of simulation (h): one interval after the last dose (24 h when it has no
   * interval), and never before the last (finite) infusion ends. Throws on an empty regimen.
   * @example Regimen.parse("100 mg q12h x 14").end(); // 156 + 12 = 168
   */
  end(): number {
    const last = this.last("end");
    const start = lastDoseStart(last);
    const infusion = last.rate > 0 && Number.isFinite(last.amount) ? last.amount / last.rate : 0;
    return start + Math.max(last.ii > 0 ? last.ii : 24, infusion);
  }

  /** The same regimen with every dose into compartment `cmt` (a whole number ≥ 1), routes dropped. */
  withCmt(cmt: number): Regimen {
    if (!Number.isInteger(cmt) || cmt < 1) throw new Error(`withCmt(${cmt}): expected a whole compartment number ≥ 1`);
    return new Regimen(this.events.map(({ route: _route, ...d }) => ({ ...d, cmt })));
  }

  /** True when both regimens have the same dose records in the same order. */
  equals(other: Regimen): boolean {
    const a = this.events;
    const b = other.events;
    return a.length === b.length && a.every((d, i) => sameDose(d, b[i]));
  }

  /**
   * Canonical text, in each dose's unit and h, that `Regimen.parse` reads back to an equal regimen.
   * @example Regimen.parse("0.5 g q12h x 2").toString(); // "500 mg q12h x 2 at 0 h"
   */
  toString(): string {
    return formatDoses(this.events);
  }

  private last(method: string): DoseEvent {
    const last = lastDose(this.events);
    if (!last) throw new Error(`${method}(): the regimen has no doses`);
    return last;
  }
}

function sameDose(a: DoseEvent, b: DoseEvent): boolean {
  return (
    a.time === b.time &&
    a.amount === b.amount &&
    a.cmt === b.cmt &&
    a.rate === b.rate &&
    a.ii === b.ii &&
    a.addl === b.addl &&
    a.ss === b.ss &&
    (a.reset ?? false) === (b.reset ?? false) &&
    a.route === b.route &&
    a.unit === b.unit
  );
}
