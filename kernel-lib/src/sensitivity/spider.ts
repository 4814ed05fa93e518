import { checkBase } from "./check-base.js";
import { SensitivityError } from "./sensitivity-error.js";
import type { ParameterFunction } from "./sobol-indices.js";

/** Options of {@link spider}. */
export interface SpiderOptions {
  /** Relative changes of each parameter, each > −1 (default −50 % to +50 % by 10 %). */
  changes?: readonly number[];
}

/** One parameter's line: its values base·(1 + change) and the response at each. */
export interface SpiderLine {
  parameter: string;
  values: number[];
  outputs: number[];
}

/** A spider analysis: the changes (ascending) and one line per parameter. */
export interface Spider {
  baseline: number;
  base: Record<string, number>;
  changes: number[];
  lines: SpiderLine[];
}

const DEFAULT_CHANGES = [-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5];

/**
 * Spider analysis: the response f as each parameter in turn moves by each relative change
 * (p = base·(1 + change)) while the others stay at base, one line per parameter, all
 * crossing at the baseline (change 0). Steeper lines are more influential; curvature shows
 * nonlinearity the tornado's two points hide. Draw with `spiderPlot`.
 *
 * @example
 * const cmax = modelResponse("pk1cmt_oral", { regimen: "100 mg", times: { end: 24, step: 0.1 } }, { summary: "cmax" });
 * const s = spider(cmax, { KA: 1.1, CL: 6, V: 25 });
 * s.lines.find((l) => l.parameter === "V")?.outputs; // Cmax falls as V grows
 */
export function spider(f: ParameterFunction, base: Readonly<Record<string, number>>, options: SpiderOptions = {}): Spider {
  const names = checkBase(base, "spider");
  const changes = [...(options.changes ?? DEFAULT_CHANGES)].sort((a, b) => a - b);
  if (changes.length === 0) throw new SensitivityError("spider needs at least one change");
  for (const c of changes) {
    if (!(Number.isFinite(c) && c > -1)) throw new SensitivityError(`spider: change ${c} is not a finite number above −1 (−1 = −100 % would make a parameter 0)`);
  }
  const lines = names.map((parameter): SpiderLine => {
    const values = changes.map((c) => base[parameter] * (1 + c));
    return { parameter, values, outputs: values.map((value) => f({ ...base, [parameter]: value })) };
  });
  return { baseline: f({ ...base }), base: { ...base }, changes, lines };
}
