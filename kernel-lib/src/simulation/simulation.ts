import { expandDoses } from "../dosing/index.js";
import type { Model } from "../model/types.js";
import { concentrationTimePlot } from "../plot/index.js";
import type { ConcentrationTimeOptions, PlotlyFigure } from "../plot/index.js";
import type { SolverStats, SolverStatus } from "../ode/types.js";
import { exposureModel } from "./exposure-model.js";
import { regimenDoses } from "./regimen-doses.js";
import { secondaryParameters, type SecondaryParameters } from "./secondary-parameters.js";
import type { SimulateOptions, SimulationInput } from "./simulate.js";
import { formatTable, type TableBundle, type TableOptions } from "./simulation-table.js";
import type { SimulationResult } from "./types.js";

/** One row of a simulation as a plain object: ID, TIME, then outputs and states by name. */
export type SimulationRow = Record<string, number>;

/**
 * What made a simulation, so that it can be run again at other times or with an AUC state
 * (`at`, `auc`, `peak`): the model, the input and options, and `simulate` itself (passed in
 * rather than imported, which would make the two modules import each other).
 */
export interface SimulationSource {
  model: Model;
  input: SimulationInput;
  options: SimulateOptions;
  simulate(model: Model, input: SimulationInput, options: SimulateOptions): Simulation;
}

/** Which output, over which interval, for {@link Simulation.auc} and {@link Simulation.peak}. */
export interface IntervalOptions {
  /** Default the model's first output (e.g. CP). */
  output?: string;
  /** Default the first simulated time. */
  from?: number;
  /** Default the last simulated time. */
  to?: number;
}

/** Exact peak per subject (see {@link Simulation.peak}). */
export interface Peaks {
  ID: Float64Array;
  cmax: Float64Array;
  tmax: Float64Array;
}

/**
 * The result of {@link simulate}: columnar Float64Arrays, one row per output time and
 * subject (subjects in the order simulated, each in time order).
 *
 * @example
 * const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: [0, 3, 6] });
 * sim.outputs.CP; // Float64Array [24, 11.68…, 5.68…]
 * sim.toCSV();    // "ID,TIME,CP\n1,0,24\n…"
 */
export class Simulation implements SimulationResult {
  constructor(
    readonly model: Model,
    readonly method: string,
    readonly id: Float64Array,
    readonly time: Float64Array,
    readonly outputs: Record<string, Float64Array>,
    readonly states: Record<string, Float64Array>,
    readonly status: SolverStatus,
    readonly message: string,
    readonly stats: SolverStats,
    /** How to run this simulation again (absent on a result built by hand). */
    readonly source?: SimulationSource,
    /** The subjects of `source` this result holds (all when absent), by ID. */
    private readonly only?: readonly number[],
  ) {}

  /** Number of rows. */
  get length(): number {
    return this.time.length;
  }

  /** The distinct subject ids, in order. */
  subjectIds(): number[] {
    const ids: number[] = [];
    for (let r = 0; r < this.id.length; r++) if (r === 0 || this.id[r] !== this.id[r - 1]) ids.push(this.id[r]);
    return ids;
  }

