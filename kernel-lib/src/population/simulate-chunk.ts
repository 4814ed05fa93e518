import type { RandomStream } from "../random/random-stream.js";
import { PopulationError } from "./population-error.js";
import type { PopulationPlan } from "./population-plan.js";
import { predictions } from "./subject-predictions.js";
import type { ChunkResult } from "./types.js";

/**
 * Subjects per `simulate()` call within a chunk. Small batches keep each call's arrays in a
 * core's own cache: with whole 500-subject chunks, two worker threads spent their time
 * waiting on the memory bandwidth they share and scaled ≈ 1.3× instead of ≈ 1.8×.
 */
const BATCH = 50;

/**
 * Simulates subjects first + 1 … first + count of a plan (see `predictions`) and keeps only
 * what the plan asks for. `streams` is positioned so that its next substream is subject
 * first + 1's; it moves past the chunk. Each subject's numbers depend only on its own
 * substream, so chunks give the same subjects however the population is split.
 *
 * @example
 * const plan = planPopulation("pk1cmt_iv", { regimen: "100 mg", times: [1], n: 4, omega: { CL: 0.09 } });
 * const a = simulateChunk(plan, 0, 2, plan.subjectStreams), b = simulateChunk(plan, 2, 2, plan.subjectStreams);
 */
export function simulateChunk(plan: PopulationPlan, first: number, count: number, streams: RandomStream): ChunkResult {
  const { parameterNames, thetas, etaIndex, transforms, eta, residual, targets, percentiles, keep, input } = plan;
  const T = plan.times.length;
  const np = parameterNames.length;
  const parameters = new Float64Array(count * np);
  const etas = new Float64Array(eta?.dimension ?? 0);
  const subjectStreams: RandomStream[] = [];
  const occasionValues: Float64Array[] = [];
  const subjects = Array.from({ length: count }, (_, j) => {
    const stream = streams.substream();
    subjectStreams.push(stream);
    if (eta) eta.sample(stream, etas);
    const theta = thetas[Math.floor((first + j) / input.n)];
    const values: Record<string, number> = {};
    for (let k = 0; k < np; k++) {
      const e = etaIndex[k];
      const value = e < 0 ? theta[k] : transforms[k](theta[k], etas[e]);
      parameters[j * np + k] = value;
      values[parameterNames[k]] = value;
    }
    if (plan.iov) occasionValues.push(drawOccasions(plan, theta, etas, stream));
    return values;
  });

  const ipredAll = keep === "all" ? new Float64Array(count * T) : undefined;
  const dvAll = keep === "all" && residual ? new Float64Array(count * T) : undefined;
  const values = percentiles ? new Float64Array(count * T) : undefined;
  const metrics = new Float64Array(count * targets.length);
  let failed = 0;
  let message = "";
  // One DV buffer for all batches: a fresh one per batch would be new memory each time, and
  // two threads that keep touching new memory wait on the memory bandwidth they share.
  const dv = residual ? new Float64Array(Math.min(BATCH, count) * T) : undefined;
  const bandsOfDv = percentiles?.of === "DV";
  for (let b = 0; b < count; b += BATCH) {
    const size = Math.min(BATCH, count - b);
    // The simulate() call numbers its subjects from 1 (ID k is subject first + b + k).
    const who = `subjects ${first + b + 1}–${first + b + size}`;
    let predicted;
    try {
      predicted = predictions(plan, first + b, subjects.slice(b, b + size), occasionValues.slice(b, b + size));
    } catch (e) {
      throw new PopulationError(`${who}: ${(e as Error).message}`);
    }
    const { ipred, auc } = predicted;
    if (predicted.message && !message) message = `${who}: ${predicted.message}`;
    if (residual && dv) {
      for (let j = 0; j < size; j++) for (let k = 0; k < T; k++) dv[j * T + k] = residual(ipred[j * T + k], subjectStreams[b + j]);
    }
    for (let j = 0; j < size; j++) {
      for (let t = 0; t < targets.length; t++) metrics[(b + j) * targets.length + t] = targets[t].metric(ipred, j * T, auc);
      for (let k = 0; k < T; k++) {
        if (Number.isNaN(ipred[j * T + k])) {
          failed++;
          break;
        }
      }
    }
    // Time-major (k·count + j), so the accumulator copies whole runs of subjects per time.
    if (values) {
      const of = bandsOfDv ? (dv as Float64Array) : ipred;
      for (let j = 0; j < size; j++) for (let k = 0; k < T; k++) values[k * count + b + j] = of[j * T + k];
    }
    ipredAll?.set(ipred, b * T);
    if (dv) dvAll?.set(dv.subarray(0, size * T), b * T);
  }
  return {
    first,
    count,
    values,
    metrics,
    parameters: keep === "none" ? undefined : parameters,
    ipred: ipredAll,
    dv: dvAll,
    failed,
    message,
  };
}

/** A subject's parameter values on each occasion (occasion-major): transforms of η + κ, κ drawn occasion by occasion. */
function drawOccasions(plan: PopulationPlan, theta: Float64Array, etas: Float64Array, stream: RandomStream): Float64Array {
  const { kappa, parameter, count } = plan.iov!;
  const d = kappa.dimension;
  const values = new Float64Array(count * d);
  const draw = new Float64Array(d);
  for (let o = 0; o < count; o++) {
    kappa.sample(stream, draw);
    for (let i = 0; i < d; i++) {
      const k = parameter[i];
      const e = plan.etaIndex[k];
      values[o * d + i] = plan.transforms[k](theta[k], (e < 0 ? 0 : etas[e]) + draw[i]);
    }
  }
  return values;
}
