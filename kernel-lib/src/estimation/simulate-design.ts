import type { Dataset } from "../dosing/types.js";
import { getModel } from "../library/index.js";
import type { Model } from "../model/types.js";
import { parseOmega, residualError, type Omega, type OmegaSpec, type ResidualErrorSpec } from "../population/index.js";
import { MultivariateNormal, RandomStream } from "../random/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { EstimationError } from "./estimation-error.js";
import type { IndividualModel } from "./focei.js";
import { subjectObservations, type SubjectObservations } from "./observations.js";
import { predict } from "./predict.js";

/**
 * A population model with values, as a fit returns them: THETA, the typical values of the
 * model's parameters from THETA and covariates (`individual`, default: THETA names model
 * parameters), OMEGA of log-normal η (P = typical·exp(η)) and SIGMA. A `PopulationFit` or a
 * `SaemFit` has these fields (add `individual` when the fit had one).
 */
export interface PopulationValuesSpec {
  theta: Readonly<Record<string, number>>;
  individual?: IndividualModel;
  omega: OmegaSpec | Omega;
  /** Residual error variances: additive and/or proportional (`{ additive: 0.5 }`). */
  sigma: ResidualErrorSpec | Readonly<Record<string, number>>;
  /** Model output compared with DV (default: the model's first output). */
  output?: string;
}

/** A population model resolved against a model and a dataset. @internal */
export interface ResolvedPopulation {
  model: Model;
  output: string;
  subjects: SubjectObservations[];
  omega: Omega;
  sigma: ResidualErrorSpec;
  /** Typical values of subject i's parameters (covariates of its first record). */
  typical(i: number): Record<string, number>;
  /** Subject i's parameters at η (in OMEGA order). */
  parameters(i: number, eta: ArrayLike<number>): Record<string, number>;
}

/** Checks a population model against a model and dataset: names, OMEGA, SIGMA. @internal */
export function resolvePopulation(model: Model | string, data: Dataset, population: PopulationValuesSpec): ResolvedPopulation {
  const m = typeof model === "string" ? getModel(model) : model;
  const output = population.output ?? m.outputs[0]?.name;
  if (!m.outputs.some((o) => o.name === output)) throw new EstimationError(`unknown output "${output}" of model ${m.name}; outputs: ${m.outputs.map((o) => o.name).join(", ")}`);
  const known = m.parameters.map((p) => p.name);
  const individual: IndividualModel =
    population.individual ??
    ((theta) => {
      for (const name of Object.keys(theta)) {
        if (!known.includes(name)) throw new EstimationError(`theta names "${name}", which is not a parameter of model ${m.name} (parameters: ${known.join(", ")}); give \`individual\` to use it in a covariate model`);
      }
      return { ...theta };
    });
  const omega = parseOmega(population.omega, known);
  const sigma: ResidualErrorSpec = {};
  for (const [key, value] of Object.entries(population.sigma)) {
    if (key !== "additive" && key !== "proportional") throw new EstimationError(`sigma: "${key}" is not supported here; use additive and/or proportional variances`);
    sigma[key] = value;
  }
  residualError(sigma);
  const subjects = subjectObservations(data);
  const typical = (i: number) => individual(population.theta, subjects[i].data.subjects[0].records[0]?.covariates ?? {});
  return {
    model: m,
    output: output as string,
    subjects,
    omega,
    sigma,
    typical,
    parameters: (i, eta) => {
      const params = typical(i);
      omega.names.forEach((name, k) => (params[name] = params[name] * Math.exp(eta[k])));
      return params;
    },
  };
}

/** Options of {@link simulateDesign}. */
export interface DesignSimulationOptions extends SimulateOptions {
  /** Replicates of the dataset to simulate (default 1000). */
  replicates?: number;
  /** Seed of the random streams (default 1): the same seed gives the same replicates. */
  seed?: number;
}

/** Simulated replicates of a dataset's observations under a population model. */
export interface DesignSimulation {
  subjects: SubjectObservations[];
  /** pred[i][j]: subject i's population prediction (η = 0, its covariates) at observation j (NONMEM's PRED). */
  pred: Float64Array[];
  /** dv[i][r][j]: replicate r's simulated DV of subject i at observation j. */
  dv: Float64Array[][];
}

