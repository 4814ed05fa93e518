import type { Dataset, DoseEvent, EventRecord } from "../dosing/types.js";
import { excerpt } from "../data/excerpt.js";
import { regimenRecords } from "../data/index.js";
import { getModel } from "../library/index.js";
import { checkParameters, isDoseModifier, parameterVector } from "../model/index.js";
import type { Model } from "../model/types.js";
import { parseUnit } from "../model/units.js";
import type { Unit } from "mathjs";
import { auto } from "../ode/index.js";
import type { Algorithm, SolverOptions, SolverStatus } from "../ode/types.js";
import { initialCovariate, resolveInterpolation, type CovariateInterpolation } from "./covariate-interpolation.js";
import { Engine } from "./engine.js";
import { OdePropagator } from "./ode-propagator.js";
import type { Propagator } from "./propagator.js";
import { ClosedFormPropagator } from "./stiff-fallback.js";
import { bodySize, DOSING_COVARIATES } from "./body-size.js";
import { toModelDoses } from "./model-doses.js";
import { regimenDoses } from "./regimen-doses.js";
import { RowRecorder } from "./row-recorder.js";
import { Simulation } from "./simulation.js";
import { checkResultSize, gridPoints } from "./size-limits.js";
import { buildTimeline, EventError } from "./timeline.js";
import type { Timeline } from "./timeline.js";
import type { SimulationMethod, TimeGrid } from "./types.js";

/** Anything with a dose list: a `Regimen`, its text form, or the doses themselves. */
export type RegimenLike = { doses(): DoseEvent[] } | string | readonly DoseEvent[];

/** What to simulate: a regimen on a time grid, or a NONMEM dataset. */
export interface SimulationInput {
  /** Doses for every subject, e.g. `"100 mg q12h x 14"` (ignored when `data` is given). */
  regimen?: RegimenLike;
  /** Output times: an increasing array or a grid (regimen mode). */
  times?: ArrayLike<number> | TimeGrid;
  /** NONMEM dataset: its EVID 0 rows are the outputs, its dose rows the doses. */
  data?: Dataset;
  /** Parameter values replacing the model's defaults for every subject. */
  params?: Record<string, number>;
  /** Covariate values where the dataset gives none (before a subject's first value under "locf"). */
  covariates?: Record<string, number>;
  /**
   * Per-subject parameter and covariate values (regimen mode): subject i + 1 gets `params` and
   * `covariates` overridden by `subjects[i]` (e.g. `VirtualPopulation.toSubjects()`).
   */
  subjects?: readonly Record<string, number>[];
}

export interface SimulateOptions extends SolverOptions {
  /**
   * "auto" (default): closed form for linear models, else the automatic stiff/non-stiff ODE
   * solver; "closed-form" (linear models only); "ode"; or an ODE `Algorithm` such as `dopri5()`.
   */
  method?: SimulationMethod | Algorithm;
  /**
   * How each time-varying dataset covariate is read between its records, by name:
   * "locf" (default), "nocb" or "linear" (see `CovariateInterpolation`). A model with a
   * "linear" covariate is solved with the ODE path ("auto" picks it; "closed-form" is an error).
   */
  covariateInterpolation?: Readonly<Record<string, CovariateInterpolation>>;
  /**
   * The outputs and states to keep, by name (default: all). A large run that needs one
   * column keeps only that one, e.g. `record: ["CP"]` for 10,000 subjects saves five of six
   * columns of memory traffic.
   */
  record?: readonly string[];
}

/**
 * Simulates a model: doses by NONMEM rules, the exact solution for linear models or an
 * adaptive ODE solver otherwise, outputs at the requested times.
 *
 * Observation times that coincide with a dose are recorded after that dose in regimen mode
 * (so a bolus shows its peak at the dose time); in dataset mode the row order decides.
 *
 * @example
 * const sim = simulate("pk2cmt_oral", { regimen: "100 mg q12h x 14", times: { end: 336, step: 1 } });
 * sim.outputs.CP[336];
 */
