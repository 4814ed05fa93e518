import { MAX_DOSES_PER_RECORD } from "../dosing/dose-block.js";
import type { EventRecord } from "../dosing/types.js";
import { isDoseModifier } from "../model/dose-modifier.js";
import type { Model } from "../model/types.js";
import { indexActions, type ActionList, type SteadyStateDose, type TimedAction } from "./actions.js";
import { CovariateCurves } from "./covariate-curves.js";
import type { CovariateInterpolation } from "./covariate-interpolation.js";
import { gridDoses, type GridDoses } from "./grid-doses.js";

/** A subject's events as the engine runs them, plus the times of its output rows. */
export interface Timeline extends ActionList {
  outputTimes: Float64Array;
  /** Per output row k, the end of the run of rows from k spaced by the step k → k+1 (see {@link stepRuns}). */
  stepRunEnd: Int32Array;
  /** The subject's linearly interpolated covariates, when it has any that change. */
  curves?: CovariateCurves;
  /** The boluses as a grid of rows (see {@link gridDoses}), when the timeline is one. */
  grid?: GridDoses;
}

/**
 * The most actions (doses, infusion starts and ends, output rows, covariate changes) one
 * subject's timeline may hold: about 200 MB. Each record's ADDL is bounded on its own; this
 * bounds their sum (50 records of ADDL 999,999 grew past 4 GB).
 */
export const MAX_SUBJECT_ACTIONS = 2_000_000;

/** Raised for records the engine cannot honour; names the subject and dataset row. */
export class EventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EventError";
  }
}

/**
 * Turns one subject's NONMEM records into timed actions.
 *
 * Rules (NONMEM's): F<cmt> scales the amount; for an infusion given by RATE the rate is
 * kept and the duration becomes F·AMT/RATE. ALAG<cmt> delays the dose (bolus or infusion
 * start). ADDL adds doses every II after the record. A dose modifier is a parameter or a
 * covariate; each dose record reads it with the covariates in effect at that record (so F1
 * may change from record to record), and the record's ADDL and steady-state doses share that
 * value. At equal times actions keep the order of the rows that made them, and doses implied
 * by ADDL or delayed by ALAG come before observation rows at the same time. EVID 3 resets,
 * EVID 4 resets then doses, EVID 2 only updates covariates. `p` is the subject's parameter
 * vector (parameters then covariates).
 *
 * Covariates (see `CovariateInterpolation`, one rule per covariate, default "locf"): a record
 * with a missing value (NaN) gives none. A "locf" change takes effect at its record, before
 * that record's own dose or output; a "nocb" change takes effect right after the last record
 * at the previous time; "linear" covariates become `curves`, with a stop at every knot so the
 * solver never steps across a kink.
 *
 * Nothing after the last output can change an output, so no action later than the
 * subject's last observation is made: ADDL = 999 999 on a 48-h grid makes 48 doses, not a
 * million. ADDL beyond {@link MAX_DOSES_PER_RECORD} − 1 is refused before anything is built.
 * A dose record with AMT Infinity and RATE > 0 is a continuous infusion: F scales its rate.
 */
export function buildTimeline(
  model: Model,
  records: readonly EventRecord[],
  p: Float64Array,
  interpolation: readonly CovariateInterpolation[] = model.covariates.map(() => "locf"),
): Timeline {
  const builder = new TimelineBuilder(model, p, records, interpolation);
  for (const record of records) builder.add(record);
  return builder.finish();
}

/**
 * For each row k of increasing `times`, one past the last row j of the run k, k+1, …, j whose
 * steps all equal times[k+1] − times[k] (k + 1 for the last row). Built once per timeline, so
 * the closed form finds the runs it propagates in blocks without comparing times per subject.
 *
 * @example
 * stepRuns(Float64Array.of(0, 1, 2, 3, 5, 7)); // Int32Array [4, 4, 4, 6, 6, 6]
 */
