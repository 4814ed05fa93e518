import { compileModel } from "./compile.js";
import type { ModelDefinition } from "./definition.js";
import { parseDefinition } from "./parse.js";
import type { Model } from "./types.js";

/**
 * Compiles a model written in the pmxlab model format (docs/models.md). Errors are
 * `ModelError`s naming the line: syntax, unknown symbols, missing equations, unit mismatches.
 *
 * @example
 * const model = parseModel(`
 * $MODEL one
 * $DESCRIPTION one-compartment IV bolus
 * $REFERENCE textbook
 * $PARAMETERS
 * CL = 6 : L/h : clearance
 * V = 25 : L : volume
 * $COMPARTMENTS
 * central : mg : central amount
 * $ODE
 * d/dt(central) = -CL/V*central
 * $OUTPUTS
 * CP = central/V : mg/L : concentration
 * `);
 */
export function parseModel(source: string): Model {
  const { definition, lines } = parseDefinition(source);
  return compileModel(definition, lines, source);
}

/** Compiles a model given as a TypeScript object; the same checks as {@link parseModel}. */
export function defineModel(definition: ModelDefinition): Model {
  return compileModel(definition);
}
