import { DOSE_UNITS, type DoseUnit } from "./dose-units.js";
import type { DoseEvent, DoseRoute } from "./types.js";

/**
 * Most doses one record may stand for (NONMEM ADDL + 1): a regimen's "x N" and a dataset's
 * ADDL beyond this are refused before anything is expanded. A million doses is q1min for
 * almost two years.
 */
export const MAX_DOSES_PER_RECORD = 1_000_000;

/** The routes a regimen may name. */
export const DOSE_ROUTES: readonly DoseRoute[] = ["iv", "oral", "sc", "im"];

/** How a block of identical doses is given. Times in h, amounts in `unit` (default mg). */
export interface DoseOptions {
  /** Time of the first dose, h (default 0). A list repeats the block at each time. */
  at?: number | readonly number[];
  /** Dosing interval, h (NONMEM II). Needed when `times` > 1 or `steadyState` is set. */
  every?: number;
  /** Number of doses (default 1, at most {@link MAX_DOSES_PER_RECORD}); NONMEM ADDL = times − 1. */
  times?: number;
  /**
   * Compartment receiving the dose (NONMEM CMT). Default: the compartment of `route` in the
   * model's `$ROUTES` when a route is given, else 1. Give a route or a compartment, not both.
   */
  cmt?: number;
  /** Infusion duration, h: the dose runs at amount / over per h. */
  over?: number;
  /** Infusion rate, `unit` per h (instead of `over`). With `amount` Infinity: a continuous infusion. */
  rate?: number;
  /** The first dose is at steady state (NONMEM SS = 1): as if given every `every` h forever before. */
  steadyState?: boolean;
  /** How the dose is given: chooses the model's compartment for that route (see `cmt`). */
  route?: DoseRoute;
  /** Unit of the amount (and of the rate, per h): mg (default), nmol, mg/kg, nmol/kg, mg/m2, nmol/m2. */
  unit?: DoseUnit;
}

/**
 * Internal (used by `Regimen` and the text reader). The NONMEM dose records for one block: one record per start time, each with
 * ADDL = times − 1 and II = every. An `amount` of Infinity with a `rate` is a continuous
 * infusion (no interval, one dose). Throws naming the option that is out of range.
 *
 * @example
 * doseBlock(100, { every: 12, times: 14 });
 * // [{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 13, ss: 0, unit: "mg" }]
 */
export function doseBlock(amount: number, options: DoseOptions = {}): DoseEvent[] {
  const { every, times = 1, over, rate, steadyState = false, route, unit = "mg" } = options;
  const at = options.at === undefined ? [0] : typeof options.at === "number" ? [options.at] : options.at;
  const continuous = amount === Infinity && rate !== undefined;
  if (!(amount > 0) || (!Number.isFinite(amount) && !continuous)) fail("amount", amount, `a finite number > 0 (${unit}), or Infinity with a rate (a continuous infusion)`);
  if (continuous && (every !== undefined || over !== undefined)) fail("amount", amount, "finite with `every` or `over` (a continuous infusion has neither)");
  at.forEach((t, i) => {
    if (!(t >= 0) || !Number.isFinite(t)) fail(typeof options.at === "number" ? "at" : `at[${i}]`, t, "a finite time ≥ 0 (h)");
  });
  if (!Number.isInteger(times) || times < 1) fail("times", times, "a whole number ≥ 1");
  if (times > MAX_DOSES_PER_RECORD) fail("times", times, `at most ${MAX_DOSES_PER_RECORD.toLocaleString("en-US")} doses in one block`);
  if (every !== undefined && (!(every > 0) || !Number.isFinite(every))) fail("every", every, "a finite interval > 0 (h)");
  if (every === undefined && times > 1) fail("every", every, `the interval (h) between the ${times} doses`);
  if (every === undefined && steadyState && !continuous) fail("every", every, "the interval (h) of the steady-state dosing");
  if (options.cmt !== undefined && (!Number.isInteger(options.cmt) || options.cmt < 1)) fail("cmt", options.cmt, "a whole compartment number ≥ 1");
  if (over !== undefined && rate !== undefined) fail("over", over, "left out when `rate` is given (one or the other)");
  if (over !== undefined && (!(over > 0) || !Number.isFinite(over))) fail("over", over, "a finite infusion duration > 0 (h)");
  if (rate !== undefined && (!(rate > 0) || !Number.isFinite(rate))) fail("rate", rate, `a finite infusion rate > 0 (${unit}/h)`);
  if (route !== undefined && !DOSE_ROUTES.includes(route)) fail("route", route, DOSE_ROUTES.map((r) => `"${r}"`).join(", "));
  if (route !== undefined && options.cmt !== undefined) fail("cmt", options.cmt, `left out when a route is given: the model's $ROUTES choose the compartment of "${route}"`);
  if (!DOSE_UNITS.includes(unit)) fail("unit", unit, DOSE_UNITS.join(", "));

  const base: DoseEvent = {
    time: 0,
    amount,
    cmt: options.cmt ?? (route === undefined ? 1 : 0),
    rate: over !== undefined ? amount / over : rate ?? 0,
    ii: every ?? 0,
    addl: times - 1,
    ss: steadyState ? 1 : 0,
  };
  if (route !== undefined) base.route = route;
  base.unit = unit;
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