export function stepRuns(times: Float64Array): Int32Array {
  const n = times.length;
  const end = new Int32Array(n);
  if (n > 0) end[n - 1] = n;
  for (let k = n - 2; k >= 0; k--) {
    const dt = times[k + 1] - times[k];
    end[k] = k + 2 < n && times[k + 2] - times[k + 1] === dt ? end[k + 1] : k + 2;
  }
  return end;
}

class TimelineBuilder {
  private readonly actions: TimedAction[] = [];
  private readonly outputTimes: number[] = [];
  private readonly covariateIndex: number[];
  private readonly currentCovariates: Float64Array;
  /** Per covariate, the times and values of the records that give one. */
  private readonly knots: { times: Float64Array; values: Float64Array }[];
  /** Per "nocb" covariate, the next knot not yet in effect. */
  private readonly nextKnot: Int32Array;
  private readonly curves: CovariateCurves | undefined;
  /** Where each dose modifier name (F<cmt>, ALAG<cmt>) lives in the parameter vector. */
  private readonly modifierSlots: Map<string, number>;
  /** The parameter vector at a dose record's time, for "linear" covariates read as dose modifiers. */
  private readonly atRecord: Float64Array;
  /** The last output time: actions after it cannot change any output and are not made. */
  private readonly horizon: number;
  /** The subject's ID, for messages. */
  private readonly id: number;
  private seq = 0;
  private infusions = 0;
  private first = true;
  private lastTime = -Infinity;

  constructor(
    private readonly model: Model,
    private readonly p: Float64Array,
    records: readonly EventRecord[],
    private readonly interpolation: readonly CovariateInterpolation[],
  ) {
    const np = model.parameters.length;
    this.id = records[0]?.id ?? NaN;
    this.horizon = records.reduce((t, r) => (r.evid === 0 && r.time > t ? r.time : t), -Infinity);
    this.covariateIndex = model.covariates.map((_, i) => np + i);
    this.knots = model.covariates.map((name) => {
      const given = records.filter((r) => !Number.isNaN(r.covariates[name] ?? NaN));
      return { times: Float64Array.from(given, (r) => r.time), values: Float64Array.from(given, (r) => r.covariates[name]) };
    });
    this.nextKnot = new Int32Array(model.covariates.length);
    this.knots.forEach((k, i) => {
      if (interpolation[i] !== "locf" && k.values.length > 0) p[this.covariateIndex[i]] = k.values[0];
    });
    this.currentCovariates = Float64Array.from(this.covariateIndex, (i) => p[i]);
    this.modifierSlots = new Map(
      [...model.parameters.map((q) => q.name), ...model.covariates].flatMap((name, i) => (isDoseModifier(name) ? [[name, i]] : [])),
    );
    this.atRecord = Float64Array.from(p);
    const linear = this.knots.flatMap((k, i) => (interpolation[i] === "linear" && k.times.length > 1 ? [i] : []));
    if (linear.length > 0) {
      this.curves = new CovariateCurves(
        linear.map((i) => this.covariateIndex[i]),
        linear.map((i) => this.knots[i].times),
        linear.map((i) => this.knots[i].values),
      );
      for (const i of linear) for (const t of this.knots[i].times) this.push(t, { kind: "covariates", values: new Map() });
    }
  }

  add(r: EventRecord): void {
    if (!this.first && r.time > this.lastTime) this.carryBackward(this.lastTime);
    this.lastTime = r.time;
    this.trackCovariates(r);
    switch (r.evid) {
      case 0:
        // CMT on an observation names the compartment observed (0 = the default output).
        if (r.cmt > this.model.compartments.length) {
          throw new EventError(`ID ${r.id}, row ${r.row}: observation CMT ${r.cmt} does not exist in model ${this.model.name} (compartments 1–${this.model.compartments.length}: ${this.model.compartments.map((c) => c.name).join(", ")})`);
        }
        this.push(r.time, { kind: "output", index: this.outputTimes.length });
        this.outputTimes.push(r.time);
        return;
      case 2:
        return;
      case 3:
        this.push(r.time, { kind: "reset" });
        return;
      case 4:
        this.push(r.time, { kind: "reset" });
        this.dose(r);
        return;
      case 1:
        this.dose(r);
        return;
    }
  }

