import { percentileBandPlot, type PercentileBandOptions, type PercentileBandFigure } from "../plot/percentile-band-plot.js";
import type { Target } from "./targets.js";

/** Percentile bands: `values[q][k]` is quantile `quantiles[q]` of IPRED or DV at `times[k]` over the subjects that ran. */
export interface PercentileBands {
  quantiles: number[];
  of: "IPRED" | "DV";
  /** Which values the bands are of and why (the default DV with `sigma`, IPRED without, or as asked). */
  note: string;
  values: Float64Array[];
}

/** Probability of target attainment for each threshold: pooled over all subjects, and per replicate. */
export interface Attainment {
  target: Target;
  thresholds: number[];
  probability: number[];
  byReplicate: number[][];
  /** Subjects whose metric could be computed (a failed subject counts in neither numerator nor denominator). */
  evaluated: number;
}

/** Per-subject results kept with `keep: "summary"` or `"all"`; arrays run over all subjects, replicate-major. */
export interface SubjectSummaries {
  /** Individual values of every parameter that varies (ETAs applied, THETA uncertainty drawn). */
  parameters: Record<string, Float64Array>;
  /** Each target's metric per subject (C(t), Cmin, AUC or fraction of time above). */
  metrics: Float64Array[];
}

/**
 * The result of `simulatePopulation`: summaries over n × replicates virtual subjects, not the
 * subjects themselves unless asked for (`keep: "all"` gives `ipred` and `dv`, subject-major,
 * row s·T + k for subject s at `times[k]`).
 */
export class PopulationSimulation {
  constructor(
    readonly modelName: string,
    readonly output: string,
    readonly unit: { time?: string; output?: string },
    readonly times: Float64Array,
    readonly n: number,
    readonly replicates: number,
    readonly seed: number,
    readonly percentiles: PercentileBands | undefined,
    readonly attainment: Attainment[],
    readonly subjects: SubjectSummaries | undefined,
    readonly ipred: Float64Array | undefined,
    readonly dv: Float64Array | undefined,
    /** Subjects whose simulation failed (their rows are NaN and are left out of the summaries). */
    readonly failed: number,
    readonly message: string,
    /** Input that is legal but probably a mistake (an implausible OMEGA, an output grid too coarse for a target). */
    readonly warnings: string[] = [],
  ) {}

  /**
   * A text summary: subjects, percentile bands and what they are of, each target's probability
   * of attainment, failures and warnings. Node's `util.inspect` (and so `console.log` and the
   * tslab kernel's display of a cell's last value) shows this instead of the raw arrays.
   */
  summary(): string {
    const lines = [`${this.modelName}: ${this.n} subjects × ${this.replicates} replicate(s), seed ${this.seed}, ${this.times.length} times`];
    if (this.percentiles) lines.push(`bands: quantiles ${this.percentiles.quantiles.join(", ")} — ${this.percentiles.note}`);
    for (const a of this.attainment) {
      const what = JSON.stringify(a.target);
      lines.push(`target ${what}: ${a.thresholds.map((x, i) => `P(≥ ${x}) = ${a.probability[i].toFixed(3)}`).join(", ")} (${a.evaluated} subjects)`);
    }
    if (this.failed > 0) lines.push(`${this.failed} subject(s) failed: ${this.message}`);
    for (const w of this.warnings) lines.push(`warning: ${w}`);
    return lines.join("\n");
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.summary();
  }

  /** Percentile band figure of the bands (see `percentileBandPlot`). */
  plot(options: PercentileBandOptions = {}): PercentileBandFigure {
    if (!this.percentiles) throw new Error("this population simulation has no percentile bands; ask for them with summaries: { percentiles: true }");
    return percentileBandPlot(
      { times: this.times, ...this.percentiles, name: this.percentiles.of === "DV" ? "DV" : this.output },
      { units: this.unit, title: `${this.modelName}: ${this.n * this.replicates} virtual subjects`, ...options },
    );
  }
}
