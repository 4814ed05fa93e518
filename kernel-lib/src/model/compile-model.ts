import type { MathNode, Unit } from "mathjs";
import type { ItemKind, ModelDefinition, SourceLines } from "./definition.js";
import { warn } from "../warnings/index.js";
import { conversionWarnings } from "./conversion-warnings.js";
import { doseInterface } from "./dose-interface.js";
import { excerpt, FUNCTIONS, parseExpression, substitute, symbolsOf } from "./expression.js";
import { isDoseModifier } from "./dose-modifier.js";
import { generateCode, inlineDerived, type Equation } from "./generate-code.js";
import { math } from "./math.js";
import { ModelError } from "./model-error.js";
import type { DerivedSpec, Model, ParameterSpec } from "./types.js";
import { formatUnit, parseUnit, sameDimension, sameUnit, scaleRatio, unitOfExpression, type Inferred, type UnitValue } from "./units.js";

const SECTION: Record<ItemKind, string> = {
  parameter: "PARAMETERS", covariate: "COVARIATES", compartment: "COMPARTMENTS", derived: "DERIVED",
  ode: "ODE", init: "INIT", output: "OUTPUTS", route: "ROUTES", section: "",
};

/** Names a model item cannot take: time, pi, mathjs keywords and constants, the functions. */
const RESERVED = new Set(["t", "pi", "Infinity", "NaN", "true", "false", "null", "mod", "to", "in", "and", "or", "xor", "not", ...FUNCTIONS.keys()]);
/**
 * Names of Object.prototype's members (`__proto__`, `constructor`, `hasOwnProperty`, …): model
 * names become keys of plain result objects (`sim.outputs.CP`) and of user records
 * (`params: { CL: 4 }`), where these would reach the prototype instead of a value.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws the `ModelError` for an item, with its line and section when the model has text. */
type Fail = (kind: ItemKind, name: string, message: string) => never;

/** The declared items of a definition, in declaration order (compartment i is CMT i + 1). */
interface Items {
  parameters: ParameterSpec[];
  covariates: ParameterSpec[];
  compartments: { name: string; cmt: number; unit: string; label?: string }[];
  outputs: { name: string; unit: string; label?: string }[];
  timeUnit: string;
}

/** The parsed equations of a definition, each checked for known symbols. */
interface Equations {
  derived: Equation[];
  odes: Equation[];
  inits: Equation[];
  outputs: Equation[];
}

/**
 * The compile pipeline shared by `parseModel` and `defineModel`: checks names, symbols and
 * units (dimension and scale), then generates JavaScript for the right-hand side, its
 * symbolic Jacobian, the initial state and the outputs (see `generateCode`). `lines` (text
 * models) puts line numbers and sections into the `ModelError`s. Each stage below is one
 * function: records, items, names, unit scope, equations, unit checks, initial values.
 * @internal
 */
export function compileModel(def: ModelDefinition, lines: SourceLines = new Map(), source?: string): Model {
  const fail: Fail = (kind, name, message) => {
    throw new ModelError(message, lines.get(`${kind}:${name}`), SECTION[kind] || name);
  };
  refusePrototypeKeys(def);
  const items = readItems(def, lines, fail);
  const declared = declareNames(def, items, lines, fail);
  const { scope, time } = unitScope(items, fail);
  const equations = readEquations(def, items, declared, scope, fail);
  const derivedUnits = checkUnits(items, equations, scope, time, fail);
  checkInitialValues(items, equations, fail);
  const code = generateCode({ inputs: [...items.parameters, ...items.covariates], states: items.compartments, derived: equations.derived, odes: equations.odes, inits: equations.inits, outputs: equations.outputs });
  const dosing = doseInterface(def, items.compartments, fail);
  const warnings = conversionWarnings(items.parameters).map((w) => `model ${def.name}: ${w}`);
  for (const w of warnings) warn(w);

  return {
    name: def.name,
    description: def.description ?? "",
    reference: def.reference || undefined,
    timeUnit: items.timeUnit,
    parameters: items.parameters,
    covariates: items.covariates.map((c) => c.name),
    covariateSpecs: items.covariates,
    compartments: items.compartments,
    outputs: items.outputs,
    derived: equations.derived.map((d, i): DerivedSpec => ({ name: d.name, expr: d.text, unit: derivedUnits[i] === null ? "any (zero)" : formatUnit(derivedUnits[i] as UnitValue) })),
    ...code,
    ...dosing,
    warnings,
    source,
  };
}

/**
 * An object literal with a key "__proto__" sets the record's prototype instead of an entry,
 * so the item would vanish and later compartments would be renumbered: refused.
 */
