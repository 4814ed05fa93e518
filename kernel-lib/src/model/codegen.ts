import type { MathNode } from "mathjs";
import { ModelError } from "./errors.js";

/** Functions allowed in model expressions and their JavaScript equivalents. */
const FUNCTIONS: Record<string, string> = {
  exp: "Math.exp",
  log: "Math.log",
  log10: "Math.log10",
  sqrt: "Math.sqrt",
  abs: "Math.abs",
  min: "Math.min",
  max: "Math.max",
  pow: "Math.pow",
  sin: "Math.sin",
  cos: "Math.cos",
  tanh: "Math.tanh",
};

const OPERATORS: Record<string, string> = { add: "+", subtract: "-", multiply: "*", divide: "/" };

/** True for the functions a model may call. */
export function isAllowedFunction(name: string): boolean {
  return name in FUNCTIONS;
}

/**
 * JavaScript source for a mathjs expression tree. Symbols become `variable(name)`, so the
 * generated code reads plain locals and never touches mathjs at run time.
 */
export function toJs(node: MathNode, variable: (name: string) => string): string {
  const n = node as MathNode & {
    type: string;
    value?: unknown;
    name?: string;
    fn?: string | { name: string };
    op?: string;
    args?: MathNode[];
    content?: MathNode;
  };
  const emit = (child: MathNode) => toJs(child, variable);
  switch (n.type) {
    case "ConstantNode":
      return `(${Number(n.value)})`;
    case "SymbolNode":
      return n.name === "pi" ? "Math.PI" : variable(n.name as string);
    case "ParenthesisNode":
      return `(${emit(n.content as MathNode)})`;
    case "OperatorNode": {
      const args = n.args as MathNode[];
      const fn = n.fn as string;
      if (fn === "unaryMinus") return `(-${emit(args[0])})`;
      if (fn === "unaryPlus") return emit(args[0]);
      if (fn === "pow") return `Math.pow(${emit(args[0])}, ${emit(args[1])})`;
      const op = OPERATORS[fn];
      if (!op) throw new ModelError(`operator "${n.op}" is not supported in model equations`);
      return `(${args.map(emit).join(` ${op} `)})`;
    }
    case "FunctionNode": {
      const name = (n.fn as { name: string }).name;
      const args = (n.args as MathNode[]).map(emit);
      if (name === "log" && args.length === 2) return `(Math.log(${args[0]}) / Math.log(${args[1]}))`;
      const js = FUNCTIONS[name];
      if (!js) throw new ModelError(`function ${name}() is not available; use ${Object.keys(FUNCTIONS).join(", ")}`);
      return `${js}(${args.join(", ")})`;
    }
    default:
      throw new ModelError(`"${node.toString()}" is not supported in model equations (${n.type})`);
  }
}
