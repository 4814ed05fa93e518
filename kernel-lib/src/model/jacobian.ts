import type { MathNode } from "mathjs";
import type { Jacobian, Rhs } from "../ode/types.js";
import { symbolsOf, type Node } from "./expression.js";
import { math } from "./math.js";
import { tidy } from "./tidy.js";

/**
 * ∂f_i/∂y_j of equations written in parameters, states and t only (derived names inlined),
 * row-major (entry i*n + j). Each entry is mathjs's `derivative` cleared of 0·x, 1·x, x + 0, …
 * by {@link tidy}, in time linear in its size: mathjs's `simplifyCore` is exponential in
 * summed terms of one state, and full `simplify` costs up to a second per model and expands
 * (a/b·W)^k into a^k·W^k/b^k, which overflows sooner. An entry is `undefined` when it is
 * structurally zero (f_i does not read y_j). Returns undefined when mathjs cannot
 * differentiate an equation (min and max have no derivative rule).
 * @internal
 */
export function symbolicJacobian(equations: MathNode[], states: string[]): (MathNode | undefined)[] | undefined {
  try {
    return equations.flatMap((equation) => {
      const reads = new Set(symbolsOf(equation));
      return states.map((state) => (reads.has(state) ? tidy(math.derivative(equation, state, { simplify: false })) : undefined));
    });
  } catch {
    return undefined;
  }
}

/**
 * True when an expression is exactly 0 by its structure: the constant 0, −0, a product with
 * a zero factor, a quotient with a zero numerator, a sum of zeros. `undefined` (a structural
 * zero of the Jacobian) counts as 0.
 * @internal
 */
export function isZero(node: MathNode | undefined): boolean {
  if (node === undefined) return true;
  const n = node as Node;
  const args = (n.args ?? []) as MathNode[];
  switch (n.type) {
    case "ConstantNode":
      return Number(n.value) === 0;
    case "ParenthesisNode":
      return isZero(n.content);
    case "OperatorNode":
      if (n.fn === "multiply") return args.some(isZero);
      if (n.fn === "divide") return isZero(args[0]);
      if (n.fn === "add" || n.fn === "subtract" || n.fn === "unaryMinus" || n.fn === "unaryPlus") return args.every(isZero);
      return false;
    default:
      return false;
  }
}

/**
 * True when dy/dt = A(p)·y exactly: no Jacobian entry reads a state or t, and every equation
 * with all states set to 0 simplifies to 0 (no constant input such as KIN).
 * @internal
 */
export function isLinear(equations: MathNode[], jacobian: (MathNode | undefined)[], states: ReadonlySet<string>): boolean {
  for (const entry of jacobian) {
    if (entry && symbolsOf(entry).some((s) => states.has(s) || s === "t")) return false;
  }
  return equations.every((equation) => {
    const atZero = equation.transform((n) => (n.type === "SymbolNode" && states.has((n as Node).name as string) ? new math.ConstantNode(0) : n));
    // The structural test settles the usual case (a state factor in every term) without simplify's cost.
    return isZero(atZero) || isZero(math.simplify(atZero));
  });
}

/**
 * Central-difference Jacobian of `rhs`, for equations mathjs cannot differentiate. Its
 * buffers are allocated once, here.
 * @internal
 */
export function finiteDifferenceJacobian(rhs: Rhs, n: number): Jacobian {
  const yh = new Float64Array(n);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  return (t, y, p, jac) => {
    yh.set(y);
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(y[j]));
      yh[j] = y[j] + h;
      rhs(t, yh, p, fp);
      yh[j] = y[j] - h;
      rhs(t, yh, p, fm);
      yh[j] = y[j];
      for (let i = 0; i < n; i++) jac[i * n + j] = (fp[i] - fm[i]) / (2 * h);
    }
  };
}
