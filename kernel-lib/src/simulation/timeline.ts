import type { EventRecord } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import { indexActions, type ActionList, type SteadyStateDose, type TimedAction } from "./actions.js";

/** A subject's events as the engine runs them, plus the times of its output rows. */
export interface Timeline extends ActionList {
  outputTimes: Float64Array;
}

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
 * start). ADDL adds doses every II after the record. At equal times actions keep the order
 * of the rows that made them, and doses implied by ADDL or delayed by ALAG come before
 * observation rows at the same time. EVID 3 resets, EVID 4 resets then doses, EVID 2
 * only updates covariates. `p` is the subject's parameter vector (parameters then covariates).
 */
export function buildTimeline(model: Model, records: readonly EventRecord[], p: Float64Array): Timeline {
  const builder = new TimelineBuilder(model, p);
  for (const record of records) builder.add(record);
  return builder.finish();
}

class TimelineBuilder {
  private readonly actions: TimedAction[] = [];
  private readonly outputTimes: number[] = [];
  private readonly covariateIndex: number[];
  private readonly currentCovariates: Float64Array;
  private seq = 0;
  private infusions = 0;
  private first = true;

  constructor(
    private readonly model: Model,
    private readonly p: Float64Array,
  ) {
    const np = model.parameters.length;
    this.covariateIndex = model.covariates.map((_, i) => np + i);
    this.currentCovariates = Float64Array.from(this.covariateIndex, (i) => p[i]);
  }

  add(r: EventRecord): void {
    this.trackCovariates(r);
    switch (r.evid) {
      case 0:
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
    return { ...indexActions(this.actions), outputTimes: Float64Array.from(this.outputTimes) };
  }

  private push(time: number, action: TimedAction["action"]): void {
    this.actions.push({ time, seq: this.seq++, action });
  }

  private trackCovariates(r: EventRecord): void {
    const names = this.model.covariates;
    const changed = new Map<number, number>();
    for (let i = 0; i < names.length; i++) {
      const value = r.covariates[names[i]];
      if (value === undefined || Number.isNaN(value)) continue;
      if (this.first) {
        // The first record's covariates are the subject's starting values.
        this.p[this.covariateIndex[i]] = value;
        this.currentCovariates[i] = value;
      } else if (value !== this.currentCovariates[i]) {
        this.currentCovariates[i] = value;
        changed.set(this.covariateIndex[i], value);
      }
    }
    this.first = false;
    if (changed.size > 0) this.push(r.time, { kind: "covariates", values: changed });
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
    const f = this.modifier(`F${r.cmt}`, 1, where);
    const lag = this.modifier(`ALAG${r.cmt}`, 0, where);
    const amount = f * r.amt;
    const duration = r.rate > 0 ? amount / r.rate : 0;

    if (r.ss > 0) {
      if (r.ii <= 0 && r.rate <= 0) {
        throw new EventError(`${where}: SS=${r.ss} needs II > 0 (or RATE > 0 with II = 0 for a steady-state infusion)`);
      }
      const ss: SteadyStateDose = { cmt: r.cmt, amount, rate: r.rate, duration, ii: r.ii, lag, mode: r.ss === 2 ? 2 : 1 };
      this.push(r.time, { kind: "steady-state", dose: ss });
      if (r.ii <= 0) {
        // Constant infusion at steady state: it keeps running until a reset.
        this.push(r.time, { kind: "infusion-start", cmt: r.cmt, rate: r.rate, infusion: this.infusions++ });
        return;
      }
      this.steadyStateCarryOver(r.time, ss);
    }
    for (let k = 0; k <= r.addl; k++) this.single(r.time + k * r.ii + lag, r.cmt, amount, r.rate, duration);
  }

  /** Doses before the steady-state record whose (lagged) input is still arriving after it. */
  private steadyStateCarryOver(time: number, ss: SteadyStateDose): void {
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

  private modifier(name: string, fallback: number, where: string): number {
    const i = this.model.parameters.findIndex((q) => q.name === name);
    if (i < 0) return fallback;
    const value = this.p[i];
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new EventError(`${where}: ${name} = ${value} must be a finite number ≥ 0`);
    }
    return value;
  }
}