  finish(): Timeline {
    const outputTimes = Float64Array.from(this.outputTimes);
    const list = indexActions(this.actions);
    const stepRunEnd = stepRuns(outputTimes);
    const grid = this.curves ? undefined : gridDoses(list, outputTimes, stepRunEnd);
    return { ...list, outputTimes, stepRunEnd, curves: this.curves, grid };
  }

  private push(time: number, action: TimedAction["action"]): void {
    if (time > this.horizon) return;
    if (this.actions.length === MAX_SUBJECT_ACTIONS) {
      throw new EventError(
        `ID ${this.id}: more than ${MAX_SUBJECT_ACTIONS.toLocaleString("en-US")} doses, infusion ends and output rows in one subject; give fewer additional doses (ADDL) or output rows, or split the subject`,
      );
    }
    this.actions.push({ time, seq: this.seq++, action });
  }

  private trackCovariates(r: EventRecord): void {
    const names = this.model.covariates;
    // Made only when a value changes: most records change none (a Map per record was a third of a large dataset's garbage).
    let changed: Map<number, number> | undefined;
    for (let i = 0; i < names.length; i++) {
      if (this.interpolation[i] !== "locf") continue;
      const value = r.covariates[names[i]];
      if (value === undefined || Number.isNaN(value)) continue;
      if (this.first) {
        // The first record's covariates are the subject's starting values.
        this.p[this.covariateIndex[i]] = value;
        this.currentCovariates[i] = value;
      } else if (value !== this.currentCovariates[i]) {
        this.currentCovariates[i] = value;
        (changed ??= new Map()).set(this.covariateIndex[i], value);
      }
    }
    this.first = false;
    if (changed) this.push(r.time, { kind: "covariates", values: changed });
  }

  /**
   * Called when the records move past time `after` (every action at `after` is pushed): each
   * "nocb" covariate takes the value of its first knot later than `after`.
   */
  private carryBackward(after: number): void {
    let changed: Map<number, number> | undefined;
    for (let i = 0; i < this.knots.length; i++) {
      if (this.interpolation[i] !== "nocb") continue;
      const { times, values } = this.knots[i];
      let k = this.nextKnot[i];
      while (k < times.length && times[k] <= after) k++;
      this.nextKnot[i] = k;
      if (k < times.length && values[k] !== this.currentCovariates[i]) {
        this.currentCovariates[i] = values[k];
        (changed ??= new Map()).set(this.covariateIndex[i], values[k]);
      }
    }
    if (changed) this.push(after, { kind: "covariates", values: changed });
  }

