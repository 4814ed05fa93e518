import { warn } from "../warnings/index.js";
import type { PopulationPlan } from "./population-plan.js";
import { PopulationSimulation, type Attainment, type PercentileBands } from "./population-simulation.js";
import { bandQuantiles } from "./band-quantiles.js";
import type { ChunkResult } from "./types.js";

/** Percentile values at consecutive times from `k0`, time-major: `values[(k − k0)·subjects + s]`. */
export interface BandShare {
  k0: number;
  values: Float64Array | Float32Array;
}

/**
 * Collects chunk results, in any order, into storage sized once for the whole population,
 * then computes the summaries. Everything is placed by subject index and reduced in subject
 * order (or by counting), so the result does not depend on how the chunks were made.
 *
 * Memory: percentile values time-major (T × subjects, float64 or float32) in `shares` blocks of
 * consecutive times, target metrics (subjects × targets), and with `keep` the parameters (and
 * rows for "all"). A worker pool hands each block to a thread for its quantiles as it is, so
 * the largest array of the run is never copied.
 *
 * @example
 * const acc = new PopulationAccumulator(plan);
 * acc.add(simulateChunk(plan, 0, plan.total, plan.subjectStreams));
 * const result = acc.finish();
 */
export class PopulationAccumulator {
  private readonly shares: BandShare[] = [];
  private readonly metrics: Float64Array;
  private readonly parameters: Float64Array | undefined;
  private readonly ipred: Float64Array | undefined;
  private readonly dv: Float64Array | undefined;
  private failed = 0;
  private message = "";
  private done = 0;
  private firstFailure = Infinity;

  constructor(
    private readonly plan: PopulationPlan,
    shares = 1,
  ) {
    const { total, times, percentiles, keep } = plan;
    const T = times.length;
    if (percentiles) {
      const size = Math.ceil(T / shares);
      for (let k0 = 0; k0 < T; k0 += size) {
        const length = (Math.min(T, k0 + size) - k0) * total;
        this.shares.push({ k0, values: percentiles.precision === "float32" ? new Float32Array(length) : new Float64Array(length) });
      }
    }
    this.metrics = new Float64Array(total * plan.targets.length);
    if (keep !== "none") this.parameters = new Float64Array(total * plan.parameterNames.length);
    if (keep === "all") {
      this.ipred = new Float64Array(total * T);
      if (plan.residual) this.dv = new Float64Array(total * T);
    }
  }

  /** Subjects added so far. */
  get count(): number {
    return this.done;
  }

  /** Places a chunk's results by subject index. */
  add(chunk: ChunkResult): void {
    const { first, count } = chunk;
    const total = this.plan.total;
    const T = this.plan.times.length;
    if (chunk.values) {
      for (const { k0, values } of this.shares) {
        const k1 = k0 + values.length / total;
        for (let k = k0; k < k1; k++) values.set(chunk.values.subarray(k * count, (k + 1) * count), (k - k0) * total + first);
      }
    }
    this.metrics.set(chunk.metrics, first * this.plan.targets.length);
    if (this.parameters && chunk.parameters) this.parameters.set(chunk.parameters, first * this.plan.parameterNames.length);
    if (this.ipred && chunk.ipred) this.ipred.set(chunk.ipred, first * T);
    if (this.dv && chunk.dv) this.dv.set(chunk.dv, first * T);
    this.failed += chunk.failed;
    // The first failure by subject order, whatever order chunks arrive in.
    if (chunk.message && (!this.message || first < this.firstFailure)) {
      this.message = chunk.message;
      this.firstFailure = first;
    }
    this.done += count;
  }

  /**
   * The summaries; the percentile storage is reordered in place, so call once. `bands`
   * (`bandQuantiles` of all times, computed elsewhere from `bandShares`) replaces computing them here.
   */
  finish(bands?: Float64Array[]): PopulationSimulation {
    const { plan } = this;
    // Said once, where the result is made (in the caller's thread, never in a worker), through
    // the kernel's one warning channel; the result keeps them too (`warnings`, `summary()`).
    for (const w of plan.warnings) warn(w);
    const model = plan.model;
    const names = plan.parameterNames;
    const subjects = this.parameters && {
      parameters: Object.fromEntries(names.map((q, k) => [q, Float64Array.from({ length: plan.total }, (_, s) => this.parameters![s * names.length + k])])),
      metrics: plan.targets.map((_, t) => Float64Array.from({ length: plan.total }, (_, s) => this.metrics[s * plan.targets.length + t])),
    };
    return new PopulationSimulation(
      model.name,
      plan.output,
      { time: model.timeUnit, output: model.outputs.find((o) => o.name === plan.output)?.unit },
      plan.times,
      plan.input.n,
      plan.input.replicates ?? 1,
      plan.input.seed ?? 1,
      this.bands(bands),
      plan.targets.map((_, t) => this.attained(t)),
      subjects,
      this.ipred,
      this.dv,
      this.failed,
      this.message,
      [...plan.warnings],
    );
  }

  /**
   * The percentile values in blocks of consecutive times from `k0` (time-major, all subjects),
   * for computing their quantiles elsewhere with `bandQuantiles` (e.g. on worker threads, which
   * may take the arrays: `finish` then needs the computed bands).
   */
  bandShares(): readonly BandShare[] {
    return this.shares;
  }

  private bands(computed?: Float64Array[]): PercentileBands | undefined {
    const request = this.plan.percentiles;
    if (!request) return undefined;
    const values = computed ?? this.computeBands(request.quantiles);
    return { quantiles: [...request.quantiles], of: request.of, note: request.note, values };
  }

  private computeBands(probabilities: readonly number[]): Float64Array[] {
    const result = probabilities.map(() => new Float64Array(this.plan.times.length));
    for (const { k0, values } of this.shares) bandQuantiles(values, this.plan.total, probabilities).forEach((band, q) => result[q].set(band, k0));
    return result;
  }

  private attained(t: number): Attainment {
    const { plan } = this;
    const { thresholds } = plan.targets[t];
    const targets = plan.targets.length;
    const replicates = plan.input.replicates ?? 1;
    const n = plan.input.n;
    const hits = thresholds.map(() => new Float64Array(replicates));
    const evaluated = new Float64Array(replicates);
    for (let s = 0; s < plan.total; s++) {
      const metric = this.metrics[s * targets + t];
      if (Number.isNaN(metric)) continue;
      const r = Math.floor(s / n);
      evaluated[r]++;
      thresholds.forEach((x, i) => (hits[i][r] += metric >= x ? 1 : 0));
    }
    const all = evaluated.reduce((a, b) => a + b, 0);
    return {
      target: plan.targetSpecs[t],
      thresholds: [...thresholds],
      probability: hits.map((h) => h.reduce((a, b) => a + b, 0) / all),
      byReplicate: hits.map((h) => Array.from(h, (c, r) => c / evaluated[r])),
      evaluated: all,
    };
  }
}
