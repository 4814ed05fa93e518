import type { MathNode } from "mathjs";
import type { Node } from "./expression.js";

/**
 * JavaScript for each function: the model functions plus `sech`, which mathjs writes into
 * derivatives of tanh. Maps, so a name never finds a property of Object.prototype.
 */
const FUNCTIONS = new Map<string, (args: string[]) => string>([
  ["exp", (a) => `Math.exp(${a[0]})`],
  ["log", (a) => (a.length === 2 ? `(Math.log(${a[0]}) / Math.log(${a[1]}))` : `Math.log(${a[0]})`)],
  ["log10", (a) => `Math.log10(${a[0]})`],
  ["sqrt", (a) => `Math.sqrt(${a[0]})`],
  ["abs", (a) => `Math.abs(${a[0]})`],
  ["min", (a) => `Math.min(${a.join(", ")})`],
  ["max", (a) => `Math.max(${a.join(", ")})`],
  ["pow", (a) => `Math.pow(${a[0]}, ${a[1]})`],
  ["sin", (a) => `Math.sin(${a[0]})`],
  ["cos", (a) => `Math.cos(${a[0]})`],
  ["tanh", (a) => `Math.tanh(${a[0]})`],
  ["sech", (a) => `(1 / Math.cosh(${a[0]}))`],
]);

const BINARY = new Map([["add", "+"], ["subtract", "-"], ["multiply", "*"], ["divide", "/"]]);

/**
 * JavaScript source for a checked mathjs expression tree. Each symbol becomes `local(name)`,
 * so the generated function reads plain local variables and never calls mathjs at run time.
 * Throws for a node the emitter does not know (the caller decides what that means).
 * @internal
 *
 * @example
 * toJs(math.parse("CL/V*central^2"), (s) => `v_${s}`); // "((v_CL / v_V) * Math.pow(v_central, 2))"
 */
export function toJs(node: MathNode, local: (name: string) => string): string {
  const n = node as Node;
  const emit = (child: MathNode) => toJs(child, local);
  switch (n.type) {
    case "ConstantNode": {
      const value = Number(n.value);
      return value < 0 || Object.is(value, -0) ? `(${value})` : String(value);
    }
    case "SymbolNode":
      return n.name === "pi" ? "Math.PI" : local(n.name as string);
    case "ParenthesisNode":
      return emit(n.content as MathNode);
    case "OperatorNode": {
      const args = n.args as MathNode[];
      const fn = n.fn as string;
      if (fn === "unaryMinus") return `(-${emit(args[0])})`;
      if (fn === "unaryPlus") return emit(args[0]);
      if (fn === "pow") return `Math.pow(${emit(args[0])}, ${emit(args[1])})`;
      const binary = BINARY.get(fn);
      if (binary) return `(${args.map(emit).join(` ${binary} `)})`;
      throw new Error(`no JavaScript for operator ${n.op}`);
    }
    case "FunctionNode": {
      const name = (n.fn as { name: string }).name;
      const emitter = FUNCTIONS.get(name);
      if (!emitter) throw new Error(`no JavaScript for function ${name}()`);
      return emitter((n.args as MathNode[]).map(emit));
    }
    default:
      throw new Error(`no JavaScript for ${n.type} "${node.toString()}"`);
  }
}
