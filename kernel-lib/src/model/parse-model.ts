import { compileModel } from "./compile-model.js";
import { parseDefinition } from "./parse-definition.js";
import type { Model } from "./types.js";

/**
 * Compiles a model written in the pmxlab model text format: sections $MODEL, $DESCRIPTION,
 * $REFERENCE, $TIME (unit of t, default h), $MW (molecular weight, e.g. `146000 g/mol`),
 * $ROUTES (`route = compartment`: where a regimen's iv, oral, sc, im doses go), $PARAMETERS (`NAME = value : unit : label`),
 * $COVARIATES (same), $COMPARTMENTS (`name : unit : label`, CMT 1, 2, … in order),
 * $DERIVED (`NAME = expression`), $ODE (`d/dt(name) = expression`), $INIT (`name(0) = expression`),
 * $OUTPUTS (`NAME = expression : unit : label`); `#` starts a comment.
 * Every d/dt(x) must have the unit of x per time unit, in dimension and scale. Errors are
 * `ModelError`s naming the line and the problem (syntax, unknown symbol, duplicate name,
 * missing equation, unit mismatch).
 *
 * @example
 * const model = parseModel(`
 * $MODEL one
 * $DESCRIPTION One-compartment IV bolus
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
 * const dydt = new Float64Array(1);
 * model.rhs(0, Float64Array.of(100), Float64Array.of(6, 25), dydt); // dydt[0] = -24 mg/h
 */
export function parseModel(source: string): Model {
  const { definition, lines } = parseDefinition(source);
  return compileModel(definition, lines, source);
}
