import type { MathNode } from "mathjs";
import { FUNCTIONS, type Node } from "./expression.js";

/** JavaScript for `sech`, which mathjs writes into derivatives of tanh (models cannot call it). */
const sech = (a: string[]) => `(1 / Math.cosh(${a[0]}))`;

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
      if (fn === "pow") return FUNCTIONS.get("pow")!.js(args.map(emit));
      const binary = BINARY.get(fn);
      if (binary) return `(${args.map(emit).join(` ${binary} `)})`;
      throw new Error(`no JavaScript for operator ${n.op}`);
    }
    case "FunctionNode": {
      const name = (n.fn as { name: string }).name;
      const js = name === "sech" ? sech : FUNCTIONS.get(name)?.js;
      if (!js) throw new Error(`no JavaScript for function ${name}()`);
      return js((n.args as MathNode[]).map(emit));
    }
    default:
      throw new Error(`no JavaScript for ${n.type} "${node.toString()}"`);
  }
}
