import type { Model } from "../model/types.js";
import { exposureModel } from "../simulation/exposure-model.js";
import type { Target } from "./targets.js";

/** How the plan computes AUC targets: from an AUC state of the solution, or (no model text) on the grid. */
export interface TargetExposure {
  /** The model simulated: with an AUC state of the output when `aucState` is set. */
  model: Model;
  aucState?: string;
}

/**
 * The model a population simulates for its targets. With an AUC target (or a minimum or
 * time-above target, whose grid accuracy is checked against the exact AUC), the output's AUC is
 * added as a state (`exposureModel`), so AUC targets are integrals of the solution, exact for
 * linear models, instead of trapezoids over the output grid. A model without model text keeps
 * grid trapezoids, with a warning.
 */
export function targetExposure(model: Model, output: string, targets: readonly Target[], warnings: string[]): TargetExposure {
  if (!targets.some((t) => t.kind !== "concentration")) return { model };
  if (model.source === undefined) {
    if (targets.some((t) => t.kind === "auc")) {
      warnings.push(`model ${model.name} has no model text, so AUC targets are linear trapezoids over the output grid (not exact); give fine \`times\``);
    }
    return { model };
  }
  const exposure = exposureModel(model, [output]);
  return { model: exposure.model, aucState: exposure.aucState.get(output) };
}

/** Relative AUC error on the grid beyond which grid-based targets (minimum, time above) are flagged. */
const COARSE = 0.01;

/**
 * Warnings for targets read on the output grid (`cmin`, `time-above`): the typical subject's
 * linear-trapezoid AUC over the target's window on the grid is compared with its exact AUC
 * (`auc`, the AUC state at the grid times); more than 1 % apart means the grid misses the
 * curve's shape, and a grid minimum or time above can be off as well.
 */
export function coarseGridWarnings(targets: readonly Target[], times: ArrayLike<number>, values: ArrayLike<number>, auc: ArrayLike<number>): string[] {
  const warnings: string[] = [];
  targets.forEach((target, i) => {
    if (target.kind !== "cmin" && target.kind !== "time-above") return;
    const a = target.from === undefined ? 0 : Array.prototype.indexOf.call(times, target.from);
    const b = target.to === undefined ? times.length - 1 : Array.prototype.indexOf.call(times, target.to);
    let grid = 0;
    for (let k = a; k < b; k++) grid += ((times[k + 1] - times[k]) * (values[k] + values[k + 1])) / 2;
    const exact = auc[b] - auc[a];
    const error = Math.abs(grid - exact) / Math.abs(exact);
    if (exact !== 0 && error > COARSE) {
      warnings.push(
        `target ${i + 1} (${target.kind}) is read on the output grid, which is coarse for this curve: the typical subject's trapezoid AUC over [${times[a]}, ${times[b]}] on it is ${(100 * error).toFixed(1)} % off the exact AUC; give finer \`times\``,
      );
    }
  });
  return warnings;
}
