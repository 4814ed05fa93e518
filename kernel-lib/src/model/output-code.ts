import { toJs } from "./codegen.js";
import { symbolsOf } from "./expression.js";
import type { CheckedModel } from "./generate-code.js";
import type { Model } from "./types.js";

/**
 * The pieces of a compiled model's generated `output` function that a generated loop over
 * rows may inline (the closed form's grid writer): reading the parameter vector and computing
 * the derived names of parameters alone happen once per subject instead of once per row, and
 * no call passes the state through arrays. Each statement and expression is the text of the
 * output function, so the inlined code computes the same doubles. Plain strings, so
 * precompiled models carry them.
 * @internal
 */
export interface OutputCodeParts {
  /** Statements reading `p` into locals `v_<name>` and computing the derived names that depend on neither t nor the states. */
  setup: string;
  /** The states the outputs read: index and local name. */
  loads: [number, string][];
  /** Derived names that depend on t or the states, in order (`t`: the row's time). */
  body: string[];
  /** One expression per output, in the model's output order. */
  outputs: string[];
}

/**
 * Kept beside the generated `output` function rather than as a field of `Model`, as the
 * right-hand side's code is (see `rhsCodeOf`): a model copied with another output function
 * has no entry, and the loop calls that function instead.
 */
const CODE = new WeakMap<Model["output"], OutputCodeParts>();

/**
 * The inlinable pieces of a model's output function, or undefined for one the model compiler
 * did not generate (a hand-written model, a wrapped output). Internal.
 *
 * @example outputCodeOf(getModel("pk2cmt_oral").output)?.outputs // ["(v_central / v_V1)"]
 */
export function outputCodeOf(output: Model["output"]): OutputCodeParts | undefined {
  return CODE.get(output);
}

/** Records the inlinable pieces of a generated output function (see {@link outputCodeParts}). Internal. */
export function registerOutputCode(output: Model["output"], parts: OutputCodeParts): void {
  CODE.set(output, parts);
}

/**
 * The inlinable pieces ({@link OutputCodeParts}) of the outputs of a checked model, written
 * as `generateCode` writes its output function. Internal.
 *
 * @example outputCodeParts(checkedModel).setup // "const v_KA = p[0]; …"
 */
export function outputCodeParts(model: CheckedModel): OutputCodeParts {
  const local = (name: string) => (name === "t" ? "t" : `v_${name}`);
  const variant = new Set<string>(["t", ...model.states.map((c) => c.name)]);
  const setup = model.inputs.map((q, i) => `const v_${q.name} = p[${i}];`);
  const body: string[] = [];
  for (const d of model.derived) {
    const line = `const v_${d.name} = ${toJs(d.node, local)};`;
    if (symbolsOf(d.node).some((s) => variant.has(s))) {
      variant.add(d.name);
      body.push(line);
    } else setup.push(line);
  }
  const outputs = model.outputs.map((o) => toJs(o.node, local));
  const used = new Set([...body, ...outputs].join("\n").match(/\bv_\w+/g));
  const loads = model.states.flatMap((c, i): [number, string][] => (used.has(`v_${c.name}`) ? [[i, `v_${c.name}`]] : []));
  return { setup: setup.join("\n"), loads, body, outputs };
}