export function simulate(model: Model | string, input: SimulationInput, options: SimulateOptions = {}): Simulation {
  const m = typeof model === "string" ? getModel(model) : model;
  const interpolation = resolveInterpolation(m, options.covariateInterpolation);
  const subjects = input.data ? datasetSubjects(m, input, interpolation) : regimenSubjects(m, input);
  const n = m.compartments.length;
  const rates = new Float64Array(n);
  const propagator = createPropagator(m, rates, options, interpolation.includes("linear"));
  const engine = new Engine(m, propagator, rates, options);

  // Regimen subjects share one record list: count its observations once, not per subject.
  const observations = new Map<readonly EventRecord[], number>();
  const rows = subjects.reduce((sum, s) => {
    let count = observations.get(s.records);
    if (count === undefined) observations.set(s.records, (count = s.records.reduce((k, r) => k + (r.evid === 0 ? 1 : 0), 0)));
    return sum + count;
  }, 0);
  const recorded = recordedColumns(m, options.record);
  checkResultSize(rows, 2 + recorded.outputs.length + recorded.states.length, subjects.length);
  const id = new Float64Array(rows);
  const time = new Float64Array(rows);
  const outputs = columns(recorded.outputs.map((i) => m.outputs[i].name), rows);
  const states = columns(recorded.states.map((i) => m.compartments[i].name), rows);
  const recorder = new RowRecorder(m, { columns: Object.values(outputs), index: recorded.outputs }, { columns: Object.values(states), index: recorded.states });
  const timelines = new TimelineCache(m, interpolation);

  let status: SolverStatus = "success";
  let message = "";
  let offset = 0;
  for (const subject of subjects) {
    const timeline = timelines.get(subject.records, subject.p);
    const count = timeline.outputTimes.length;
    id.fill(subject.id, offset, offset + count);
    time.set(timeline.outputTimes, offset);
    recorder.startSubject(offset);
    const outcome = engine.run(timeline, subject.p, recorder.record, recorder.recordRows, recorder.recordGrid);
    recorder.finishSubject(count);
    if (outcome.status !== "success" && status === "success") {
      status = outcome.status;
      message = `ID ${subject.id}: ${outcome.message}`;
    }
    offset += count;
  }
  return new Simulation(m, propagator.method, id, time, outputs, states, status, message, propagator.stats, { model: m, input, options, simulate });
}

/**
 * Subjects sharing their records (every subject of a regimen) and their dose modifiers
 * (F, ALAG) share one timeline, so large populations do not rebuild identical event lists.
 * @internal
 */
export class TimelineCache {
  private readonly modifiers: number[];
  private records: readonly EventRecord[] | undefined;
  /** The dose modifiers' values the timeline was built with, in `modifiers` order. */
  private readonly values: Float64Array;
  private timeline: Timeline | undefined;

  constructor(
    private readonly model: Model,
    private readonly interpolation: readonly CovariateInterpolation[],
  ) {
    // Parameters only: with covariates (dose modifiers among them or not) the timeline is rebuilt for every subject anyway.
    this.modifiers = model.parameters.flatMap((q, i) => (isDoseModifier(q.name) ? [i] : []));
    this.values = new Float64Array(this.modifiers.length);
  }

  get(records: readonly EventRecord[], p: Float64Array): Timeline {
    if (!this.timeline || records !== this.records || !this.sameModifiers(p) || this.model.covariates.length > 0) {
      this.timeline = buildTimeline(this.model, records, p, this.interpolation);
      this.records = records;
      this.modifiers.forEach((i, k) => (this.values[k] = p[i]));
    }
    return this.timeline;
  }

  private sameModifiers(p: Float64Array): boolean {
    for (let k = 0; k < this.modifiers.length; k++) if (p[this.modifiers[k]] !== this.values[k]) return false;
    return true;
  }
}

/** @internal */
export function createPropagator(model: Model, rates: Float64Array, options: SimulateOptions, interpolated: boolean): Propagator {
  const method = options.method ?? "auto";
  if (method === "closed-form" && interpolated) {
    throw new Error(`method "closed-form" cannot follow linearly interpolated covariates (covariateInterpolation of model ${model.name}); use "ode" or "auto"`);
  }
  if (method === "closed-form" || (method === "auto" && model.linear && !interpolated)) return new ClosedFormPropagator(model, rates, options);
  if (method === "auto" || method === "ode") return new OdePropagator(model, rates, auto(), options);
  if (typeof method === "string") {
    throw new Error(`unknown simulation method "${method}"; use "auto", "closed-form", "ode" or an ODE algorithm such as dopri5()`);
  }
  return new OdePropagator(model, rates, method, options);
}

interface SubjectInput {
  id: number;
  p: Float64Array;
  records: EventRecord[];
}

