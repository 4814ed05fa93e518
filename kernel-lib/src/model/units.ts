import type { MathNode, Unit } from "mathjs";
import { ModelError } from "./errors.js";
import { math } from "./math.js";

/** A quantity's unit as evaluated by mathjs: a Unit, or a number when dimensionless. */
export type UnitValue = Unit | number;

/** One unit of `unit` ("1" is dimensionless); an unknown unit is a ModelError naming `what`. */
export function unitOf(unit: string, what: string, line?: number): UnitValue {
  if (unit.trim() === "1") return 1;
  try {
    return math.unit(1, unit);
  } catch {
    throw new ModelError(`unknown unit "${unit}" for ${what} (units are mathjs unit strings such as mg, L, h, 1/h, L/h, mg/L, nM; "1" for none)`, line);
  }
}

/** Readable form of a unit value: "mg / h", or "1" when dimensionless. */
export function describeUnit(value: UnitValue): string {
  return typeof value === "number" ? "1 (dimensionless)" : value.formatUnits() || "1 (dimensionless)";
}

/**
 * The unit of an expression: evaluates it with every symbol bound to one unit of its
 * declared kind, so adding unlike quantities or taking exp() of a dimensioned one fails.
 */
export function unitOfExpression(node: MathNode, scope: Map<string, UnitValue>, what: string, line?: number): UnitValue {
  try {
    const value = node.evaluate(Object.fromEntries(scope)) as unknown;
    if (typeof value === "number" || math.typeOf(value) === "Unit") return value as UnitValue;
    throw new Error(`unexpected result ${String(value)}`);
  } catch (error) {
    const reason = (error as Error).message;
    const hint = /do not match/i.test(reason)
      ? "adds, subtracts or compares quantities of different units"
      : /Unit/.test(reason)
        ? "applies a function that needs a dimensionless argument to a quantity with a unit"
        : reason;
    throw new ModelError(`${what} = ${node.toString()}: ${hint}`, line);
  }
}

/**
 * Throws unless `found` equals `expected` in dimension and scale (mg/h vs ug/h is an error,
 * not a silent factor of 1000).
 */
export function requireUnit(found: UnitValue, expected: UnitValue, what: string, expectedText: string, line?: number): void {
  // Compare the units themselves, not the evaluated values (which may cancel to 0 or change sign).
  const unitOnly = typeof found === "number" || !found.formatUnits() ? 1 : math.unit(1, found.formatUnits());
  const ratio = math.divide(unitOnly as Unit, expected as Unit) as unknown;
  if (typeof ratio === "number") {
    if (Math.abs(ratio - 1) <= 1e-9) return;
    throw new ModelError(`${what} has unit ${describeUnit(found)}, which is ${ratio.toPrecision(6)} × the expected ${expectedText}: convert the units`, line);
  }
  throw new ModelError(`${what} has unit ${describeUnit(found)}, expected ${expectedText}`, line);
}
