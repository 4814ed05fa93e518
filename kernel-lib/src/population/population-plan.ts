import { regimenRecords } from "../data/index.js";
import { expandDoses } from "../dosing/index.js";
import type { Dataset, DoseEvent } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import { MultivariateNormal } from "../random/multivariate-normal.js";
import { RandomStream } from "../random/random-stream.js";
import { toModelDoses } from "../simulation/model-doses.js";
import { regimenDoses } from "../simulation/regimen-doses.js";
import { simulate, type SimulateOptions } from "../simulation/simulate.js";
import { occasionModel, type OccasionModel } from "./occasion-model.js";
import { occasionRecords, type OccasionRecords, type OccasionSpec } from "./occasions.js";
import { parseOmega, type Omega } from "./omega.js";
import { checkPopulationMemory } from "./memory-estimate.js";
import { etaTransform, type EtaTransform } from "./parameter-distribution.js";
import { PopulationError } from "./population-error.js";
import { residualError, type ResidualDraw } from "./residual-error.js";
import { coarseGridWarnings, targetExposure } from "./target-exposure.js";
import { targetMetric, type Target, type TargetMetric } from "./targets.js";
import { implausibleOmega } from "./omega-plausibility.js";
import type { KeepLevel, PlainPopulationInput, PopulationInput, PopulationOptions } from "./types.js";

/** Values above this many (subjects × times) are stored as float32 for the percentile bands by default. */
const FLOAT64_LIMIT = 2 ** 24;

/**
 * A validated population simulation, ready to run in chunks: everything the subjects share,
 * the typical values of each replicate, and the random stream positioned at subject 1.
 * Building the same plan from the same `input` gives the same numbers, in any thread.
 * Running it moves `subjectStreams` on, so a plan serves one run.
 */
export interface PopulationPlan {
  model: Model;
  input: PlainPopulationInput;
  simulateOptions: SimulateOptions;
  times: Float64Array;
  /** Subjects in all replicates: n × replicates. */
  total: number;
  output: string;
  /** Parameters that differ between subjects or replicates, in the order of `ChunkResult.parameters`. */
  parameterNames: string[];
  /** Typical values of `parameterNames` per replicate. */
  thetas: Float64Array[];
  /** For each of `parameterNames`: its ETA index (or −1) and transform. */
  etaIndex: number[];
  transforms: EtaTransform[];
  eta?: MultivariateNormal;
  /**
   * Inter-occasion variability: the wrapped model; the records split in occasions, one entry for
   * a regimen or one per dataset subject (virtual subject i follows entry i mod their number);
   * the occasions each subject draws κ for (the most any entry has); κ's distribution; and each κ's parameter index.
   */
  iov?: { model: OccasionModel; occasions: OccasionRecords[]; count: number; kappa: MultivariateNormal; parameter: number[] };
  residual?: ResidualDraw;
  /** The state holding the output's AUC from time 0 (in `model`), when a target needs it. */
  aucState?: string;
  /** What the user should know about the input (implausible OMEGA, a coarse grid for targets). */
  warnings: string[];
  targets: TargetMetric[];
  /** The targets as given, in `targets` order. */
  targetSpecs: Target[];
  percentiles?: { quantiles: number[]; of: "IPRED" | "DV"; note: string; precision: "float64" | "float32" };
  keep: KeepLevel;
  chunkSize: number;
  /** Substream k of this stream is subject k + 1's (replicate-major: subject i of replicate r is k = r·n + i − 1). */
  subjectStreams: RandomStream;
}

/**
 * Checks a population simulation's input and prepares it (see {@link PopulationPlan}).
 * Random numbers: substream 0 of the seed's stream draws the replicates' THETAs, substream
 * k + 1 belongs to subject k + 1 (its ETAs first, then its IOV κ occasion by occasion, then its
 * residual ε time by time).
 *
 * @example
 * const plan = planPopulation("pk1cmt_iv", { regimen: "100 mg", times: [1, 2], n: 10, omega: { CL: 0.09 } });
 * plan.total; // 10
 */