/** Indices of the outputs and states to record (all without a `record` list); an unknown name is an error listing the columns. */
function recordedColumns(model: Model, record: readonly string[] | undefined): { outputs: number[]; states: number[] } {
  const outputNames = model.outputs.map((o) => o.name);
  const stateNames = model.compartments.map((c) => c.name);
  if (!record) return { outputs: outputNames.map((_, i) => i), states: stateNames.map((_, i) => i) };
  for (const name of record) {
    if (!outputNames.includes(name) && !stateNames.includes(name)) {
      throw new Error(`record names "${name}", which is not an output or state of model ${model.name}; columns: ${[...outputNames, ...stateNames].join(", ")}`);
    }
  }
  const pick = (names: string[]) => names.flatMap((name, i) => (record.includes(name) ? [i] : []));
  return { outputs: pick(outputNames), states: pick(stateNames) };
}

function columns(names: string[], rows: number): Record<string, Float64Array> {
  const result: Record<string, Float64Array> = {};
  for (const name of names) result[name] = new Float64Array(rows);
  return result;
}

/** The parameter vector (parameters then covariates) with defaults, overrides and checks. */
function checkedParameters(model: Model, ...overrides: (Record<string, number> | undefined)[]): Float64Array {
  const p = parameterVector(model, ...overrides);
  checkParameters(model, p);
  return p;
}

function regimenSubjects(model: Model, input: SimulationInput): SubjectInput[] {
  const doses = regimenDoses(input.regimen);
  // Doses per kg or per m² differ by subject; all others are converted once and shared.
  const sized = doses.some((d) => d.unit?.includes("/"));
  const common = sized ? undefined : toModelDoses(model, doses, {});
  let times: ArrayLike<number> | undefined;
  let shared: EventRecord[] | undefined;
  const declared = new Set([...model.parameters.map((q) => q.name), ...model.covariates]);
  const dosingNames = [...DOSING_COVARIATES.keys()].filter((name) => !declared.has(name));
  const none = new Map<string, number>();
  return (input.subjects ?? [{}]).map((values, i) => {
    // Most subjects give no dosing covariate: their records go on as they are, nothing copied.
    const split = hasAny(input.covariates, dosingNames) || hasAny(values, dosingNames) ? splitDosingCovariates(dosingNames, [input.covariates, values]) : undefined;
    const p = split ? checkedParameters(model, input.params, ...split.known) : checkedParameters(model, input.params, input.covariates, values);
    if (model.covariates.length > 0) missingCovariates(model, p, `subject ${i + 1}`);
    const modelDoses = common ?? toModelDoses(model, doses, bodySize(model, p, split?.dosing ?? none), `subject ${i + 1}`);
    times ??= outputTimes(input.times, modelDoses, model);
    // One record list for all subjects when they share doses: the id lives in the output columns.
    const records = common ? (shared ??= regimenRecords(modelDoses, times)) : regimenRecords(modelDoses, times);
    return { id: i + 1, p, records };
  });
}

/** Whether `record` has a value named in `names`. */
function hasAny(record: Record<string, number> | undefined, names: readonly string[]): boolean {
  if (!record) return false;
  for (const name of names) if (Object.prototype.hasOwnProperty.call(record, name)) return true;
  return false;
}

/**
 * Covariate records split into what the model reads and the dosing covariates `dosingNames`
 * (WT, HT, BSA that the model does not declare), which only size doses per kg or per m².
 */
function splitDosingCovariates(dosingNames: readonly string[], records: (Record<string, number> | undefined)[]): { known: (Record<string, number> | undefined)[]; dosing: Map<string, number> } {
  const dosing = new Map<string, number>();
  const known = records.map((record) => {
    if (!hasAny(record, dosingNames)) return record;
    // Null prototype: a user's name such as "__proto__" stays a key, so parameterVector names it.
    const kept: Record<string, number> = Object.create(null);
    for (const [name, value] of Object.entries(record as Record<string, number>)) {
      if (dosingNames.includes(name)) dosing.set(name, value);
      else kept[name] = value;
    }
    return kept;
  });
  return { known, dosing };
}

/** One parameter vector (defaults, `input.params`, the subject's first covariates) per dataset subject. @internal */
export function datasetSubjects(model: Model, input: SimulationInput, interpolation: readonly CovariateInterpolation[]): SubjectInput[] {
  const data = input.data as Dataset;
  caseOnlyCovariates(model, data.covariates);
  return data.subjects.map((s) => {
    const p = checkedParameters(model, input.params, input.covariates);
    model.covariates.forEach((name, i) => {
      const value = initialCovariate(s.records, name, interpolation[i]);
      if (!Number.isNaN(value)) p[model.parameters.length + i] = value;
    });
    missingCovariates(model, p, `ID ${s.id}`);
    return { id: s.id, p, records: s.records };
  });
}

