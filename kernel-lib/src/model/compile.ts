import type { MathNode } from "mathjs";
import type { Jacobian, Rhs } from "../ode/types.js";
import { isAllowedFunction, toJs } from "./codegen.js";
import type { ModelDefinition, SourceLines } from "./definition.js";
import { ModelError } from "./errors.js";
import { math } from "./math.js";
import type { Model } from "./types.js";
import { describeUnit, requireUnit, unitOf, unitOfExpression, type UnitValue } from "./units.js";

const RESERVED = new Set(["t", "pi", "e", "i", "y", "p", "dydt", "jac", "out", "Math"]);

interface Item {
  name: string;
  node: MathNode;
  line?: number;
}

/**
 * Compiles a model definition: checks names, symbols and units, then generates JavaScript
 * for the right-hand side, its symbolic Jacobian, the initial state and the outputs.
 */
export function compileModel(def: ModelDefinition, lines: SourceLines = new Map(), source?: string): Model {
  const parameters = Object.entries(def.parameters).map(([name, q]) => ({ name, value: q.value, unit: q.unit, label: q.label }));
  const covariates = Object.entries(def.covariates ?? {}).map(([name, q]) => ({ name, value: q.value, unit: q.unit, label: q.label }));
  const compartments = Object.entries(def.compartments).map(([name, c], i) => ({ name, cmt: i + 1, unit: c.unit, label: c.label }));
  const timeUnit = def.timeUnit ?? "h";
  if (compartments.length === 0) throw new ModelError(`model ${def.name} has no compartments`);

  const all = [...parameters, ...covariates, ...compartments].map((q) => q.name);
  for (const name of [...all, ...Object.keys(def.derived ?? {}), ...Object.keys(def.outputs)]) {
    if (RESERVED.has(name) || isAllowedFunction(name)) {
      throw new ModelError(`"${name}" is a reserved name (time, constants and functions); rename it`, lines.get(`parameter:${name}`) ?? lines.get(`compartment:${name}`));
    }
  }
  const states = new Set(compartments.map((c) => c.name));
  const known = new Set([...all, "t", "pi"]);

  const parse = (text: string, what: string, line?: number): MathNode => {
    try {
      return math.parse(text);
    } catch (error) {
      throw new ModelError(`${what} = ${text}: ${(error as Error).message}`, line);
    }
  };
  const checkSymbols = (node: MathNode, what: string, line?: number) => {
    for (const symbol of symbolsOf(node)) {
      if (!known.has(symbol)) throw new ModelError(`${what} uses unknown symbol "${symbol}"`, line);
    }
  };

  const derived: Item[] = [];
  for (const [name, text] of Object.entries(def.derived ?? {})) {
    const line = lines.get(`derived:${name}`);
    const node = parse(text, name, line);
    checkSymbols(node, name, line);
    derived.push({ name, node, line });
    known.add(name);
  }
  for (const name of Object.keys(def.odes)) {
    if (!states.has(name)) throw new ModelError(`d/dt(${name}): "${name}" is not a compartment (compartments: ${[...states].join(", ")})`, lines.get(`ode:${name}`));
  }
  const odes: Item[] = compartments.map((c) => {
    const text = def.odes[c.name];
    if (text === undefined) throw new ModelError(`compartment ${c.name} has no equation d/dt(${c.name}) = …`, lines.get(`compartment:${c.name}`));
    const line = lines.get(`ode:${c.name}`);
    const node = parse(text, `d/dt(${c.name})`, line);
    checkSymbols(node, `d/dt(${c.name})`, line);
    return { name: c.name, node, line };
  });
  const outputs: Item[] = Object.entries(def.outputs).map(([name, o]) => {
    const line = lines.get(`output:${name}`);
    const node = parse(o.expr, name, line);
    checkSymbols(node, name, line);
    return { name, node, line };
  });
  const inits: Item[] = Object.entries(def.init ?? {}).map(([name, text]) => {
    const line = lines.get(`init:${name}`);
    if (!states.has(name)) throw new ModelError(`${name}(0): "${name}" is not a compartment`, line);
    const node = parse(text, `${name}(0)`, line);
    checkSymbols(node, `${name}(0)`, line);
    return { name, node, line };
  });

  checkUnits();
  function checkUnits(): void {
    const scope = new Map<string, UnitValue>();
    for (const q of parameters) scope.set(q.name, unitOf(q.unit, `parameter ${q.name}`, lines.get(`parameter:${q.name}`)));
    for (const q of covariates) scope.set(q.name, unitOf(q.unit, `covariate ${q.name}`, lines.get(`covariate:${q.name}`)));
    for (const c of compartments) scope.set(c.name, unitOf(c.unit, `compartment ${c.name}`, lines.get(`compartment:${c.name}`)));
    const time = unitOf(timeUnit, "$TIME", lines.get("section:TIME"));
    scope.set("t", time);
    scope.set("pi", 1);
    for (const d of derived) scope.set(d.name, unitOfExpression(d.node, scope, d.name, d.line));
    odes.forEach((ode, i) => {
      const expected = math.divide(scope.get(ode.name) as never, time as never) as UnitValue;
      const found = unitOfExpression(ode.node, scope, `d/dt(${ode.name})`, ode.line);
      requireUnit(found, expected, `d/dt(${ode.name}) = ${ode.node.toString()}`, `${describeUnit(expected)} (${compartments[i].unit} of ${ode.name} per ${timeUnit})`, ode.line);
    });
    for (const o of outputs) {
      const expected = unitOf(def.outputs[o.name].unit, `output ${o.name}`, o.line);
      requireUnit(unitOfExpression(o.node, scope, o.name, o.line), expected, `output ${o.name} = ${o.node.toString()}`, describeUnit(expected), o.line);
    }
    for (const init of inits) {
      const expected = scope.get(init.name) as UnitValue;
      requireUnit(unitOfExpression(init.node, scope, `${init.name}(0)`, init.line), expected, `${init.name}(0) = ${init.node.toString()}`, describeUnit(expected), init.line);
    }
  }

  // Generated code: every model symbol becomes a local `v_<name>`.
  const v = (name: string) => (name === "t" ? "t" : `v_${name}`);
  const loadParams = [...parameters, ...covariates].map((q, i) => `const v_${q.name} = p[${i}];`).join("\n");
  const loadStates = compartments.map((c, i) => `const v_${c.name} = y[${i}];`).join("\n");
  const computeDerived = derived.map((d) => `const v_${d.name} = ${toJs(d.node, v)};`).join("\n");
  const rhsBody = [loadParams, loadStates, computeDerived, ...odes.map((o, i) => `dydt[${i}] = ${toJs(o.node, v)};`)].join("\n");
  const outputBody = [loadParams, loadStates, computeDerived, ...outputs.map((o, i) => `out[${i}] = ${toJs(o.node, v)};`)].join("\n");

  // Derived quantities inlined, so each equation is a function of parameters, states and t only.
  const inlined = new Map<string, MathNode>();
  const inline = (node: MathNode): MathNode =>
    node.transform((n) => {
      const name = (n as { name?: string }).name;
      return n.type === "SymbolNode" && name !== undefined && inlined.has(name) ? new math.ParenthesisNode(inlined.get(name) as MathNode) : n;
    });
  for (const d of derived) inlined.set(d.name, inline(d.node));
  const flat = odes.map((o) => inline(o.node));

  for (const init of inits) {
    const uses = symbolsOf(inline(init.node)).filter((s) => states.has(s) || s === "t");
    if (uses.length > 0) throw new ModelError(`${init.name}(0) depends on ${uses.join(", ")}; initial values may use parameters and covariates only`, init.line);
  }
  const initBody = [
    loadParams,
    "y0.fill(0);",
    ...inits.map((init) => `y0[${compartments.findIndex((c) => c.name === init.name)}] = ${toJs(inline(init.node), v)};`),
  ].join("\n");

  const n = compartments.length;
  const jacobianNodes = differentiate(flat, compartments.map((c) => c.name));
  const linear = jacobianNodes !== undefined && isLinear(flat, jacobianNodes, states);
  let jacobianBody: string | undefined;
  if (jacobianNodes) {
    jacobianBody = [loadParams, loadStates, ...jacobianNodes.map((node, k) => `jac[${k}] = ${isZero(node) ? "0" : toJs(node, v)};`)].join("\n");
  }

  const rhs = new Function("t", "y", "p", "dydt", rhsBody) as Rhs;
  const jacobian: Jacobian = jacobianBody ? (new Function("t", "y", "p", "jac", jacobianBody) as Jacobian) : finiteDifferenceJacobian(rhs, n);
  return {
    name: def.name,
    description: def.description ?? "",
    reference: def.reference,
    timeUnit,
    parameters,
    covariates: covariates.map((c) => c.name),
    covariateSpecs: covariates,
    compartments,
    outputs: Object.entries(def.outputs).map(([name, o]) => ({ name, unit: o.unit, label: o.label })),
    rhs,
    jacobian,
    init: new Function("p", "y0", initBody) as Model["init"],
    output: new Function("t", "y", "p", "out", outputBody) as Model["output"],
    linear,
    source,
    generated: { rhs: rhsBody, jacobian: jacobianBody ?? "(finite differences)", output: outputBody, init: initBody },
  };
}

