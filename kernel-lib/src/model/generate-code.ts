import type { MathNode } from "mathjs";
import type { Jacobian, Rhs } from "../ode/types.js";
import { toJs } from "./codegen.js";
import type { ItemKind } from "./definition.js";
import { substitute } from "./expression.js";
import { finiteDifferenceJacobian, isLinear, isZero, symbolicJacobian } from "./jacobian.js";
import { outputCodeParts, registerOutputCode } from "./output-code.js";
import { registerRhsCode, rhsCodeParts } from "./rhs-code.js";
import type { Model } from "./types.js";

/**
 * A checked expression of a model, with the item it belongs to.
 * @internal
 */
export interface Equation {
  name: string;
  kind: ItemKind;
  text: string;
  node: MathNode;
}

/** What code generation needs: names in vector order and checked equations. @internal */
export interface CheckedModel {
  /** Parameters then covariates: p[i]. */
  inputs: { name: string }[];
  /** Compartments: y[i]. */
  states: { name: string }[];
  derived: Equation[];
  /** One per state, in state order. */
  odes: Equation[];
  inits: Equation[];
  outputs: Equation[];
}

/**
 * Each derived name's expression in parameters, states and t only (earlier derived names
 * substituted), for the Jacobian and for $INIT.
 * @internal
 */
export function inlineDerived(derived: Equation[]): Map<string, MathNode> {
  const inlined = new Map<string, MathNode>();
  for (const d of derived) inlined.set(d.name, substitute(d.node, inlined));
  return inlined;
}

/**
 * JavaScript for a checked model, built with `new Function`: each model symbol is the local
 * `v_<name>`, read once from p or y; derived values are computed in order; results are
 * written into dydt, jac (row-major, structural zeros as 0), y0 or out, so the functions
 * allocate nothing and never call mathjs. The Jacobian differentiates the equations with
 * derived names inlined; when mathjs cannot (min, max) it is central differences of rhs.
 * The right-hand side's source is also kept for integrators that inline it (`rhsCodeOf`), and
 * the outputs' for the closed form's grid loop (`outputCodeOf`).
 * @internal
 */
export function generateCode(model: CheckedModel): Pick<Model, "rhs" | "jacobian" | "init" | "output" | "linear" | "generated"> {
  const local = (name: string) => (name === "t" ? "t" : `v_${name}`);
  const js = (node: MathNode) => toJs(node, local);
  const inlined = inlineDerived(model.derived);
  const loadInputs = model.inputs.map((q, i) => `const v_${q.name} = p[${i}];`);
  const loadStates = model.states.map((c, i) => `const v_${c.name} = y[${i}];`);
  const computeDerived = model.derived.map((d) => `const v_${d.name} = ${js(d.node)};`);
  const rhsBody = [...loadInputs, ...loadStates, ...computeDerived, ...model.odes.map((o, i) => `dydt[${i}] = ${js(o.node)};`)].join("\n");
  const outputBody = [...loadInputs, ...loadStates, ...computeDerived, ...model.outputs.map((o, i) => `out[${i}] = ${js(o.node)};`)].join("\n");
  const initBody = [
    ...loadInputs,
    "y0.fill(0);",
    ...model.inits.map((init) => `y0[${model.states.findIndex((c) => c.name === init.name)}] = ${js(substitute(init.node, inlined))};`),
  ].join("\n");

  const rhs = new Function("t", "y", "p", "dydt", rhsBody) as Rhs;
  registerRhsCode(rhs, rhsCodeParts(model));
  const output = new Function("t", "y", "p", "out", outputBody) as Model["output"];
  registerOutputCode(output, outputCodeParts(model));
  const flat = model.odes.map((o) => substitute(o.node, inlined));
  const entries = symbolicJacobian(flat, model.states.map((c) => c.name));
  const jacobianBody = entries && jacobianSource(entries, [...loadInputs, ...loadStates], js);
  return {
    rhs,
    jacobian: jacobianBody ? (new Function("t", "y", "p", "jac", jacobianBody) as Jacobian) : finiteDifferenceJacobian(rhs, model.states.length),
    init: new Function("p", "y0", initBody) as Model["init"],
    output,
    linear: entries !== undefined && jacobianBody !== undefined && isLinear(flat, entries, new Set(model.states.map((c) => c.name))),
    generated: {
      rhs: rhsBody,
      jacobian: jacobianBody ?? "// no symbolic derivative (min/max): central finite differences of rhs",
      output: outputBody,
      init: initBody,
    },
  };
}

/** Jacobian body, or undefined when a derivative uses a function with no JavaScript form. */
function jacobianSource(entries: (MathNode | undefined)[], loads: string[], js: (node: MathNode) => string): string | undefined {
  try {
    return [...loads, ...entries.map((node, k) => `jac[${k}] = ${isZero(node) ? "0" : js(node as MathNode)};`)].join("\n");
  } catch {
    return undefined;
  }
}
