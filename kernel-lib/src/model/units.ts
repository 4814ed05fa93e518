import type { MathNode, Unit } from "mathjs";
import type { Node } from "./expression.js";
import { symbolsOf } from "./expression.js";
import { math } from "./math.js";

/**
 * A quantity's unit: one of that unit as a mathjs `Unit` (its `value` is the SI size, so
 * mg and ug differ), or a plain number for a dimensionless quantity (its scale: mg/ug is 1000).
 * @internal
 */
export type UnitValue = Unit | number;

/**
 * One of `unit` ("1" is dimensionless). Throws an Error for a string mathjs does not know.
 * @internal
 */
export function parseUnit(unit: string): UnitValue {
  const text = unit.trim();
  if (text === "1") return 1;
  if (text === "") throw new Error('no unit given (write "1" for a dimensionless quantity)');
  try {
    return math.unit(1, text);
  } catch {
    throw new Error(`unknown unit "${unit}" (units are mathjs unit strings such as mg, L, h, 1/h, L/h, mg/L, nM, cells/uL; "1" for none)`);
  }
}

/** True when two unit values have the same dimension (both dimensionless, or equal bases). */
export function sameDimension(a: UnitValue, b: UnitValue): boolean {
  if (typeof a === "number" || typeof b === "number") return typeof a === typeof b;
  return a.equalBase(b);
}

/** How many of `b` make one `a` (1 when the scales agree); only for the same dimension. @internal */
export function scaleRatio(a: UnitValue, b: UnitValue): number {
  const size = (u: UnitValue) => (typeof u === "number" ? u : (u.value as unknown as number));
  return size(a) / size(b);
}

/** True when `a` and `b` have the same dimension and scale (mg/h = mg/h, not ug/h). */
export function sameUnit(a: UnitValue, b: UnitValue): boolean {
  return sameDimension(a, b) && Math.abs(scaleRatio(a, b) - 1) <= 1e-9;
}

/**
 * A unit for people: "mg*L/h", "1/h", "1" (or "1 (scaled by 1000)" for a ratio such as mg/ug).
 * Equal units with equal prefixes are merged, so L/h/L*mg reads mg/h.
 */
export function formatUnit(value: UnitValue): string {
  if (typeof value === "number") return Math.abs(value - 1) <= 1e-9 ? "1" : `1 (scaled by ${+value.toPrecision(6)})`;
  const powers = new Map<string, number>();
  // mathjs types `prefix` as a string; at run time it is a { name, value } object.
  for (const u of value.units as unknown as { prefix: { name: string }; unit: { name: string }; power: number }[]) {
    const name = u.prefix.name + u.unit.name;
    powers.set(name, (powers.get(name) ?? 0) + u.power);
  }
  const part = (name: string, power: number) => (power === 1 ? name : `${name}^${+power.toPrecision(6)}`);
  const up = [...powers].filter(([, p]) => p > 1e-12).map(([name, p]) => part(name, p));
  const down = [...powers].filter(([, p]) => p < -1e-12).map(([name, p]) => part(name, -p));
  const top = up.length > 0 ? up.join("*") : "1";
  if (down.length === 0) return top;
  return `${top}/${down.length === 1 ? down[0] : `(${down.join("*")})`}`;
}

/**
 * An inferred unit, or null for an exact zero (the literal 0, or a product with it), which
 * fits any unit: `max(0, C - CT)` and `d/dt(x) = 0` are dimensionally sound.
 * @internal
 */
export type Inferred = UnitValue | null;

/**
 * The unit of an expression whose symbols have the units in `scope`. Each operation follows
 * the rules of quantity calculus: + − min max need operands of one dimension and scale;
 * exp, log, sin, cos, tanh and exponents need dimensionless arguments of scale 1; * and /
 * combine units; x^c with a constant c raises the unit to c (a non-constant exponent is taken
 * as 1, which checks Hill terms such as C^g/(EC50^g + C^g) by their dimension). Numbers
 * other than 0 are dimensionless. Throws an Error naming the offending sub-expression and
 * its units.
 * @internal
 */
export function unitOfExpression(node: MathNode, scope: ReadonlyMap<string, Inferred>): Inferred {
  const n = node as Node;
  const args = (n.args ?? []) as MathNode[];
  const of = (child: MathNode) => unitOfExpression(child, scope);
  switch (n.type) {
    case "ConstantNode":
      return Number(n.value) === 0 ? null : 1;
    case "SymbolNode": {
      if (n.name === "pi") return 1;
      const unit = scope.get(n.name as string);
      if (unit === undefined) throw new Error(`unknown symbol "${n.name}"`);
      return unit;
    }
    case "ParenthesisNode":
      return of(n.content as MathNode);
    case "OperatorNode":
      switch (n.fn) {
        case "unaryMinus":
        case "unaryPlus":
          return of(args[0]);
        case "add":
        case "subtract":
          return alike(args, scope, n.fn === "add" ? "adds" : "subtracts");
        case "multiply":
        case "divide": {
          const [a, b] = args.map(of);
          if (a === null || b === null) return null;
          return (n.fn === "multiply" ? math.multiply(a as Unit, b as Unit) : math.divide(a as Unit, b as Unit)) as UnitValue;
        }
        case "pow":
          return power(args[0], args[1], scope);
      }
      break;
    case "FunctionNode": {
      const name = (n.fn as { name: string }).name;
      switch (name) {
        case "min":
        case "max":
          return alike(args, scope, `takes ${name}() of`);
        case "abs":
          return of(args[0]);
        case "sqrt": {
          const unit = of(args[0]);
          return unit === null ? null : (math.sqrt(unit as Unit) as UnitValue);
        }
        case "pow":
          return power(args[0], args[1], scope);
        default:
          for (const arg of args) requireDimensionless(arg, of(arg), `${name}()`);
          return 1;
      }
    }
  }
  throw new Error(`cannot find the unit of "${node.toString()}"`);
}

/** The common unit of operands that must agree in dimension and scale (zeros fit any). */
function alike(args: MathNode[], scope: ReadonlyMap<string, Inferred>, verb: string): Inferred {
  const units = args.map((arg) => unitOfExpression(arg, scope));
  const first = units.findIndex((u) => u !== null);
  if (first < 0) return null;
  units.forEach((unit, i) => {
    if (unit === null || sameUnit(units[first] as UnitValue, unit)) return;
    const kind = sameDimension(units[first] as UnitValue, unit) ? "the same dimension in different units" : "quantities of different dimensions";
    throw new Error(
      `${verb} ${kind}: ${args[first].toString()} has unit ${formatUnit(units[first] as UnitValue)}, ${args[i].toString()} has unit ${formatUnit(unit)}`,
    );
  });
  return units[first];
}

function power(base: MathNode, exponent: MathNode, scope: ReadonlyMap<string, Inferred>): Inferred {
  requireDimensionless(exponent, unitOfExpression(exponent, scope), "an exponent");
  const unit = unitOfExpression(base, scope);
  if (unit === null) return null;
  if (typeof unit === "number") requireDimensionless(base, unit, "the base of a power");
  const value = symbolsOf(exponent).length === 0 ? Number(exponent.evaluate()) : 1;
  return math.pow(unit as Unit, value) as UnitValue;
}

function requireDimensionless(node: MathNode, unit: Inferred, role: string): void {
  if (unit === null || sameUnit(unit, 1)) return;
  const problem = typeof unit === "number" ? "has no dimension but a scale factor" : "has a unit";
  throw new Error(`${role} needs a dimensionless argument of scale 1, but ${node.toString()} ${problem}: ${formatUnit(unit)}`);
}
