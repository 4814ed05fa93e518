import type { MathNode } from "mathjs";
import { excerpt as shorten } from "../data/excerpt.js";
import { math } from "./math.js";

/** A function a model expression may call: how many arguments it takes and the JavaScript it compiles to. @internal */
export interface ModelFunction {
  readonly min: number;
  readonly max: number;
  readonly js: (args: string[]) => string;
}

/**
 * The functions a model expression may call — the one list the parser checks against and the
 * code generator compiles from: how many arguments each takes and its JavaScript. A Map, not
 * an object: a name from model text (`hasOwnProperty`, `constructor`) must never find a
 * property of Object.prototype.
 * @internal
 */
export const FUNCTIONS: ReadonlyMap<string, ModelFunction> = new Map<string, ModelFunction>([
  ["exp", { min: 1, max: 1, js: (a) => `Math.exp(${a[0]})` }],
  ["log", { min: 1, max: 2, js: (a) => (a.length === 2 ? `(Math.log(${a[0]}) / Math.log(${a[1]}))` : `Math.log(${a[0]})`) }],
  ["log10", { min: 1, max: 1, js: (a) => `Math.log10(${a[0]})` }],
  ["sqrt", { min: 1, max: 1, js: (a) => `Math.sqrt(${a[0]})` }],
  ["abs", { min: 1, max: 1, js: (a) => `Math.abs(${a[0]})` }],
  ["min", { min: 2, max: Infinity, js: (a) => `Math.min(${a.join(", ")})` }],
  ["max", { min: 2, max: Infinity, js: (a) => `Math.max(${a.join(", ")})` }],
  ["pow", { min: 2, max: 2, js: (a) => `Math.pow(${a[0]}, ${a[1]})` }],
  ["sin", { min: 1, max: 1, js: (a) => `Math.sin(${a[0]})` }],
  ["cos", { min: 1, max: 1, js: (a) => `Math.cos(${a[0]})` }],
  ["tanh", { min: 1, max: 1, js: (a) => `Math.tanh(${a[0]})` }],
]);

/**
 * Deepest expression tree a model equation may have. The compiler's passes (mathjs's
 * derivative, transform, the code emitter) recurse once or more per level, so a sum of
 * thousands of terms written in one line would overflow the call stack; such an equation
 * is refused with this limit in the message (split it with $DERIVED names).
 * @internal
 */
export const MAX_EXPRESSION_DEPTH = 1000;

/**
 * Deepest nesting of parentheses (or brackets) an expression may have. The mathjs parser goes
 * through some twenty functions per level, so this is a quarter of {@link MAX_EXPRESSION_DEPTH}.
 * @internal
 */
export const MAX_PARENTHESES = MAX_EXPRESSION_DEPTH / 4;

/** Longest piece of an expression quoted back in an error message. */
const ECHO_LIMIT = 80;

/**
 * `text` for an error message: whole when short, else its start and length, so a
 * 100 kB equation does not come back in full (the one `excerpt`, at the model's length).
 * @internal
 */
export function excerpt(text: string): string {
  return shorten(text, ECHO_LIMIT);
}

/** The operators a model expression may use (mathjs `fn` names). */
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);

/** The mathjs node fields the compiler reads. @internal */
export type Node = MathNode & {
  value?: unknown;
  name?: string;
  fn?: string | { name: string };
  op?: string;
  args?: MathNode[];
  content?: MathNode;
};

/**
 * Parses one model expression and checks that it only uses arithmetic (+ - * / ^, unary -),
 * numbers, parentheses and the functions in {@link FUNCTIONS}. Throws an Error whose message
 * says what is wrong; the caller adds the line.
 * @internal
 */
export function parseExpression(text: string): MathNode {
  // mathjs parses nested parentheses, powers and signs recursively: refuse a nesting its
  // parser cannot take before parsing (a^b^c^… of 5,000 terms overflowed the call stack).
  const nesting = nestingOf(text);
  if (nesting.parentheses > MAX_PARENTHESES) tooDeep(`${nesting.parentheses} levels of parentheses`, MAX_PARENTHESES);
  if (nesting.weight > MAX_EXPRESSION_DEPTH) tooDeep(nestedOperators(nesting.deepest), MAX_EXPRESSION_DEPTH);
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    // A nesting the scan does not count (such as a ? b : c ? …) can still overflow the stack.
    if (error instanceof RangeError) tooDeep("it nests deeper than the expression parser can go");
    throw new Error(`cannot parse "${excerpt(text)}": ${(error as Error).message}`);
  }
  const depth = depthOf(node);
  if (depth > MAX_EXPRESSION_DEPTH) tooDeep(`a tree ${depth} levels deep (a sum or product of about ${depth} terms)`, MAX_EXPRESSION_DEPTH);
  checkNode(node);
  return node;
}