  /**
   * The rows of one subject, as a Simulation of their own (its columns are views, not copies).
   * Throws naming the subjects there are.
   *
   * @example
   * const second = sim.subject(2);
   * second.outputs.CP; // subject 2's concentrations
   */
  subject(id: number): Simulation {
    let first = -1;
    let end = -1;
    for (let r = 0; r < this.id.length; r++) {
      if (this.id[r] === id) {
        if (first < 0) first = r;
        end = r + 1;
      }
    }
    if (first < 0) throw new Error(`no subject ${id} in this simulation; subjects: ${this.subjectIds().join(", ")}`);
    const view = (columns: Record<string, Float64Array>) => Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.subarray(first, end)]));
    return new Simulation(this.model, this.method, this.id.subarray(first, end), this.time.subarray(first, end), view(this.outputs), view(this.states), this.status, this.message, this.stats, this.source, [id]);
  }

  /** Every subject's rows, as in {@link subject}, in order. */
  subjects(): Simulation[] {
    return this.subjectIds().map((id) => this.subject(id));
  }

  /**
   * The outputs and states at time(s) `t` for each subject of this result, exactly: the
   * simulation is run again with `t` as its output times (closed form or the ODE solver to its
   * tolerance), never interpolated between the rows already computed. A time equal to a dose
   * time is after that dose, as in `simulate`. Needs a simulation from a regimen (a dataset
   * simulation's observation rows are its own output times).
   *
   * @example
   * const sim = simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24, step: 6 } });
   * sim.at(1.5).outputs.CP[0]; // 24·exp(−0.24·1.5) exactly, not a straight line between 0 and 6 h
   */
  at(t: number | readonly number[]): Simulation {
    const times = typeof t === "number" ? [t] : [...t].sort((a, b) => a - b);
    return this.rerun(this.requireSource("at()").model, times);
  }

  /**
   * The AUC of an output over [from, to] for each subject (in `subjectIds()` order), from the
   * solution itself: the model gets an AUC state d/dt(AUC) = output (`exposureModel`) and is
   * run again, so the result is exact for linear models and to the solver's tolerance
   * otherwise — not a trapezoid over the output grid.
   *
   * @example
   * simulate("pk1cmt_iv", { regimen: "600 mg", times: [0, 24] }).auc()[0]; // (600/CL)(1 − e^(−24·CL/V))
   */
  auc(options: IntervalOptions = {}): Float64Array {
    const source = this.requireSource("auc()");
    const { output, from, to } = this.interval(options);
    const { model, aucState } = exposureModel(source.model, [output]);
    if (!Number.isFinite(to)) throw new Error("auc() needs a finite `to` (the AUC state is integrated up to it); for AUC to infinity of a linear model use F·dose/CL");
    const run = this.rerun(model, [from, to]);
    const state = run.states[aucState.get(output) as string];
    return Float64Array.from({ length: state.length / 2 }, (_, s) => state[2 * s + 1] - state[2 * s]);
  }

  /**
   * The exact peak of an output in [from, to] for each subject: the solution on a dense grid
   * (2,000 steps plus every dose time), then golden-section search between the neighbours of
   * the highest point (never across a dose), each probe a run of the simulation at that time.
   * Cmax is exact to rounding and Tmax to about 1e-8 of the interval.
   *
   * @example
   * const { cmax, tmax } = simulate("pk1cmt_oral", { regimen: "100 mg", times: [0, 24] }).peak();
   * tmax[0]; // ln(KA/k)/(KA − k), Bateman's peak time
   */
  peak(options: IntervalOptions = {}): Peaks {
    const { output, grid, doses, ids, values, probe } = this.dense("peak()", options);
    const T = grid.length;
    const result: Peaks = { ID: Float64Array.from(ids), cmax: new Float64Array(ids.length), tmax: new Float64Array(ids.length) };
    ids.forEach((id, s) => {
      let k = 0;
      for (let j = 1; j < T; j++) if (values[s * T + j] > values[s * T + k]) k = j;
      const at = probe(id, output);
      // The search stays between the neighbours and within one dosing interval.
      const lo = Math.max(grid[Math.max(k - 1, 0)], ...doses.filter((d) => d <= grid[k]));
      const hi = Math.min(grid[Math.min(k + 1, T - 1)], ...doses.filter((d) => d > grid[k]));
      const [t, c] = goldenMaximum(at, lo, hi);
      const better = c > values[s * T + k];
      result.cmax[s] = better ? c : values[s * T + k];
      result.tmax[s] = better ? t : grid[k];
    });
    return result;
  }

  /**
   * The time each subject's output is at or above `threshold` in [from, to] (e.g. %T>MIC is
   * this over the interval's length), exactly: the solution on the same dense grid as `peak`,
   * then each crossing of the threshold between two grid points found by bisection to about
   * 1e-10 of the interval, each probe a run of the simulation at that time. A crossing at an
   * IV bolus is at the dose time. Two crossings between neighbouring dense-grid points (a
   * peak above the threshold lasting less than (to − from)/2000) can be missed.
   *
   * @example
   * simulate("pk1cmt_iv", { regimen: "600 mg", times: [0, 24] }).timeAbove(12)[0]; // ln(24/12)/0.24 h
   */
  timeAbove(threshold: number, options: IntervalOptions = {}): Float64Array {
    if (!Number.isFinite(threshold)) throw new Error(`timeAbove: threshold ${threshold} is not a finite number`);
    const { output, grid, ids, values, probe } = this.dense("timeAbove()", options);
    const T = grid.length;
    return Float64Array.from(ids, (id, s) => {
      const at = probe(id, output);
      let total = 0;
      for (let j = 0; j + 1 < T; j++) {
        const above0 = values[s * T + j] >= threshold;
        const above1 = values[s * T + j + 1] >= threshold;
        if (above0 && above1) total += grid[j + 1] - grid[j];
        else if (above0 !== above1) {
          const crossing = bisect((t) => at(t) >= threshold, grid[j], grid[j + 1], above0);
          total += above0 ? crossing - grid[j] : grid[j + 1] - crossing;
        }
      }
      return total;
    });
  }

  /**
   * Secondary parameters of each subject (half-lives, α/β and A/B, Vss, accumulation; see
   * `secondaryParameters`) for a built-in compartment model, from its parameter values.
   */
  secondaryParameters(regimen: { tau?: number; dose?: number } = {}): SecondaryParameters[] {
    const source = this.requireSource("secondaryParameters()");
    const { params, subjects } = source.input;
    return this.subjectIds().map((id) => secondaryParameters(source.model, { ...params, ...(subjects?.[id - 1] ?? {}) }, regimen));
  }

  /**
   * The rows as a table for a notebook or terminal: `text/plain` and `text/html`, the first
   * and last rows when there are more than `maxRows` (see `formatTable`). `show(sim.toTable())`
   * displays it; a Simulation that is a cell's last value prints as its text table.
   */
  toTable(options: TableOptions & { states?: boolean } = {}): TableBundle {
    const names = this.columnNames(options.states ?? false);
    return formatTable(["ID", "TIME", ...names.map(([name]) => name)], [this.id, this.time, ...names.map(([, column]) => column)], options);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const head = `Simulation of ${this.model.name} (${this.method}${this.status === "success" ? "" : `, ${this.status}: ${this.message}`})`;
    return `${head}\n${this.toTable()["text/plain"]}`;
  }

  /** An output or state column by name (outputs first). Throws naming the known columns. */
  column(name: string): Float64Array {
    const column = this.outputs[name] ?? this.states[name];
    if (!column) {
      const known = [...Object.keys(this.outputs), ...Object.keys(this.states)].join(", ");
      throw new Error(`no column "${name}" in this simulation of ${this.model.name}; columns: ${known}`);
    }
    return column;
  }

  /** Rows as objects: `{ ID, TIME, <outputs>, <states> }` (states only when `states` is true). */
  toRows(options: { states?: boolean } = {}): SimulationRow[] {
    const names = this.columnNames(options.states ?? true);
    const rows: SimulationRow[] = [];
    for (let r = 0; r < this.time.length; r++) {
      const row: SimulationRow = { ID: this.id[r], TIME: this.time[r] };
      for (const [name, column] of names) row[name] = column[r];
      rows.push(row);
    }
    return rows;
  }

  /**
   * CSV text with header `ID,TIME,<outputs>` (plus the states when `states` is true).
   * Numbers are written in shortest round-trip form; NaN (a failed subject) as ".".
   */
  toCSV(options: { states?: boolean } = {}): string {
    const names = this.columnNames(options.states ?? false);
    const lines = [["ID", "TIME", ...names.map(([name]) => name)].join(",")];
    for (let r = 0; r < this.time.length; r++) {
      const cells = [this.id[r], this.time[r], ...names.map(([, column]) => column[r])];
      lines.push(cells.map((v) => (Number.isNaN(v) ? "." : String(v))).join(","));
    }
    return lines.join("\n") + "\n";
  }

  /** Concentration–time plotly figure of this simulation (see `concentrationTimePlot`). */
  plot(options: ConcentrationTimeOptions = {}): PlotlyFigure {
    return concentrationTimePlot(this, options);
  }

  private requireSource(what: string): SimulationSource {
    if (!this.source) throw new Error(`${what} runs the simulation again, and this result does not say how it was made (build it with simulate())`);
    if (this.source.input.data) {
      throw new Error(`${what} runs a regimen simulation again at new times; this one follows a dataset, whose observation rows are its output times (add rows at the times you need)`);
    }
    return this.source;
  }

  private interval(options: IntervalOptions): { output: string; from: number; to: number } {
    const output = options.output ?? this.model.outputs[0]?.name;
    if (output === undefined || !this.model.outputs.some((o) => o.name === output)) {
      throw new Error(`model ${this.model.name} has no output "${output}"; outputs: ${this.model.outputs.map((o) => o.name).join(", ")}`);
    }
    const from = options.from ?? this.time[0];
    const to = options.to ?? this.time[this.time.length - 1];
    if (!(to > from)) throw new Error(`the interval needs from < to (got from ${from}, to ${to})`);
    return { output, from, to };
  }

  /**
   * The output on a dense grid over [from, to] (2,000 steps plus every dose time inside), for
   * `peak` and `timeAbove`, and a probe of one subject's output at any time (a re-run).
   */
  private dense(what: string, options: IntervalOptions) {
    const source = this.requireSource(what);
    const { output, from, to } = this.interval(options);
    if (!Number.isFinite(to)) throw new Error(`${what} needs a finite \`to\``);
    const doses = expandDoses(regimenDoses(source.input.regimen)).map((d) => d.time).filter((t) => t > from && t < to);
    const grid = [...new Set([...Array.from({ length: 2001 }, (_, k) => from + ((to - from) * k) / 2000), ...doses])].sort((a, b) => a - b);
    const dense = this.rerun(source.model, grid);
    const probe = (id: number, name: string) => {
      const one = new Simulation(this.model, this.method, this.id, this.time, this.outputs, this.states, this.status, this.message, this.stats, this.source, [id]);
      return (t: number) => one.rerun(source.model, [t]).column(name)[0];
    };
    return { output, grid, doses, ids: dense.subjectIds(), values: dense.column(output), probe };
  }

  /** The source run again with `model` (the source's or one with an AUC state) at `times`, for this result's subjects, with their IDs. */
  private rerun(model: Model, times: readonly number[]): Simulation {
    const source = this.source as SimulationSource;
    const all = source.input.subjects;
    const ids = this.only ?? this.subjectIds();
    const input: SimulationInput = { ...source.input, times, subjects: all ? ids.map((id) => all[id - 1]) : undefined };
    const run = source.simulate(model, input, { ...source.options, record: undefined });
    // simulate numbers the subjects it was given 1, 2, …: back to this result's IDs.
    const id = run.id.map((k) => ids[k - 1]);
    return new Simulation(run.model, run.method, id, run.time, run.outputs, run.states, run.status, run.message, run.stats, source, ids);
  }

  private columnNames(states: boolean): [string, Float64Array][] {
    const names: [string, Float64Array][] = Object.entries(this.outputs);
    if (states) names.push(...Object.entries(this.states));
    return names;
  }
}

/** Golden-section search for the maximum of a unimodal f on [lo, hi] (Press et al., Numerical Recipes, 3rd ed., §10.2). */
function goldenMaximum(f: (t: number) => number, lo: number, hi: number): [number, number] {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 200 && b - a > 1e-9 * Math.max(1, Math.abs(b)); i++) {
    if (fc > fd) {
      [b, d, fd] = [d, c, fc];
      c = b - g * (b - a);
      fc = f(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return fc > fd ? [c, fc] : [d, fd];
}

/** The point in [lo, hi] where `test` changes from `atLo` to its opposite, by bisection to 1e-10 of the interval. */
function bisect(test: (t: number) => boolean, lo: number, hi: number, atLo: boolean): number {
  let a = lo;
  let b = hi;
  const tolerance = 1e-10 * Math.max(1, Math.abs(hi - lo));
  while (b - a > tolerance) {
    const m = (a + b) / 2;
    if (m <= a || m >= b) break;
    if (test(m) === atLo) a = m;
    else b = m;
  }
  // The first time with the new state: b (a bolus dose time where the jump happens).
  return b;
}