/**
 * Simulates the observed design (each subject's own doses, covariates and sampling times)
 * `replicates` times from a population model: η ~ N(0, Ω) per subject and replicate, the
 * model at P = typical·exp(η), then DV = IPRED + residual error. The basis of NPDE and VPC.
 * Subject i draws from the i-th substream of the seed's stream, so removing a later subject
 * does not change the others' replicates, and different seeds share no numbers.
 *
 * @example
 * const sim = simulateDesign("pk1cmt_oral", theoph, { theta: { KA: 1.5, CL: 2.8, V: 32 }, omega: { KA: 0.4, CL: 0.07, V: 0.02 }, sigma: { additive: 0.5 } }, { replicates: 100 });
 * sim.dv[0][5]; // replicate 5 of subject 1's concentrations (mg/L)
 */
export function simulateDesign(model: Model | string, data: Dataset, population: PopulationValuesSpec, options: DesignSimulationOptions = {}): DesignSimulation {
  const { replicates = 1000, seed = 1, ...solver } = options;
  if (!Number.isInteger(replicates) || replicates < 1) throw new EstimationError(`replicates = ${replicates}: give a whole number ≥ 1`);
  const p = resolvePopulation(model, data, population);
  return { subjects: p.subjects, pred: predictions(p, solver), dv: simulateReplicates(p, replicates, seed, solver) };
}

/** Every subject's PRED (η = 0). @internal */
export function predictions(p: ResolvedPopulation, solver: SimulateOptions): Float64Array[] {
  return p.subjects.map((subject, i) => predict(p.model, subject, p.typical(i), [], p.output, solver).f);
}

/** Simulated observations one call may hold (8 bytes each, 400 MB): checked before any is made. */
export const MAX_REPLICATE_VALUES = 50_000_000;

/** dv[i][r]: replicate r of subject i. @internal */
export function simulateReplicates(p: ResolvedPopulation, replicates: number, seed: number, solver: SimulateOptions): Float64Array[][] {
  const observations = p.subjects.reduce((n, s) => n + s.dv.length, 0);
  if (replicates * observations > MAX_REPLICATE_VALUES) {
    const most = Math.floor(MAX_REPLICATE_VALUES / Math.max(1, observations));
    throw new EstimationError(
      `${replicates} replicates of ${observations} observations are ${replicates * observations} simulated values, more than the ${MAX_REPLICATE_VALUES.toLocaleString("en-US")} one simulation may hold; give at most ${most.toLocaleString("en-US")} replicates for this dataset`,
    );
  }
  const draw = residualError(p.sigma);
  const q = p.omega.names.length;
  const mvn = q > 0 ? new MultivariateNormal(p.omega.matrix, { name: "OMEGA", labels: p.omega.names }) : undefined;
  const eta = new Float64Array(q);
  const root = RandomStream.fromSeed(seed);
  return p.subjects.map((subject, i) => {
    const stream = root.substream();
    return Array.from({ length: replicates }, () => {
      mvn?.sample(stream, eta);
      const f = predict(p.model, subject, p.parameters(i, eta), [], p.output, solver).f;
      return f.map((x) => draw(x, stream));
    });
  });
}

/**
 * The dataset with its observations (EVID 0, MDV 0, a finite DV: the rows `subjectObservations`
 * picks) replaced, subject by subject, by `dv[i]` — e.g. replicate r of {@link simulateDesign}
 * (`sim.dv.map((s) => s[r])`) for a simulation–re-estimation study. Doses, times and covariates
 * are kept; `dv` must have one array per subject with observations, each of its length.
 *
 * @example
 * const replicate = replaceObservations(theoph, sim.dv.map((subject) => subject[0]));
 */
export function replaceObservations(data: Dataset, dv: readonly ArrayLike<number>[]): Dataset {
  const isObservation = (r: Dataset["subjects"][number]["records"][number]) => r.evid === 0 && r.mdv === 0 && Number.isFinite(r.dv);
  let i = 0;
  const subjects = data.subjects.map((s) => {
    const count = s.records.filter(isObservation).length;
    if (count === 0) return s;
    const values = dv[i];
    if (values === undefined || values.length !== count) throw new EstimationError(`replaceObservations: ID ${s.id} has ${count} observations but ${values === undefined ? "no values were" : `${values.length} values were`} given (subject ${i + 1} with observations)`);
    i++;
    let j = 0;
    return { ...s, records: s.records.map((r) => (isObservation(r) ? { ...r, dv: values[j++] } : r)) };
  });
  if (i !== dv.length) throw new EstimationError(`replaceObservations: ${dv.length} subjects' values for ${i} subjects with observations`);
  return { ...data, subjects };
}