export function planPopulation(model: Model | string, input: PopulationInput | PlainPopulationInput, options: PopulationOptions = {}): PopulationPlan {
  const m = typeof model === "string" ? getModel(model) : model;
  const n = input.n;
  const replicates = input.replicates ?? 1;
  if (!(Number.isInteger(n) && n >= 1)) throw new PopulationError(`n = ${n}: the number of subjects must be a whole number ≥ 1`);
  if (!(Number.isInteger(replicates) && replicates >= 1)) throw new PopulationError(`replicates = ${replicates}: must be a whole number ≥ 1`);
  const chunkSize = options.chunkSize ?? 500;
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new PopulationError(`chunkSize = ${chunkSize}: must be a whole number ≥ 1`);
  const { onProgress: _progress, summaries, keep, chunkSize: _chunk, ...simulateOptions } = options;
  const regimen = input.data ? [] : regimenDoses(input.regimen);
  if (input.data) sameObservationTimes(input.data);
  if (input.subjectCovariates) checkSubjectCovariates(m, input.subjectCovariates);
  // The typical subject checks the design, parameters and covariates, and gives the time grid.
  const design = input.data && { covariates: input.data.covariates, subjects: input.data.subjects.slice(0, 1) };
  const typical = simulate(m, { regimen, times: input.times, data: design, params: input.params, covariates: input.covariates }, simulateOptions);
  const output = input.output ?? m.outputs[0]?.name;
  if (output === undefined || !typical.outputs[output]) {
    throw new PopulationError(`output "${output}" is not an output of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  }
  const times = typical.time;
  const warnings: string[] = [];
  const targetSpecs = [...(summaries?.attainment ?? [])];
  const targets = targetSpecs.map((t, i) => targetMetric(t, times, i));
  const exposure = targetExposure(m, output, targetSpecs, warnings);
  if (exposure.aucState) {
    const auc = simulate(exposure.model, { regimen, times, data: design, params: input.params, covariates: input.covariates }, { ...simulateOptions, record: [exposure.aucState] });
    warnings.push(...coarseGridWarnings(targetSpecs, times, typical.outputs[output], auc.states[exposure.aucState]));
  }
  const names = m.parameters.map((q) => q.name);
  const omega = input.omega ? parseOmega(input.omega, names) : { names: [], matrix: [] };
  const iovOmega = input.iov && parseOmega(input.iov.omega, names, "IOV OMEGA");
  const uncertainty = input.uncertainty && parseOmega({ names: input.uncertainty.names, matrix: input.uncertainty.covariance }, names, "THETA covariance");
  const varying = [...new Set([...omega.names, ...(iovOmega?.names ?? [])])];
  for (const name of Object.keys(input.distributions ?? {})) {
    if (!varying.includes(name)) throw new PopulationError(`distributions names "${name}", which has no ETA in OMEGA or IOV (${varying.join(", ") || "none"})`);
  }
  warnings.push(...implausibleOmega(omega, input.distributions, "OMEGA"), ...(iovOmega ? implausibleOmega(iovOmega, input.distributions, "IOV OMEGA") : []));
  const parameterNames = [...new Set([...varying, ...(uncertainty?.names ?? [])])];
  const defaults = Object.fromEntries(m.parameters.map((q) => [q.name, q.value]));
  const tv = parameterNames.map((q) => input.params?.[q] ?? defaults[q]);

  const base = RandomStream.fromSeed(input.seed ?? 1);
  const thetas = drawThetas(tv, parameterNames, uncertainty, replicates, base.substream());
  const percentiles = percentileRequest(options, input, times.length * n * replicates);
  checkPopulationMemory({
    subjects: n * replicates, times: times.length, bands: percentiles?.precision, keep: keep ?? "summary",
    parameters: parameterNames.length, targets: summaries?.attainment?.length ?? 0, residual: input.sigma !== undefined,
  });
  const occasions = input.iov && designOccasions(m, input.data, regimen, times, input.iov.occasions);
  return {
    model: exposure.model,
    input: { ...input, regimen, times: Array.from(times) },
    // Only the summarised output is recorded: every other column is memory traffic that keeps
    // two worker threads from scaling (they share the memory bandwidth).
    simulateOptions: { ...simulateOptions, record: exposure.aucState ? [output, exposure.aucState] : [output] },
    times,
    total: n * replicates,
    output,
    parameterNames,
    thetas,
    etaIndex: parameterNames.map((q) => omega.names.indexOf(q)),
    transforms: parameterNames.map((q) => etaTransform(q, input.distributions?.[q])),
    eta: omega.names.length > 0 ? new MultivariateNormal(omega.matrix, { name: "OMEGA", labels: omega.names }) : undefined,
    iov: iovOmega && occasions && {
      model: occasionModel(exposure.model, iovOmega.names),
      occasions,
      count: Math.max(...occasions.map((o) => o.count)),
      kappa: new MultivariateNormal(iovOmega.matrix, { name: "IOV OMEGA", labels: iovOmega.names }),
      parameter: iovOmega.names.map((q) => parameterNames.indexOf(q)),
    },
    residual: input.sigma ? residualError(input.sigma) : undefined,
    aucState: exposure.aucState,
    warnings,
    targets,
    targetSpecs,
    percentiles,
    keep: keep ?? "summary",
    chunkSize,
    subjectStreams: base,
  };
}

/** The design's records split into occasions: the regimen's (doses expanded), or each dataset subject's. */
function designOccasions(model: Model, data: Dataset | undefined, regimen: DoseEvent[], times: Float64Array, spec: OccasionSpec): OccasionRecords[] {
  if (!data) {
    if ("column" in spec) throw new PopulationError(`IOV occasions by column (${spec.column}) need a dataset design (\`data\`); with a regimen give occasions as { doses } or { times }`);
    // Occasions follow dose times and order in the model's time unit; dose sizes do not
    // matter here, so doses per kg or m² are sized for a unit body.
    const doses = toModelDoses(model, regimen, { weight: 1, surface: 1 });
    return [occasionRecords(regimenRecords(expandDoses(doses), times), spec, "the regimen")];
  }
  if ("column" in spec && !data.covariates.includes(spec.column)) {
    throw new PopulationError(`IOV occasions: the dataset has no column ${spec.column}; its other columns: ${data.covariates.join(", ") || "none"}`);
  }
  return data.subjects.map((s) => occasionRecords(s.records, spec, `ID ${s.id}`));
}

/** Every entry of `subjectCovariates` names covariates of the model, with finite values. */
function checkSubjectCovariates(model: Model, entries: readonly Readonly<Record<string, number>>[]): void {
  if (entries.length === 0) throw new PopulationError("subjectCovariates is empty: give one entry per subject (or leave it out)");
  entries.forEach((entry, i) => {
    for (const [name, value] of Object.entries(entry)) {
      if (!model.covariates.includes(name)) {
        throw new PopulationError(`subjectCovariates[${i}].${name}: model ${model.name} has no covariate ${name}; its covariates: ${model.covariates.join(", ") || "none"}`);
      }
      if (!Number.isFinite(value)) throw new PopulationError(`subjectCovariates[${i}].${name} = ${value}: not a finite number`);
    }
  });
}

/** Typical values per replicate: `tv`, plus a draw from the THETA covariance for each replicate when given. */
function drawThetas(tv: number[], names: string[], uncertainty: Omega | undefined, replicates: number, stream: RandomStream): Float64Array[] {
  const draw = uncertainty && new MultivariateNormal(uncertainty.matrix, { name: "THETA covariance", labels: uncertainty.names });
  const delta = new Float64Array(uncertainty?.names.length ?? 0);
  return Array.from({ length: replicates }, (_, r) => {
    const theta = Float64Array.from(tv);
    if (!uncertainty || !draw) return theta;
    draw.sample(stream, delta);
    uncertainty.names.forEach((q, k) => (theta[names.indexOf(q)] += delta[k]));
    names.forEach((q, k) => {
      if (!Number.isFinite(theta[k])) throw new PopulationError(`replicate ${r + 1}: THETA ${q} = ${theta[k]}`);
    });
    return theta;
  });
}

function percentileRequest(options: PopulationOptions, input: PopulationInput | PlainPopulationInput, values: number): PopulationPlan["percentiles"] {
  const request = options.summaries?.percentiles;
  if (!request) return undefined;
  const r = request === true ? {} : request;
  const quantiles = [...(r.quantiles ?? [0.05, 0.5, 0.95])];
  quantiles.forEach((q) => {
    if (!(q >= 0 && q <= 1)) throw new PopulationError(`percentile quantile ${q} is not a probability in [0, 1] (write 0.05 for the 5th percentile)`);
  });
  if (r.of !== undefined && r.of !== "IPRED" && r.of !== "DV") throw new PopulationError(`percentiles of "${r.of}": use "IPRED" (model predictions) or "DV" (with residual error)`);
  const of = r.of ?? (input.sigma ? "DV" : "IPRED");
  if (of === "DV" && !input.sigma) throw new PopulationError('percentiles of "DV" need a residual error model (`sigma`)');
  const note =
    r.of !== undefined
      ? `percentiles of ${of} (as asked)`
      : of === "DV"
        ? 'percentiles of DV, the predictions with residual error (the default when sigma is given); pass percentiles: { of: "IPRED" } for the model predictions'
        : "percentiles of IPRED, the model predictions (the default without sigma)";
  return { quantiles, of, note, precision: r.precision ?? (values <= FLOAT64_LIMIT ? "float64" : "float32") };
}

function sameObservationTimes(data: Dataset): void {
  if (data.subjects.length === 0) throw new PopulationError("data: the dataset has no subjects to take the design from");
  const times = (s: Dataset["subjects"][number]): string => s.records.filter((r) => r.evid === 0).map((r) => r.time).join(",");
  const first = times(data.subjects[0]);
  const other = data.subjects.find((s) => times(s) !== first);
  if (other) {
    throw new PopulationError(
      `data: ID ${other.id} is observed at other times than ID ${data.subjects[0].id}; population summaries need one time grid (split the dataset by design, or use a VPC with time bins)`,
    );
  }
}
