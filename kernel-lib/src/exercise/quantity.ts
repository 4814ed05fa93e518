import type { Unit } from "mathjs";
import { math } from "../model/math.js";
import { AnswerError } from "./answer-error.js";

/**
 * A number with a unit, as students and check authors write it: `"30 min"`, `"5 mg/L"`,
 * `{ value: 0.5, unit: "h" }`, a mathjs Unit, or a bare number (read in the question's unit).
 */
export type QuantityLike = number | string | { value: number; unit: string } | Unit;

/** A quantity read into a number in a target unit, remembering how it was written. */
export interface ReadQuantity {
  /** The value in the target unit. */
  value: number;
  /** The number as written (before conversion) and its unit; unit undefined for a bare number. */
  written: { value: number; unit: string | undefined };
}

function isUnit(value: unknown): value is Unit {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "Unit";
}

/** The unit of a dimensionless quantity (a fraction, a ratio), written "1" as in the model format ("" is read the same). */
export const DIMENSIONLESS = "1";

/** True for the units of a dimensionless quantity, "1" and "". */
export const isDimensionless = (unit: unknown): boolean => unit === DIMENSIONLESS || unit === "";

// mathjs has no unit "1": a dimensionless answer is a number, `{ value, unit: "1" }` or a number as text.
function readDimensionless(q: unknown, what: string): ReadQuantity {
  const o = q as { value?: unknown; unit?: unknown } | null;
  const value =
    typeof q === "number" ? q
    : typeof q === "object" && o !== null && isDimensionless(o.unit) && typeof o.value === "number" ? o.value
    : typeof q === "string" && q.trim() !== "" ? Number(q)
    : NaN;
  if (!Number.isFinite(value)) throw new AnswerError(`${what} should be a plain number (a dimensionless quantity such as a fraction), not ${describe(q)}`);
  return { value, written: { value, unit: undefined } };
}

/**
 * Reads `q` in `unit` (mathjs unit text such as "h", "mg/L", "L/h", or "1" — or "" — for a
 * dimensionless quantity). A bare number is taken to be in `unit` already. Throws an {@link AnswerError} naming the problem for text that is
 * not a quantity or a unit of another dimension ("30 mg" asked in h).
 *
 * @example
 * readQuantity("30 min", "h").value; // 0.5
 */
export function readQuantity(q: unknown, unit: string, what = "the answer"): ReadQuantity {
  if (isDimensionless(unit)) return readDimensionless(q, what);
  if (typeof q === "number") {
    if (!Number.isFinite(q)) throw new AnswerError(`${what} is ${q}, not a number`);
    return { value: q, written: { value: q, unit: undefined } };
  }
  let u: Unit;
  try {
    if (typeof q === "string") u = unitFromText(q.trim());
    else if (isUnit(q)) u = q;
    else if (typeof q === "object" && q !== null && typeof (q as { value?: unknown }).value === "number" && typeof (q as { unit?: unknown }).unit === "string") {
      const { value, unit: written } = q as { value: number; unit: string };
      u = math.unit(value, written);
    } else throw new AnswerError(`${what} should be a number or a quantity such as "30 min" or { value: 0.5, unit: "h" }, not ${describe(q)}`);
  } catch (error) {
    if (error instanceof AnswerError) throw error;
    throw new AnswerError(`${what} "${String(typeof q === "object" ? JSON.stringify(q) : q)}" is not a quantity pmxlab can read (write e.g. "30 min" or "5 mg/L")`);
  }
  const writtenUnit = u.formatUnits().replace(/ \/ /g, "/");
  const writtenValue = u.toNumber(writtenUnit);
  if (writtenUnit === "") return { value: writtenValue, written: { value: writtenValue, unit: undefined } };
  const target = math.unit(1, unit);
  if (!u.equalBase(target)) {
    throw new AnswerError(`${what} is in ${writtenUnit}, which cannot be converted to ${unit}: a different kind of quantity`);
  }
  if (!Number.isFinite(writtenValue)) throw new AnswerError(`${what} is ${writtenValue} ${writtenUnit}, not a number`);
  return { value: siRatio(u, target), written: { value: writtenValue, unit: writtenUnit } };
}

// mathjs reads "0.3 h^-1" and "0.3 /h" but not "0.3 1/h", the notation of pmxlab's model files
// and docs, so a number followed by a unit that starts with "1/" is split before reading.
function unitFromText(text: string): Unit {
  const rate = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s+(1\s*\/\s*\S.*)$/i.exec(text);
  return rate ? math.unit(Number(rate[1]), rate[2]) : math.unit(text);
}

// mathjs' toNumber takes unit text only and cannot parse a leading number ("1/h"), so
// convert through the SI values instead (units with an offset, such as degC, are not used).
function siRatio(u: Unit, of: Unit): number {
  return (u.value as unknown as number) / (of.value as unknown as number);
}

/** How many `to` make one `from` (both mathjs unit texts of one dimension): mg/L → ng/mL is 1000. */
export function unitFactor(from: string, to: string): number {
  return siRatio(math.unit(1, from), math.unit(1, to));
}

/** The unit a quantity-like value is written in, or undefined for a bare number. */
export function unitOf(q: QuantityLike): string | undefined {
  if (typeof q === "number") return undefined;
  if (typeof q === "string") return math.unit(q.trim()).formatUnits().replace(/ \/ /g, "/") || undefined;
  if (isUnit(q)) return q.formatUnits().replace(/ \/ /g, "/") || undefined;
  return q.unit;
}

/** A short description of a value for messages (its type, never a long dump). */
export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return `an object (${Object.keys(value).slice(0, 4).join(", ") || "no fields"})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
