import { isDoseModifier, ModelError, sensitivityName, sensitivitySystem } from "../model/index.js";
import type { Model } from "../model/types.js";
import { SensitivityError } from "../sensitivity/index.js";
import type { SimulateOptions } from "../simulation/index.js";
import { resolveInterpolation } from "../simulation/covariate-interpolation.js";
import { Engine } from "../simulation/engine.js";
import { createPropagator, datasetSubjects, TimelineCache } from "../simulation/simulate.js";
import type { SubjectObservations } from "./observations.js";

/** Model predictions at a subject's observations and their derivatives by the named parameters. @internal */
export interface Prediction {
  f: Float64Array;
  /** jacobian[k][i] = ∂f_i/∂(names[k]). */
  jacobian: Float64Array[];
}

/**
 * One subject's predictions and their forward sensitivities, set up once and run for every
 * parameter value a fit tries: the sensitivity system, its propagator (closed form for
 * linear models), the engine and the subject's timeline are made once, and each run writes
 * the output and its derivatives at the observation rows only. This is what `simulate` and
 * `localSensitivity` do per call (there the set-up is most of the cost of a small subject:
 * a fit runs tens of thousands of them). Undefined from {@link preparedPrediction} where
 * the derivatives need finite differences (dose modifiers F/ALAG, models without equation
 * text): `localSensitivity` handles those.
 * @internal
 */
export class PreparedPrediction {
  private readonly engine: Engine;
  private readonly timelines: TimelineCache;
  private readonly interpolation: ReturnType<typeof resolveInterpolation>;
  /** Observation number of each simulated (EVID 0) row, −1 for rows that are not observations. */
  private readonly observationOf: Int32Array;
  private readonly out: Float64Array;
  private readonly outputIndex: number;
  private readonly derivativeIndex: number[];

  constructor(
    readonly model: Model,
    readonly subject: SubjectObservations,
    readonly names: readonly string[],
    readonly output: string,
    readonly options: SimulateOptions,
    private readonly system: Model,
  ) {
    this.interpolation = resolveInterpolation(system, options.covariateInterpolation);
    const rates = new Float64Array(system.compartments.length);
    this.engine = new Engine(system, createPropagator(system, rates, options, this.interpolation.includes("linear")), rates, options);
    this.timelines = new TimelineCache(system, this.interpolation);
    const rows = subject.data.subjects[0].records.reduce((k, r) => k + (r.evid === 0 ? 1 : 0), 0);
    this.observationOf = new Int32Array(rows).fill(-1);
    subject.rows.forEach((row, j) => (this.observationOf[row] = j));
    this.out = new Float64Array(system.outputs.length);
    const index = (name: string) => system.outputs.findIndex((o) => o.name === name);
    this.outputIndex = index(output);
    this.derivativeIndex = names.map((name) => index(sensitivityName(output, name)));
  }

  /** The output and its derivatives at the observations for parameter values `params` (the model's defaults elsewhere). */
  run(params: Record<string, number>): Prediction {
    const { system, subject, observationOf, out, outputIndex, derivativeIndex } = this;
    const [s] = datasetSubjects(system, { data: subject.data, params }, this.interpolation);
    const n = subject.dv.length;
    // Fresh arrays each run: a fit keeps earlier predictions (the last accepted point).
    const f = new Float64Array(n);
    const jacobian = derivativeIndex.map(() => new Float64Array(n));
    const outcome = this.engine.run(this.timelines.get(s.records, s.p), s.p, (k, t, y, p) => {
      const j = observationOf[k];
      if (j < 0) return;
      system.output(t, y, p, out);
      f[j] = out[outputIndex];
      for (let q = 0; q < derivativeIndex.length; q++) jacobian[q][j] = out[derivativeIndex[q]];
    });
    if (outcome.status !== "success") {
      const values = Object.entries(params).map(([name, value]) => `${name}=${value}`).join(", ");
      throw new SensitivityError(`simulation of ${this.model.name} with ${values} failed: ID ${s.id}: ${outcome.message}`);
    }
    return { f, jacobian };
  }
}

/**
 * The prepared prediction of `output` and its derivatives by `names` for one subject, or
 * undefined where derivatives by equations do not apply (see {@link PreparedPrediction}).
 * Solver tolerances default to rtol 1e-8, atol 1e-12 (as `localSensitivity`).
 * @internal
 */
export function preparedPrediction(model: Model, subject: SubjectObservations, names: readonly string[], output: string, options: SimulateOptions): PreparedPrediction | undefined {
  if (names.some(isDoseModifier) || (names.length > 0 && model.source === undefined)) return undefined;
  let system = model;
  if (names.length > 0) {
    try {
      system = sensitivitySystem(model, names);
    } catch (error) {
      if (error instanceof ModelError) return undefined;
      throw error;
    }
  }
  const solver = { ...options, rtol: options.rtol ?? 1e-8, atol: options.atol ?? 1e-12 };
  return new PreparedPrediction(model, subject, names, output, solver, system);
}
