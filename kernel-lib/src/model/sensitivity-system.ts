import type { MathNode } from "mathjs";
import { parseExpression, substitute, symbolsOf } from "./expression.js";
import { generateCode, inlineDerived, type Equation } from "./generate-code.js";
import { isZero, symbolicJacobian } from "./jacobian.js";
import { math } from "./math.js";
import { tidy } from "./tidy.js";
import { ModelError } from "./model-error.js";
import { parseDefinition } from "./parse-definition.js";
import type { ItemKind } from "./definition.js";
import type { Model } from "./types.js";

/** Column name of ∂x/∂p in the augmented model: a state or output x and a parameter p. */
export const sensitivityName = (x: string, parameter: string): string => `d_${x}__d_${parameter}`;

const cache = new WeakMap<Model, Map<string, Model>>();

/**
 * The model augmented with its forward sensitivity equations (e.g. Hindmarsh & Serban,
 * CVODES guide, §5.1): for each parameter p_k in `parameters` the states S_k = ∂y/∂p_k obey
 * dS_k/dt = J(t, y, p)·S_k + ∂f/∂p_k with S_k(0) = ∂y0/∂p_k, where J = ∂f/∂y. Every
 * derivative is symbolic (mathjs `derivative` on the model's equations with derived names
 * inlined, the same pieces that build the model's Jacobian), so the augmented right-hand
 * side, its own Jacobian, initial state and outputs are generated code like the model's.
 *
 * The augmented model has the same parameters and covariates; its compartments are the
 * model's, then `sensitivityName(state, p)` for each parameter and state; its outputs are the
 * model's, then `sensitivityName(output, p)` = ∂g/∂p + Σ_j ∂g/∂y_j·S_jk for each parameter and
 * output. Doses act on the model's states only, so S does not jump at a dose: right for every
 * parameter the dose amount and time do not depend on (not for F<cmt> or ALAG<cmt>). A linear
 * model stays linear, so it is still solved in closed form. Results are cached per model.
 *
 * Throws a {@link ModelError} when the model has no equation text (built with `defineModel`),
 * names an unknown parameter, or uses a function mathjs cannot differentiate (min, max).
 *
 * @example
 * const aug = sensitivitySystem(getModel("pk1cmt_iv"), ["CL", "V"]);
 * const sim = simulate(aug, { regimen: "100 mg", times: [0, 1, 2] });
 * sim.outputs[sensitivityName("CP", "CL")]; // ∂CP/∂CL at 0, 1, 2 h
 */
export function sensitivitySystem(model: Model, parameters: readonly string[]): Model {
  const key = parameters.join(",");
  let byModel = cache.get(model);
  const known = byModel?.get(key);
  if (known) return known;
  const augmented = buildSystem(model, parameters);
  if (!byModel) cache.set(model, (byModel = new Map()));
  byModel.set(key, augmented);
  return augmented;
}

function buildSystem(model: Model, parameters: readonly string[]): Model {
  if (model.source === undefined) {
    throw new ModelError(`model ${model.name} has no equation text (it was built with defineModel), so its sensitivity equations cannot be derived; use finite differences`);
  }
  const inputs = [...model.parameters.map((q) => q.name), ...model.covariates];
  for (const name of parameters) {
    if (!model.parameters.some((q) => q.name === name)) {
      throw new ModelError(`unknown parameter "${name}" for model ${model.name}; known: ${model.parameters.map((q) => q.name).join(", ")}`);
    }
  }
  const def = parseDefinition(model.source).definition;
  const equation = (kind: ItemKind, name: string, text: string): Equation => ({ name, kind, text, node: parseExpression(text) });
  const derived = Object.entries(def.derived ?? {}).map(([name, text]) => equation("derived", name, text));
  const states = model.compartments.map((c) => c.name);
  const odes = states.map((name) => equation("ode", name, def.odes[name]));
  const outputs = model.outputs.map((o) => equation("output", o.name, (def.outputs ?? {})[o.name].expr));
  const inits = Object.entries(def.init ?? {}).map(([name, text]) => equation("init", name, text));

  const inlined = inlineDerived(derived);
  const flat = (eq: Equation) => substitute(eq.node, inlined);
  const jacobian = symbolicJacobian(odes.map(flat), states);
  const outputGradient = symbolicJacobian(outputs.map(flat), states);
  if (!jacobian || !outputGradient) {
    throw new ModelError(`model ${model.name} uses a function mathjs cannot differentiate (min or max), so its sensitivity equations cannot be derived; use finite differences`);
  }
  const n = states.length;
  const sensitivityStates = parameters.flatMap((p) => states.map((s) => sensitivityName(s, p)));
  /** ∂e/∂p + Σ_j gradient_j·S_jp: the sensitivity of expression e along parameter p. */
  const chain = (e: MathNode, gradient: (MathNode | undefined)[], p: string): MathNode => {
    const terms: MathNode[] = [];
    if (symbolsOf(e).includes(p)) terms.push(tidy(math.derivative(e, p, { simplify: false })));
    gradient.forEach((g, j) => {
      if (!isZero(g)) terms.push(new math.OperatorNode("*", "multiply", [g as MathNode, new math.SymbolNode(sensitivityName(states[j], p))]));
    });
    const live = terms.filter((t) => !isZero(t));
    return live.length === 0 ? new math.ConstantNode(0) : live.reduce((sum, t) => new math.OperatorNode("+", "add", [sum, t]));
  };
  const made = (kind: ItemKind, name: string, node: MathNode): Equation => ({ name, kind, text: node.toString(), node });
  const sensitivityOdes = parameters.flatMap((p) => odes.map((ode, i) => made("ode", sensitivityName(ode.name, p), chain(flat(ode), jacobian.slice(i * n, (i + 1) * n), p))));
  const sensitivityInits = parameters.flatMap((p) => inits.map((init) => made("init", sensitivityName(init.name, p), chain(flat(init), [], p))));
  const sensitivityOutputs = parameters.flatMap((p) => outputs.map((o, i) => made("output", sensitivityName(o.name, p), chain(flat(o), outputGradient.slice(i * n, (i + 1) * n), p))));

  let code: ReturnType<typeof generateCode>;
  try {
    code = generateCode({
      inputs: inputs.map((name) => ({ name })),
      states: [...states, ...sensitivityStates].map((name) => ({ name })),
      derived,
      odes: [...odes, ...sensitivityOdes],
      inits: [...inits, ...sensitivityInits],
      outputs: [...outputs, ...sensitivityOutputs],
    });
  } catch (error) {
    throw new ModelError(`model ${model.name}: the sensitivity equations have no JavaScript form: ${(error as Error).message}`);
  }
  return {
    ...model,
    name: `${model.name} with sensitivities to ${parameters.join(", ")}`,
    compartments: [...model.compartments, ...sensitivityStates.map((name, i) => ({ name, cmt: n + i + 1, unit: "" }))],
    outputs: [...model.outputs, ...sensitivityOutputs.map((o) => ({ name: o.name, unit: "" }))],
    ...code,
    source: undefined,
  };
}
