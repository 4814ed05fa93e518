import { checkBase } from "./check-base.js";
import { SensitivityError } from "./sensitivity-error.js";
import type { ParameterFunction } from "./sobol-indices.js";

/** Options of {@link tornado}. */
export interface TornadoOptions {
  /** Relative change ±x applied to each parameter (default 0.2, i.e. ±20 %); 0 < x < 1. */
  change?: number;
  /** Low and high values for some parameters, replacing ±change for those. */
  ranges?: Record<string, readonly [number, number]>;
}

/** One parameter's bar: its low and high values and the response at each. */
export interface TornadoBar {
  parameter: string;
  low: number;
  high: number;
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow|, the length of the bar. */
  swing: number;
}

/** A one-at-a-time analysis around a base point; bars sorted by swing, largest first. */
export interface Tornado {
  baseline: number;
  base: Record<string, number>;
  bars: TornadoBar[];
}

/**
 * Tornado analysis: the response f at the base point, and with each parameter in turn set
 * to its low and high value (base·(1 ∓ change), or the given range) while the others stay
 * at base. The bars are sorted by their swing, largest first. Draw with `tornadoPlot`.
 *
 * @example
 * const auc = modelResponse("pk1cmt_oral", { regimen: "100 mg", times: { end: 48, step: 0.5 } });
 * const t = tornado(auc, { KA: 1.1, CL: 6, V: 25 }, { change: 0.2 });
 * t.bars[0].parameter; // "CL": AUC = F·D/CL does not depend on KA or V
 */
export function tornado(f: ParameterFunction, base: Readonly<Record<string, number>>, options: TornadoOptions = {}): Tornado {
  const { change = 0.2, ranges = {} } = options;
  const names = checkBase(base, "tornado");
  if (!(change > 0 && change < 1)) throw new SensitivityError(`change = ${change}: the relative change must lie between 0 and 1 (0.2 = ±20 %)`);
  for (const [name, range] of Object.entries(ranges)) {
    if (!names.includes(name)) throw new SensitivityError(`tornado: range given for "${name}", which has no base value; base parameters: ${names.join(", ")}`);
    if (!(range[1] > range[0])) throw new SensitivityError(`tornado: range of ${name} is [${range[0]}, ${range[1]}]; it needs low < high`);
  }
  const at = (name: string, value: number) => f({ ...base, [name]: value });
  const bars = names.map((parameter): TornadoBar => {
    const x = base[parameter];
    const [low, high] = ranges[parameter] ?? [x * (1 - change), x * (1 + change)].sort((a, b) => a - b);
    const outputLow = at(parameter, low);
    const outputHigh = at(parameter, high);
    return { parameter, low, high, outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) };
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { baseline: f({ ...base }), base: { ...base }, bars };
}