function refusePrototypeKeys(def: ModelDefinition): void {
  const records: [ItemKind, object | undefined][] = [
    ["parameter", def.parameters], ["covariate", def.covariates], ["compartment", def.compartments], ["derived", def.derived],
    ["ode", def.odes], ["init", def.init], ["output", def.outputs],
  ];
  for (const [kind, record] of records) {
    const proto = record === undefined ? null : Object.getPrototypeOf(record);
    if (proto !== null && proto !== Object.prototype) {
      throw new ModelError(`the ${SECTION[kind].toLowerCase()} record has a key "__proto__", which JavaScript takes as the record's prototype; "__proto__" is a reserved name, rename it`, undefined, SECTION[kind]);
    }
  }
}

/** Parameters, covariates (finite values), compartments, outputs and the time unit. */
function readItems(def: ModelDefinition, lines: SourceLines, fail: Fail): Items {
  const quantities = (kind: ItemKind, record: ModelDefinition["parameters"] | undefined): ParameterSpec[] =>
    Object.entries(record ?? {}).map(([name, q]) => {
      if (!Number.isFinite(q.value)) fail(kind, name, `${kind} ${name} = ${q.value}: the value must be a finite number`);
      return { name, value: q.value, unit: q.unit, label: q.label };
    });
  const items: Items = {
    parameters: quantities("parameter", def.parameters),
    covariates: quantities("covariate", def.covariates),
    compartments: Object.entries(def.compartments).map(([name, c], i) => ({ name, cmt: i + 1, unit: c.unit, label: c.label })),
    outputs: Object.entries(def.outputs ?? {}).map(([name, o]) => ({ name, unit: o.unit, label: o.label })),
    timeUnit: (def.timeUnit ?? "h").trim(),
  };
  if (items.compartments.length === 0) throw new ModelError(`model ${def.name} has no compartments`, lines.get("section:COMPARTMENTS"), "COMPARTMENTS");
  return items;
}

/** One namespace for every declared name, so no expression is ambiguous: valid, not reserved, not twice. */
function declareNames(def: ModelDefinition, items: Items, lines: SourceLines, fail: Fail): Map<string, ItemKind> {
  const declared = new Map<string, ItemKind>();
  const declare = (kind: ItemKind, name: string) => {
    if (!NAME.test(name)) fail(kind, name, `${kind} name "${name}" is not a valid name (letters, digits and _, not starting with a digit)`);
    if (RESERVED.has(name)) fail(kind, name, `${kind} name "${name}" is reserved (t, pi, mathjs keywords and the functions); rename it`);
    if (PROTOTYPE_NAMES.has(name)) fail(kind, name, `${kind} name "${name}" is reserved (a JavaScript object property: ${[...PROTOTYPE_NAMES].join(", ")}); rename it`);
    const before = declared.get(name);
    if (before) {
      const first = lines.get(`${before}:${name}`);
      fail(kind, name, `duplicate name: "${name}" is declared as a ${before}${first ? ` (line ${first})` : ""} and as a ${kind}`);
    }
    declared.set(name, kind);
  };
  for (const q of items.parameters) declare("parameter", q.name);
  for (const q of items.covariates) declare("covariate", q.name);
  for (const c of items.compartments) declare("compartment", c.name);
  for (const name of Object.keys(def.derived ?? {})) declare("derived", name);
  for (const o of items.outputs) declare("output", o.name);
  // The event timeline reads dose modifiers from the parameter vector at each dose record; a
  // derived or output value would be silently ignored there, so it is refused.
  for (const [name, kind] of declared) {
    if (isDoseModifier(name) && kind !== "parameter" && kind !== "covariate") {
      fail(kind, name, `${name} is a dose modifier, so it must be a parameter or a covariate, not a ${kind}: declare it in $PARAMETERS (or $COVARIATES to let it change by record), e.g. F1 = 1 : 1 : bioavailability`);
    }
  }
  return declared;
}

/** An item's declared unit, or its error naming the item. */
function declaredUnit(kind: ItemKind, name: string, unit: string, fail: Fail): UnitValue {
  try {
    return parseUnit(unit);
  } catch (error) {
    return fail(kind, name, `${kind} ${name}: ${(error as Error).message}`);
  }
}

/** Units of everything declared, and of t (which must be a time). */
function unitScope(items: Items, fail: Fail): { scope: Map<string, Inferred>; time: UnitValue } {
  const scope = new Map<string, Inferred>();
  for (const q of items.parameters) scope.set(q.name, declaredUnit("parameter", q.name, q.unit, fail));
  for (const q of items.covariates) scope.set(q.name, declaredUnit("covariate", q.name, q.unit, fail));
  for (const c of items.compartments) scope.set(c.name, declaredUnit("compartment", c.name, c.unit, fail));
  const time = declaredUnit("section", "TIME", items.timeUnit, fail);
  if (typeof time === "number" || !sameDimension(time, parseUnit("h"))) fail("section", "TIME", `$TIME ${items.timeUnit} is not a unit of time (h, min, day, week, ...)`);
  scope.set("t", time);
  return { scope, time };
}

/**
 * Every expression parsed and checked for symbols: derived names in order (each visible to
 * the ones after it), one d/dt per compartment, initial values and outputs.
 */
