import type { Model } from "../model/types.js";
import { simulate, type SimulateOptions, type Simulation, type SimulationInput } from "../simulation/index.js";
import { SensitivityError } from "./sensitivity-error.js";

/**
 * `simulate`, with a failed integration turned into a {@link SensitivityError}: a derivative
 * or an index computed from a partial simulation would look valid and be wrong.
 * @internal
 */
export function simulateChecked(model: Model, input: SimulationInput, options: SimulateOptions): Simulation {
  const sim = simulate(model, input, options);
  if (sim.status !== "success") {
    const params = Object.entries(input.params ?? {}).map(([name, value]) => `${name}=${value}`).join(", ");
    throw new SensitivityError(`simulation of ${model.name}${params ? ` with ${params}` : ""} failed: ${sim.message}`);
  }
  return sim;
}

/**
 * The model's output `name`, or a {@link SensitivityError} listing the outputs it has.
 * @internal
 */
export function checkOutput(model: Model, name: string | undefined): string {
  const output = name ?? model.outputs[0]?.name;
  if (output === undefined || !model.outputs.some((o) => o.name === output)) {
    throw new SensitivityError(`unknown output "${output}" of model ${model.name}; outputs: ${model.outputs.map((o) => o.name).join(", ") || "none"}`);
  }
  return output;
}