/** Symbols an expression reads (function names excluded). */
function symbolsOf(node: MathNode): string[] {
  const found = new Set<string>();
  const visit = (n: MathNode) => {
    const m = n as MathNode & { name?: string; args?: MathNode[]; content?: MathNode };
    if (n.type === "SymbolNode") found.add(m.name as string);
    else if (n.type === "FunctionNode") (m.args ?? []).forEach(visit);
    else n.forEach((child) => visit(child));
  };
  visit(node);
  return [...found];
}

/** Row-major ∂f_i/∂y_j as expression trees, or undefined when mathjs cannot differentiate. */
function differentiate(equations: MathNode[], states: string[]): MathNode[] | undefined {
  try {
    return equations.flatMap((eq) => states.map((s) => math.derivative(eq, s)));
  } catch {
    return undefined;
  }
}

function isZero(node: MathNode): boolean {
  return node.type === "ConstantNode" && Number((node as { value?: unknown }).value) === 0;
}

/** Linear and homogeneous in the states: constant Jacobian and f(0) = 0. */
function isLinear(equations: MathNode[], jacobian: MathNode[], states: Set<string>): boolean {
  for (const entry of jacobian) {
    if (symbolsOf(entry).some((s) => states.has(s) || s === "t")) return false;
  }
  return equations.every((eq) => {
    const atZero = eq.transform((n) => (n.type === "SymbolNode" && states.has((n as { name?: string }).name as string) ? new math.ConstantNode(0) : n));
    return isZero(math.simplify(atZero));
  });
}

/** Central differences, for equations mathjs cannot differentiate symbolically (min, max, abs). */
function finiteDifferenceJacobian(rhs: Rhs, n: number): Jacobian {
  const yh = new Float64Array(n);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  return (t, y, p, jac) => {
    for (let j = 0; j < n; j++) {
      yh.set(y);
      const h = 1e-7 * Math.max(1, Math.abs(y[j]));
      yh[j] = y[j] + h;
      rhs(t, yh, p, fp);
      yh[j] = y[j] - h;
      rhs(t, yh, p, fm);
      for (let i = 0; i < n; i++) jac[i * n + j] = (fp[i] - fm[i]) / (2 * h);
    }
  };
}