  private dose(r: EventRecord): void {
    const where = `ID ${r.id}, row ${r.row}`;
    const n = this.model.compartments.length;
    if (!Number.isInteger(r.cmt) || r.cmt < 1 || r.cmt > n) {
      throw new EventError(
        `${where}: CMT ${r.cmt} does not exist in model ${this.model.name} (compartments 1–${n}: ${this.model.compartments.map((c) => c.name).join(", ")})`,
      );
    }
    if (r.rate < 0) {
      throw new EventError(`${where}: RATE ${r.rate} (modelled rate or duration) is not supported; give RATE > 0 or 0 for a bolus`);
    }
    if (r.addl >= MAX_DOSES_PER_RECORD) {
      throw new EventError(`${where}: ADDL ${r.addl} is more than the ${(MAX_DOSES_PER_RECORD - 1).toLocaleString("en-US")} additional doses one record may hold`);
    }
    const f = this.modifier(`F${r.cmt}`, 1, r.time, where);
    const lag = this.modifier(`ALAG${r.cmt}`, 0, r.time, where);
    // A continuous infusion (AMT Infinity) has no amount for F to scale: F scales its rate.
    const continuous = r.amt === Infinity && r.rate > 0;
    const rate = continuous ? f * r.rate : r.rate;
    if (continuous && !(r.ss > 0 && r.ii <= 0)) {
      if (rate > 0) this.push(r.time + lag, { kind: "infusion-start", cmt: r.cmt, rate, infusion: this.infusions++ });
      return;
    }
    const amount = f * r.amt;
    const duration = r.rate > 0 ? amount / r.rate : 0;

    if (r.ss > 0) {
      if (r.ii <= 0 && r.rate <= 0) {
        throw new EventError(`${where}: SS=${r.ss} needs II > 0 (or RATE > 0 with II = 0 for a steady-state infusion)`);
      }
      const ss: SteadyStateDose = { cmt: r.cmt, amount, rate, duration, ii: r.ii, lag, mode: r.ss === 2 ? 2 : 1 };
      this.push(r.time, { kind: "steady-state", dose: ss });
      if (r.ii <= 0) {
        // Constant infusion at steady state: it keeps running until a reset.
        this.push(r.time, { kind: "infusion-start", cmt: r.cmt, rate, infusion: this.infusions++ });
        return;
      }
      this.steadyStateCarryOver(r.time, ss, where);
    }
    // Doses that start after the horizon are never made.
    const last = r.ii > 0 ? Math.min(r.addl, Math.floor((this.horizon - r.time - lag) / r.ii) + 1) : r.addl;
    for (let k = 0; k <= last; k++) this.single(r.time + k * r.ii + lag, r.cmt, amount, r.rate, duration);
  }

  /** Doses before the steady-state record whose (lagged) input is still arriving after it. */
  private steadyStateCarryOver(time: number, ss: SteadyStateDose, where: string): void {
    if ((ss.duration + ss.lag) / ss.ii > MAX_DOSES_PER_RECORD) {
      throw new EventError(`${where}: SS infusions of ${ss.duration} lasting over ${MAX_DOSES_PER_RECORD.toLocaleString("en-US")} intervals of II ${ss.ii} overlap; give a longer II or a shorter infusion`);
    }
    for (let k = 1; ; k++) {
      const start = time - k * ss.ii + ss.lag;
      if (ss.duration > 0) {
        if (start + ss.duration <= time) break;
        const id = this.infusions++;
        this.push(Math.max(start, time), { kind: "infusion-start", cmt: ss.cmt, rate: ss.rate, infusion: id });
        this.push(start + ss.duration, { kind: "infusion-end", infusion: id });
      } else {
        if (start < time) break;
        this.push(start, { kind: "bolus", cmt: ss.cmt, amount: ss.amount });
      }
    }
  }

  private single(time: number, cmt: number, amount: number, rate: number, duration: number): void {
    if (rate > 0) {
      if (duration <= 0) return;
      const id = this.infusions++;
      this.push(time, { kind: "infusion-start", cmt, rate, infusion: id });
      this.push(time + duration, { kind: "infusion-end", infusion: id });
    } else if (amount !== 0) {
      this.push(time, { kind: "bolus", cmt, amount });
    }
  }

  /** A dose modifier's value at a record at `time`: a parameter's value, or a covariate's as it stands at that record. */
  private modifier(name: string, fallback: number, time: number, where: string): number {
    const i = this.modifierSlots.get(name);
    if (i === undefined) return fallback;
    const c = i - this.model.parameters.length;
    let value = c < 0 ? this.p[i] : this.currentCovariates[c];
    if (c >= 0 && this.interpolation[c] === "linear" && this.curves) {
      this.curves.apply(time, this.atRecord);
      value = this.atRecord[i];
    }
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new EventError(`${where}: ${name} = ${value} must be a finite number ≥ 0`);
    }
    return value;
  }
}
