import type { Model } from "../model/types.js";
import { concentrationTimePlot } from "../plot/index.js";
import type { ConcentrationTimeOptions, PlotlyFigure } from "../plot/index.js";
import type { SolverStats, SolverStatus } from "../ode/types.js";
import type { SimulationResult } from "./types.js";

/** One row of a simulation as a plain object: ID, TIME, then outputs and states by name. */
export type SimulationRow = Record<string, number>;

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

  private columnNames(states: boolean): [string, Float64Array][] {
    const names: [string, Float64Array][] = Object.entries(this.outputs);
    if (states) names.push(...Object.entries(this.states));
    return names;
  }
}
