import type { Unit } from "mathjs";
import type { DoseEvent } from "../dosing/types.js";
import { math } from "../model/math.js";
import type { Model } from "../model/types.js";
import { parseUnit, type UnitValue } from "../model/units.js";
import type { BodySize } from "./body-size.js";

/** Raised for a regimen dose that cannot be given to a model: a route it lacks, units that do not convert. */
export class DoseUnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DoseUnitError";
  }
}

/** Seconds in one h, the time unit of regimen doses (read when used: units load mathjs). */
const hourSize = (): number => (parseUnit("h") as { value: unknown }).value as number;

/**
 * A model's regimen doses in its own units: each dose with a `unit` (from a regimen: times in
 * h, amounts in mg, nmol, per kg or per m²) goes to the compartment of its route (the model's
 * `$ROUTES`), its times and interval into the model's `$TIME` unit, its amount and rate into
 * the unit of the compartment it doses — through the model's `$MW` between mass and amount of
 * substance, times the subject's weight or surface area for doses per kg or per m². Doses
 * without a unit are NONMEM records already in the model's units and are kept as they are.
 * Throws one {@link DoseUnitError} naming both units (or the route and the model's routes).
 *
 * @example
 * toModelDoses(getModel("simeoni"), parseRegimen("10 mg q1d x 3").doses(), {});
 * // [{ time: 0, amount: 10, cmt: 1, rate: 0, ii: 1, addl: 2, ss: 0 }]  (days)
 */
export function toModelDoses(model: Model, doses: readonly DoseEvent[], body: BodySize, who = "the regimen"): DoseEvent[] {
  const timeSize = (parseUnit(model.timeUnit) as { value: unknown }).value as number;
  const HOUR = hourSize();
  const toModelTime = (hours: number) => (hours * HOUR) / timeSize;
  return doses.map((d) => {
    if (d.unit === undefined) return { ...d };
    const cmt = compartmentOf(model, d, who);
    const factor = amountFactor(model, cmt, d.unit, body, who);
    const { unit: _unit, ...rest } = d;
    return {
      ...rest,
      cmt,
      time: toModelTime(d.time),
      ii: toModelTime(d.ii),
      amount: d.amount * factor,
      // A rate per h becomes a rate per model time unit.
      rate: (d.rate * factor * timeSize) / HOUR,
    };
  });
}

/** The compartment a dose goes to: its route's (from `$ROUTES`), else its own CMT. */
function compartmentOf(model: Model, d: DoseEvent, who: string): number {
  if (d.route === undefined) return d.cmt;
  const routes = model.routes ?? [];
  const found = routes.find((r) => r.route === d.route);
  if (found) return found.cmt;
  const known = routes.map((r) => `${r.route} (${model.compartments[r.cmt - 1].name})`).join(", ");
  throw new DoseUnitError(
    `${who}: model ${model.name} has no route "${d.route}"; ${known ? `its routes are ${known}` : "it declares no routes ($ROUTES)"}. Give one of them, or the compartment with "into cmt N"`,
  );
}

/** Model units of the dosed compartment per unit of the dose (per kg or m² included). */
function amountFactor(model: Model, cmt: number, doseUnit: NonNullable<DoseEvent["unit"]>, body: BodySize, who: string): number {
  const compartment = model.compartments[cmt - 1];
  if (!compartment) {
    throw new DoseUnitError(`${who}: CMT ${cmt} does not exist in model ${model.name} (compartments 1–${model.compartments.length}: ${model.compartments.map((c) => c.name).join(", ")})`);
  }
  const [base, per] = doseUnit.split("/");
  let size = 1;
  if (per === "kg") {
    if (body.weight === undefined) throw new DoseUnitError(`${who}: a dose in ${doseUnit} needs the subject's weight: give WT (kg) as a covariate`);
    size = body.weight;
  } else if (per === "m2") {
    if (body.surface === undefined) throw new DoseUnitError(`${who}: a dose in ${doseUnit} needs the subject's body surface area: give BSA (m²), or HT (cm) and WT (kg), as covariates`);
    size = body.surface;
  }
  const target = parseUnit(compartment.unit);
  const one = math.unit(1, base);
  const converted = convert(one, target, model);
  if (converted === undefined) {
    const through = model.molecularWeight ? ` (also through its $MW ${model.molecularWeight.value} ${model.molecularWeight.unit})` : "";
    const hint = isMassOrMolar(target) && !model.molecularWeight ? `; declare the molecular weight ($MW, e.g. "$MW 146000 g/mol") to convert between mass and amount of substance` : "";
    throw new DoseUnitError(
      `${who}: cannot convert a dose in ${doseUnit} into compartment ${compartment.name} of model ${model.name}, whose unit is ${compartment.unit}${through}${hint}`,
    );
  }
  return converted * size;
}

/** How many `target` one `dose` unit is: directly, or through the molecular weight; undefined when neither fits. */
function convert(dose: Unit, target: UnitValue, model: Model): number | undefined {
  if (typeof target === "number") return undefined;
  const candidates: Unit[] = [dose];
  if (model.molecularWeight) {
    const mw = math.unit(model.molecularWeight.value, model.molecularWeight.unit);
    candidates.push(math.multiply(dose, mw) as Unit, math.divide(dose, mw) as Unit);
  }
  const match = candidates.find((c) => c.equalBase(target));
  if (!match) return undefined;
  // Ratios of decimal prefixes (1e-6 / 1e-9) are off by an ulp; 15 digits gives back 1000.
  return +((match.value as unknown as number) / (target.value as unknown as number)).toPrecision(15);
}

function isMassOrMolar(unit: UnitValue): boolean {
  return typeof unit !== "number" && (unit.equalBase(math.unit(1, "g")) || unit.equalBase(math.unit(1, "mol")));
}