/**
 * Refuses a dataset column that differs from a model covariate only in case ("wt" for WT):
 * covariates are matched by exact name, so the model would silently take its default.
 */
function caseOnlyCovariates(model: Model, columns: readonly string[]): void {
  for (const name of model.covariates) {
    if (columns.includes(name)) continue;
    const column = columns.find((c) => c.toUpperCase() === name.toUpperCase());
    if (column !== undefined) {
      throw new Error(`dataset column ${column} is not covariate ${name} of model ${model.name}: covariate names are matched exactly, case included; rename the column ${name}`);
    }
  }
}

function missingCovariates(model: Model, p: Float64Array, who: string): void {
  model.covariates.forEach((name, i) => {
    if (Number.isNaN(p[model.parameters.length + i])) {
      throw new Error(`${who}: covariate ${name} of model ${model.name} has no value; give it in the dataset or in \`covariates\``);
    }
  });
}

/**
 * The default output grid of a regimen, in the model's time unit: from `start` (0) to one
 * dosing interval after the last dose starts (or its infusion ends), or {@link DEFAULT_TAIL_HOURS}
 * h after it when the last dose has no interval, in {@link DEFAULT_GRID_INTERVALS} equal steps.
 */
export const DEFAULT_TAIL_HOURS = 24;
/** Steps of the default output grid (so it has one more point). */
export const DEFAULT_GRID_INTERVALS = 200;

function outputTimes(times: SimulationInput["times"], doses: DoseEvent[], model: Model): ArrayLike<number> {
  // `"length" in times` throws a TypeError on a string or number: name what `times` may be.
  if (times !== undefined && times !== null && typeof times !== "object") {
    throw new Error(`times must be an array of times or a grid { start?, end?, step? } (in ${model.timeUnit}, the model's time unit), not a ${typeof times} (${show(times)})`);
  }
  if (times && "length" in times) {
    for (let k = 0; k < times.length; k++) {
      if (!Number.isFinite(times[k])) throw new Error(`times[${k}] = ${show(times[k])} is not a finite number`);
      if (k > 0 && times[k] < times[k - 1]) {
        throw new Error(`times must be in increasing order: times[${k}] = ${times[k]} comes after times[${k - 1}] = ${times[k - 1]}`);
      }
    }
    return times;
  }
  const grid = (times ?? {}) as TimeGrid;
  checkGridFields(grid, model);
  const start = grid.start ?? 0;
  // A continuous infusion (amount Infinity) never ends: its start counts, not its end.
  const duration = (d: DoseEvent) => (d.rate > 0 && Number.isFinite(d.amount) ? d.amount / d.rate : 0);
  const lastDose = doses.reduce((t, d) => Math.max(t, d.time + d.addl * d.ii + duration(d)), start);
  const interval = doses.reduce((t, d) => Math.max(t, d.ii), 0);
  const tail = (DEFAULT_TAIL_HOURS * (parseUnit("h") as Unit).value) / (parseUnit(model.timeUnit) as Unit).value;
  const end = grid.end ?? lastDose + (interval > 0 ? interval : tail);
  const step = grid.step ?? (end - start) / DEFAULT_GRID_INTERVALS;
  if (!(end > start) || !(step > 0)) {
    throw new Error(`time grid needs end > start and step > 0 (got start ${start}, end ${end}, step ${step})`);
  }
  if (!Number.isFinite(end - start)) {
    throw new Error(`time grid from ${start} to ${end} spans more than the largest number (1.8e308); give a shorter grid`);
  }
  const count = gridPoints(start, end, step);
  return Float64Array.from({ length: count }, (_, k) => start + k * step);
}

/** The fields of a time grid, with what each is for messages. */
const GRID_FIELDS = [
  ["start", "start time"],
  ["end", "end time"],
  ["step", "step"],
] as const;

/**
 * Refuses a grid field that is not a finite number, naming it: `end: Infinity` was reported
 * as a grid of NaN points, `step: Infinity` as NaN observation times, `end: "10"` compared
 * as text.
 */
function checkGridFields(grid: TimeGrid, model: Model): void {
  for (const [key, what] of GRID_FIELDS) {
    const value: unknown = grid[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
      throw new Error(`times.${key} = ${show(value)}: give a finite ${what}, a number in ${model.timeUnit} (the model's time unit)`);
    }
  }
}

/** A value for a message: strings quoted, so "10" and 10 differ (a long one shortened by `excerpt`). */
function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(excerpt(value, 40)) : String(value);
}

export { EventError };
