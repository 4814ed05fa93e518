import type { DoseEvent } from "./types.js";

/** How a dose is given; every field optional (a single bolus at time 0 into CMT 1). */
export interface DoseOptions {
  /** Time of the first dose (h, default 0). */
  at?: number;
  /** Dosing interval (h); with `times` > 1. */
  every?: number;
  /** Number of doses (default 1). */
  times?: number;
  /** Compartment (NONMEM CMT, default 1). */
  cmt?: number;
  /** Infusion duration (h): a zero-order infusion at amount/over. */
  over?: number;
  /** Infusion rate (mg/h), instead of `over`. */
  rate?: number;
}

/**
 * A dosing regimen: an immutable list of NONMEM dose events (amounts in mg, times in h),
 * built fluently or from text with {@link parseRegimen}.
 *
 * @example
 * Regimen.empty().dose(400).dose(200, { at: 24, every: 24, times: 6 });
 * Regimen.parse("loading 400 mg then 200 mg q24h x 6"); // the same regimen
 */
export class Regimen {
  private constructor(private readonly events: readonly DoseEvent[]) {}

  /** A regimen without doses. */
  static empty(): Regimen {
    return new Regimen([]);
  }

  /** Same as {@link parseRegimen}. */
  static parse(text: string): Regimen {
    return parseRegimen(text);
  }

  /** A new regimen with this dose (or dose series) added. */
  dose(amount: number, options: DoseOptions = {}): Regimen {
    const { at = 0, every = 0, times = 1, cmt = 1 } = options;
    const fail = (what: string) => {
      throw new Error(`Regimen.dose(${amount}, ${JSON.stringify(options)}): ${what}`);
    };
    if (!(amount >= 0) || !Number.isFinite(amount)) fail("the amount must be a finite number ≥ 0 (mg)");
    if (!Number.isFinite(at)) fail("`at` must be a finite time (h)");
    if (!Number.isInteger(times) || times < 1) fail("`times` must be a whole number ≥ 1");
    if (times > 1 && !(every > 0)) fail("repeated doses need `every` > 0 (h)");
    if (!Number.isInteger(cmt) || cmt < 1) fail("`cmt` must be a compartment number ≥ 1");
    let rate = 0;
    if (options.over !== undefined) {
      if (!(options.over > 0)) fail("`over` (infusion duration) must be > 0 h");
      rate = amount / options.over;
    } else if (options.rate !== undefined) {
      if (!(options.rate > 0)) fail("`rate` must be > 0 mg/h");
      rate = options.rate;
    }
    const event: DoseEvent = { time: at, amount, cmt, rate, ii: times > 1 ? every : 0, addl: times - 1, ss: 0 };
    return new Regimen([...this.events, event]);
  }

  /** The dose events, in time order. */
  doses(): DoseEvent[] {
    return this.events.map((e) => ({ ...e })).sort((a, b) => a.time - b.time);
  }

  /** Time of the last dose (h), ADDL included. */
  lastDoseTime(): number {
    return this.events.reduce((t, e) => Math.max(t, e.time + e.addl * e.ii), 0);
  }

  /** A natural end for a simulation: one interval (or 24 h) after the last dose. */
  end(): number {
    const interval = this.events.reduce((t, e) => Math.max(t, e.ii), 0);
    return this.lastDoseTime() + (interval > 0 ? interval : 24);
  }

  /** The same doses into another compartment. */
  withCmt(cmt: number): Regimen {
    return new Regimen(this.events.map((e) => ({ ...e, cmt })));
  }

  /** Canonical text, one `;`-separated part per dose series, that parses back to this regimen. */
  toString(): string {
    return this.doses()
      .map((e) => {
        const parts = [`${e.amount} mg`];
        if (e.rate > 0) parts.push(`over ${e.amount / e.rate}h`);
        if (e.addl > 0) parts.push(`q${e.ii}h x ${e.addl + 1}`);
        if (e.time !== 0) parts.push(`at ${e.time} h`);
        if (e.cmt !== 1) parts.push(`into cmt ${e.cmt}`);
        return parts.join(" ");
      })
      .join("; ");
  }
}

