import type { MathNode } from "mathjs";
import type { Node } from "./expression.js";
import { math } from "./math.js";

const zero = () => new math.ConstantNode(0);
const one = () => new math.ConstantNode(1);
const isConstant = (node: MathNode, value: number) => node.type === "ConstantNode" && Number((node as Node).value) === value;

/**
 * Removes the identities a symbolic derivative is full of — 0·x, x·1, x + 0, x − 0, 0/x, x/1,
 * −0, −(−x), +x, x^1, x^0, (0) — in one bottom-up pass, so its cost is linear in the size of
 * the tree. mathjs's `simplifyCore` does this too but takes time exponential in the number
 * of summed terms that read the same state (20 terms: 2 s, 28 terms: over 30 s). A Jacobian
 * entry that is zero by structure comes out as the constant 0, and one that no longer reads
 * a state no longer names it (what `isLinear` relies on).
 * @internal
 *
 * @example
 * tidy(math.derivative(math.parse("-(K1*c + K2*c)"), "c", { simplify: false })).toString(); // "-(K1 + K2)"
 */
export function tidy(node: MathNode): MathNode {
  const n = node as Node;
  switch (n.type) {
    case "ParenthesisNode": {
      const content = tidy(n.content as MathNode);
      return content.type === "ConstantNode" || content.type === "SymbolNode" || content.type === "ParenthesisNode" ? content : new math.ParenthesisNode(content);
    }
    case "FunctionNode":
      return new math.FunctionNode(n.fn as never, (n.args as MathNode[]).map(tidy));
    case "OperatorNode":
      return tidyOperator(n.op as string, n.fn as string, (n.args as MathNode[]).map(tidy));
    default:
      return node;
  }
}

function tidyOperator(op: string, fn: string, args: MathNode[]): MathNode {
  const make = (list: MathNode[]) => new math.OperatorNode(op as never, fn as never, list);
  switch (fn) {
    case "multiply": {
      if (args.some((a) => isConstant(a, 0))) return zero();
      const kept = args.filter((a) => !isConstant(a, 1));
      return kept.length === 0 ? one() : kept.length === 1 ? kept[0] : make(kept);
    }
    case "divide":
      if (isConstant(args[0], 0)) return zero();
      return isConstant(args[1], 1) ? args[0] : make(args);
    case "add": {
      const kept = args.filter((a) => !isConstant(a, 0));
      return kept.length === 0 ? zero() : kept.length === 1 ? kept[0] : make(kept);
    }
    case "subtract":
      if (isConstant(args[1], 0)) return args[0];
      return isConstant(args[0], 0) ? negate(args[1]) : make(args);
    case "unaryMinus":
      return negate(args[0]);
    case "unaryPlus":
      return args[0];
    case "pow":
      if (isConstant(args[1], 0)) return one();
      return isConstant(args[1], 1) ? args[0] : make(args);
    default:
      return make(args);
  }
}

function negate(node: MathNode): MathNode {
  if (isConstant(node, 0)) return zero();
  const n = node as Node;
  if (n.type === "OperatorNode" && n.fn === "unaryMinus") return (n.args as MathNode[])[0];
  return new math.OperatorNode("-", "unaryMinus", [node]);
}