function readEquations(def: ModelDefinition, items: Items, declared: Map<string, ItemKind>, scope: Map<string, Inferred>, fail: Fail): Equations {
  const states = new Set(items.compartments.map((c) => c.name));
  const visible = new Set([...scope.keys(), "pi"]);
  const equation = (kind: ItemKind, name: string, text: string, label: string): Equation => {
    let node: MathNode;
    try {
      node = parseExpression(text);
    } catch (error) {
      return fail(kind, name, `${label} = ${excerpt(text)}: ${(error as Error).message}`);
    }
    for (const symbol of symbolsOf(node)) {
      if (visible.has(symbol)) continue;
      const later = declared.get(symbol) === "derived" ? ` (derived quantities must be defined before they are used)` : "";
      fail(kind, name, `${label} = ${excerpt(text)}: unknown symbol "${symbol}"${later}`);
    }
    return { name, kind, text, node };
  };

  const derived = Object.entries(def.derived ?? {}).map(([name, text]) => {
    const eq = equation("derived", name, text, name);
    visible.add(name);
    return eq;
  });
  for (const name of Object.keys(def.odes)) {
    if (!states.has(name)) fail("ode", name, `d/dt(${name}): "${name}" is not a compartment (compartments: ${[...states].join(", ")})`);
  }
  const odes = items.compartments.map((c) => {
    const text = def.odes[c.name];
    if (text === undefined) fail("compartment", c.name, `compartment ${c.name} has no equation d/dt(${c.name}) = … in $ODE`);
    return equation("ode", c.name, text, `d/dt(${c.name})`);
  });
  const inits = Object.entries(def.init ?? {}).map(([name, text]) => {
    if (!states.has(name)) fail("init", name, `${name}(0): "${name}" is not a compartment (compartments: ${[...states].join(", ")})`);
    return equation("init", name, text, `${name}(0)`);
  });
  const outputs = Object.entries(def.outputs ?? {}).map(([name, o]) => equation("output", name, o.expr, `output ${name}`));
  return { derived, odes, inits, outputs };
}

/**
 * Dimensional analysis: units of derived names inferred in order (added to `scope`); each
 * d/dt in its compartment's unit per time unit, initial values and outputs in their declared
 * units. Returns the derived names' units.
 */
function checkUnits(items: Items, equations: Equations, scope: Map<string, Inferred>, time: UnitValue, fail: Fail): Inferred[] {
  const unitOf = (eq: Equation, label: string): Inferred => {
    try {
      return unitOfExpression(eq.node, scope);
    } catch (error) {
      return fail(eq.kind, eq.name, `${label} = ${excerpt(eq.text)}: ${(error as Error).message}`);
    }
  };
  const requireUnit = (eq: Equation, label: string, expected: UnitValue, expectedText: string) => {
    const found = unitOf(eq, label);
    // A number alone (R(0) = 100) takes the unit it is given.
    if (found === null || sameUnit(found, expected) || symbolsOf(eq.node).length === 0) return;
    const scale = sameDimension(found, expected) ? `: the scales differ by a factor of ${+scaleRatio(found, expected).toPrecision(6)}` : "";
    fail(eq.kind, eq.name, `${label} = ${excerpt(eq.text)} has unit ${formatUnit(found)}, expected ${expectedText}${scale}`);
  };
  const derivedUnits = equations.derived.map((d) => {
    const unit = unitOf(d, d.name);
    scope.set(d.name, unit);
    return unit;
  });
  equations.odes.forEach((ode, i) => {
    const expected = math.divide(scope.get(ode.name) as Unit, time as Unit) as UnitValue;
    requireUnit(ode, `d/dt(${ode.name})`, expected, `${formatUnit(expected)} (${items.compartments[i].unit} of ${ode.name} per ${items.timeUnit})`);
  });
  for (const init of equations.inits) requireUnit(init, `${init.name}(0)`, scope.get(init.name) as UnitValue, `${formatUnit(scope.get(init.name) as UnitValue)} (the unit of ${init.name})`);
  equations.outputs.forEach((o, i) => {
    const expected = declaredUnit("output", o.name, items.outputs[i].unit, fail);
    requireUnit(o, `output ${o.name}`, expected, formatUnit(expected));
  });
  return derivedUnits;
}

/** Initial values may use parameters, covariates and derived names, not states or t (derived names inlined to see through them). */
function checkInitialValues(items: Items, equations: Equations, fail: Fail): void {
  const states = new Set(items.compartments.map((c) => c.name));
  const inlined = inlineDerived(equations.derived);
  for (const init of equations.inits) {
    const uses = symbolsOf(substitute(init.node, inlined)).filter((s) => states.has(s) || s === "t");
    if (uses.length > 0) fail("init", init.name, `${init.name}(0) = ${excerpt(init.text)} depends on ${uses.join(", ")}; initial values may use parameters, covariates and derived names that do not depend on states or t`);
  }
}