const MASS: Record<string, number> = { g: 1000, mg: 1, ug: 1e-3, mcg: 1e-3, "µg": 1e-3 };
const TIME: Record<string, number> = { h: 1, hr: 1, hrs: 1, hour: 1, hours: 1, min: 1 / 60, d: 24, day: 24, days: 24 };
const NUMBER = "(\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)";
const FORMS = `accepted forms: "100 mg", "100 mg q12h x 14", "100 mg q12h for 7 days", "500 mg over 1h q8h x 9", "loading 400 mg then 200 mg q24h x 6", "200 mg at 0, 12, 36 h", "… into cmt 2"; parts separated by ";"`;

/**
 * Parses a regimen from text. Amounts in g, mg, ug/mcg/µg (converted to mg); times in h, min
 * or d (converted to h). In `"loading L then M qτ x n"` the n maintenance doses start one
 * interval τ after the loading dose. Throws naming the part it cannot read.
 *
 * @example
 * parseRegimen("500 mg over 1h q8h x 9").doses(); // [{ time 0, amount 500, rate 500, ii 8, addl 8, cmt 1 }]
 */
export function parseRegimen(text: string): Regimen {
  let regimen = Regimen.empty();
  const parts = text.split(";").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error(`empty regimen; ${FORMS}`);
  for (const part of parts) {
    const loading = new RegExp(`^loading\\s+(.+?)\\s+then\\s+(.+)$`, "i").exec(part);
    if (loading) {
      const first = readSeries(loading[1], part);
      if (first.times > 1) throw new Error(`regimen "${part}": the loading dose must be a single dose; ${FORMS}`);
      regimen = regimen.dose(first.amount, { ...first.options, at: first.at[0] });
      const rest = readSeries(loading[2], part);
      const start = first.at[0] + (rest.options.every ?? 24);
      regimen = regimen.dose(rest.amount, { ...rest.options, at: start + rest.at[0] });
      continue;
    }
    const series = readSeries(part, part);
    for (const at of series.at) regimen = regimen.dose(series.amount, { ...series.options, at });
  }
  return regimen;
}

function readSeries(text: string, whole: string) {
  let rest = ` ${text.trim()} `;
  const take = (pattern: string): RegExpExecArray | null => {
    const m = new RegExp(`\\s${pattern}(?=\\s)`, "i").exec(rest);
    if (m) rest = rest.slice(0, m.index) + " " + rest.slice(m.index + m[0].length);
    return m;
  };
  const duration = (value: string, unit: string | undefined) => Number(value) * TIME[(unit ?? "h").toLowerCase()];
  const TIME_UNIT = "(h|hrs?|hours?|min|d|days?)";

  const amount = take(`${NUMBER}\\s*(g|mg|ug|mcg|µg)`);
  if (!amount) throw new Error(`regimen "${whole}": no dose amount such as "100 mg" in "${text.trim()}"; ${FORMS}`);
  const options: DoseOptions = {};
  const over = take(`over\\s+${NUMBER}\\s*${TIME_UNIT}?`);
  if (over) options.over = duration(over[1], over[2]);
  const every = take(`q\\s*${NUMBER}\\s*${TIME_UNIT}`);
  let times = 1;
  if (every) {
    options.every = duration(every[1], every[2]);
    const count = take(`x\\s*(\\d+)`);
    const span = take(`for\\s+${NUMBER}\\s*${TIME_UNIT}`);
    if (count) times = Number(count[1]);
    else if (span) times = Math.round(duration(span[1], span[2]) / options.every);
    else throw new Error(`regimen "${whole}": "q${every[1]}${every[2]}" needs a count ("x 14") or a span ("for 7 days"); ${FORMS}`);
  }
  options.times = times;
  const cmt = take(`into\\s+cmt\\s*(\\d+)`);
  if (cmt) options.cmt = Number(cmt[1]);
  take(`(iv|oral|po)`);
  let at = [0];
  const when = take(`at\\s+(${NUMBER}(?:\\s*,\\s*${NUMBER})*)\\s*${TIME_UNIT}?`);
  if (when) {
    const unit = when[when.length - 1];
    at = when[1].split(",").map((v) => duration(v.trim(), unit));
    if (times > 1 && at.length > 1) throw new Error(`regimen "${whole}": give either a list of times or an interval, not both; ${FORMS}`);
  }
  if (rest.trim()) throw new Error(`regimen "${whole}": cannot read "${rest.trim()}"; ${FORMS}`);
  return { amount: Number(amount[1]) * MASS[amount[2].toLowerCase() === "µg" ? "µg" : amount[2].toLowerCase()], options, times, at };
}