function tooDeep(what: string, limit?: number): never {
  const above = limit === undefined ? "" : `, above the limit of ${limit}`;
  throw new Error(`the expression is too large for the model compiler: ${what}${above}; split it into $DERIVED names`);
}

function nestedOperators({ parentheses, operators }: { parentheses: number; operators: number }): string {
  const chain = `${operators} powers and signs nested in one another (as in a^b^c^… or - - x)`;
  return parentheses === 0 ? chain : `${chain} inside ${parentheses} levels of parentheses (each level counts as 4)`;
}

/**
 * How deeply `text` nests, read from its characters without parsing: the deepest bracket
 * nesting, and the most powers and signs pending at once — in a^b^c and - - x each one is
 * an operand of the one before, so each is a level of the tree and of the parser's recursion;
 * a lower-precedence operator (+ - * / , …) ends such a chain. `weight` is the most of both
 * together, a bracket counting 4 (the parser spends more than 4 times the stack of a power
 * on one: 250 levels of parentheses take about as much as the whole budget). The counts are
 * lower bounds of the tree depth, so a chain the tree limit would accept is not refused.
 */
function nestingOf(text: string): { parentheses: number; weight: number; deepest: { parentheses: number; operators: number } } {
  const outer: number[] = [];
  let chain = 0; // powers and signs pending at the current bracket level
  let pending = 0; // the same summed over all open levels
  let parentheses = 0;
  let weight = 0;
  let deepest = { parentheses: 0, operators: 0 };
  let afterOperand = false;
  for (const c of text) {
    if (c === " " || c === "\t") continue;
    if (c === "(" || c === "[" || c === "{") {
      outer.push(chain);
      chain = 0;
      parentheses = Math.max(parentheses, outer.length);
      afterOperand = false;
    } else if (c === ")" || c === "]" || c === "}") {
      pending -= chain;
      chain = outer.pop() ?? 0;
      afterOperand = true;
    } else if (c === "^" || ((c === "-" || c === "+") && !afterOperand)) {
      chain++;
      pending++;
      afterOperand = false;
    } else if (/[\w.]/u.test(c)) {
      afterOperand = true;
    } else {
      pending -= chain;
      chain = 0;
      afterOperand = false;
    }
    if (4 * outer.length + pending > weight) {
      weight = 4 * outer.length + pending;
      deepest = { parentheses: outer.length, operators: pending };
    }
  }
  return { parentheses, weight, deepest };
}

/** Depth of a tree, walked with an explicit stack (the tree may be deeper than the call stack allows). */
function depthOf(root: MathNode): number {
  let deepest = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [MathNode, number];
    deepest = Math.max(deepest, depth);
    const n = node as Node;
    const children = n.args ?? (n.content ? [n.content] : []);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}

function checkNode(node: MathNode): void {
  const n = node as Node;
  switch (n.type) {
    case "ConstantNode":
      if (typeof n.value !== "number") throw new Error(`"${excerpt(node.toString())}" is not a number`);
      return;
    case "SymbolNode":
      return;
    case "ParenthesisNode":
      return checkNode(n.content as MathNode);
    case "OperatorNode":
      if (!OPERATORS.has(n.fn as string)) throw new Error(`operator "${n.op}" is not supported in model equations (use + - * / ^)`);
      return (n.args as MathNode[]).forEach(checkNode);
    case "FunctionNode": {
      const name = (n.fn as { name?: string }).name ?? "";
      const arity = FUNCTIONS.get(name);
      if (!arity) throw new Error(`function ${name}() is not available; use ${[...FUNCTIONS.keys()].join(", ")}`);
      const count = (n.args as MathNode[]).length;
      if (count < arity.min || count > arity.max) throw new Error(`${name}() takes ${arity.min === arity.max ? arity.min : `${arity.min} or more`} argument(s), got ${count}`);
      return (n.args as MathNode[]).forEach(checkNode);
    }
    default:
      throw new Error(`"${excerpt(node.toString())}" is not supported in model equations (${n.type})`);
  }
}

/**
 * The symbols an expression reads (function names excluded), in order of first use.
 * @internal
 */
export function symbolsOf(node: MathNode): string[] {
  const found = new Set<string>();
  const visit = (child: MathNode) => {
    const n = child as Node;
    if (n.type === "SymbolNode") found.add(n.name as string);
    else if (n.type === "FunctionNode") (n.args as MathNode[]).forEach(visit);
    else child.forEach(visit);
  };
  visit(node);
  return [...found];
}

/**
 * `node` with every symbol named in `values` replaced by a copy of its expression
 * (parenthesised, so precedence is kept).
 * @internal
 */
export function substitute(node: MathNode, values: ReadonlyMap<string, MathNode>): MathNode {
  return node.transform((child) => {
    const value = child.type === "SymbolNode" ? values.get((child as Node).name as string) : undefined;
    return value ? new math.ParenthesisNode(value.cloneDeep()) : child;
  });
}
