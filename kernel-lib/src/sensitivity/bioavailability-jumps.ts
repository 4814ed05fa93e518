import type { DoseEvent } from "../dosing/types.js";
import type { Model } from "../model/types.js";
import type { SimulationInput } from "../simulation/index.js";
import { toModelDoses } from "../simulation/model-doses.js";
import { regimenDoses } from "../simulation/regimen-doses.js";

/**
 * The jumps of S = ∂y/∂F<k> for a bioavailability parameter F<k>, as bolus doses (into
 * compartment 0: the caller points them at S's compartment). A bolus F·AMT into k makes
 * S_k jump by AMT at the (lagged) dose time. An infusion keeps its RATE and lasts F·AMT/RATE
 * (NONMEM), so F moves its end: S_k jumps by RATE·AMT/RATE = AMT when it ends. Undefined —
 * use finite differences — for a dataset, a steady-state or reset dose into k, or extra
 * doses at other times than the doses (a lag, an infusion) with a time grid whose end the
 * regimen decides (they would move that end).
 * @internal
 *
 * @example
 * bioavailabilityJumps(getModel("pk1cmt_oral"), { regimen: "100 mg q12h x 2" }, "F1", { F1: 1, ALAG1: 0 });
 * // [{ time: 0, amount: 100, cmt: 0, rate: 0, ii: 12, addl: 1, ss: 0 }]
 */
export function bioavailabilityJumps(model: Model, input: Omit<SimulationInput, "subjects">, name: string, value: (name: string) => number): DoseEvent[] | undefined {
  const match = /^F(\d+)$/.exec(name);
  if (match === null || input.data !== undefined || input.regimen === undefined) return undefined;
  const cmt = Number(match[1]);
  const given = regimenDoses(input.regimen);
  if (given.some((d) => d.unit?.includes("/") || d.amount === Infinity)) return undefined;
  // In the model's units, so a route's compartment and the model's time unit are those F<k> sees.
  const doses = toModelDoses(model, given, {}).filter((d) => d.cmt === cmt);
  if (doses.some((d) => d.ss !== 0 || d.reset)) return undefined;
  const lag = model.parameters.some((q) => q.name === `ALAG${cmt}`) ? value(`ALAG${cmt}`) : 0;
  const fixedEnd = input.times !== undefined && ("length" in input.times || input.times.end !== undefined);
  if ((lag !== 0 || doses.some((d) => d.rate > 0)) && !fixedEnd) return undefined;
  const f = value(name);
  return doses.map((d) => ({ time: d.time + lag + (d.rate > 0 ? (f * d.amount) / d.rate : 0), amount: d.amount, cmt: 0, rate: 0, ii: d.ii, addl: d.addl, ss: 0 }));
}
