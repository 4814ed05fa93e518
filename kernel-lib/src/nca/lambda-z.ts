// Internal to nca/ (not re-exported by the package); `nca` is the public entry.
/** The terminal-phase regression and what PKNCA reports from it. */
export interface LambdaZ {
  "lambda.z": number;
  "r.squared": number;
  "adj.r.squared": number;
  "lambda.z.time.first": number;
  "lambda.z.time.last": number;
  "lambda.z.n.points": number;
  /** exp(intercept − λz·Tlast): the fitted concentration at Tlast. */
  "clast.pred": number;
  "half.life": number;
  /** (last − first regression time) / half-life. */
  "span.ratio": number;
  /** Why λz is NaN; absent when it was estimated. */
  reason?: string;
}

/** Which samples may enter the regression and how the best one is chosen. */
export interface LambdaZRules {
  /** Samples must be after this time (the end of the dose: dose time + infusion duration). */
  after: number;
  tmax: number;
  tlast: number;
  allowTmax: boolean;
  minPoints: number;
  adjRSquaredFactor: number;
}

/**
 * λz by PKNCA's automatic selection (`pk.calc.half.life`): among the positive
 * concentrations after the dose end and after Tmax (or from Tmax with `allowTmax`), fit
 * ln C = a − λz·t by least squares on the last k points for every k ≥ `minPoints`; keep
 * the fits with λz > 0 whose adjusted R² = 1 − (1 − R²)(k − 1)/(k − 2) is more than
 * (best adjusted R² of all fits − `adjRSquaredFactor`), and of those the one with the most
 * points. Not estimable (all fields NaN, `reason` set) with too few points, no
 * variability, or no fit with λz > 0 in the tolerance.
 *
 * @example
 * const fit = lambdaZ([1, 2, 4, 8], [10, 8, 4, 1], { after: 0, tmax: 1, tlast: 8, allowTmax: false, minPoints: 3, adjRSquaredFactor: 1e-4 });
 * fit["lambda.z.n.points"]; // 3
 */
export function lambdaZ(time: readonly number[], conc: readonly number[], rules: LambdaZRules): LambdaZ {
  const t: number[] = [];
  const y: number[] = [];
  time.forEach((ti, i) => {
    const afterTmax = rules.allowTmax ? ti >= rules.tmax : ti > rules.tmax;
    if (conc[i] > 0 && ti > rules.after && afterTmax) {
      t.push(ti);
      y.push(Math.log(conc[i]));
    }
  });
  if (t.length < rules.minPoints) {
    return notEstimable(`too few points for λz: ${t.length} positive concentration(s) after Tmax, ${rules.minPoints} needed`);
  }
  if (y.every((v) => v === y[0])) return notEstimable("no variability in the concentrations after Tmax");
  // Every tail length k is scored in one pass from the last sample backwards, with running
  // means and co-moments (Welford's update): linear in the samples, where refitting each
  // tail was quadratic (30,000 samples took 8 s). The chosen tail is then refitted by the
  // two-pass formulas, so the reported numbers are those of a direct least-squares fit.
  const count = t.length;
  const slopes = new Float64Array(count + 1);
  const adjR2 = new Float64Array(count + 1);
  let mt = 0;
  let my = 0;
  let ctt = 0;
  let cty = 0;
  let cyy = 0;
  let best = -Infinity;
  for (let k = 1; k <= count; k++) {
    const ti = t[count - k];
    const yi = y[count - k];
    const dt = ti - mt;
    const dy = yi - my;
    mt += dt / k;
    my += dy / k;
    ctt += dt * (ti - mt);
    cty += dt * (yi - my);
    cyy += dy * (yi - my);
    if (k < rules.minPoints) continue;
    const slope = cty / ctt;
    const r2 = 1 - (cyy - slope * cty) / cyy;
    slopes[k] = slope;
    adjR2[k] = 1 - ((1 - r2) * (k - 1)) / (k - 2);
    if (adjR2[k] > best) best = adjR2[k];
  }
  let tail = 0;
  for (let k = rules.minPoints; k <= count; k++) if (slopes[k] < 0 && adjR2[k] > best - rules.adjRSquaredFactor) tail = k;
  if (tail === 0) return notEstimable("no terminal phase: no fit with λz > 0 within the adjusted R² tolerance of the best fit");
  const chosen = fitLine(t.slice(-tail), y.slice(-tail));
  const lz = -chosen.slope;
  const halfLife = Math.LN2 / lz;
  return {
    "lambda.z": lz,
    "r.squared": chosen.r2,
    "adj.r.squared": chosen.adjR2,
    "lambda.z.time.first": chosen.first,
    "lambda.z.time.last": chosen.last,
    "lambda.z.n.points": chosen.n,
    "clast.pred": Math.exp(chosen.intercept + chosen.slope * rules.tlast),
    "half.life": halfLife,
    "span.ratio": (chosen.last - chosen.first) / halfLife,
  };
}

interface Fit {
  slope: number;
  intercept: number;
  r2: number;
  adjR2: number;
  n: number;
  first: number;
  last: number;
}

function fitLine(t: readonly number[], y: readonly number[]): Fit {
  const n = t.length;
  const mt = t.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    stt += (t[i] - mt) ** 2;
    sty += (t[i] - mt) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  const slope = sty / stt;
  const intercept = my - slope * mt;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * t[i]) ** 2;
  const r2 = 1 - sse / syy;
  return { slope, intercept, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - 2), n, first: t[0], last: t[n - 1] };
}

function notEstimable(reason: string): LambdaZ {
  return {
    "lambda.z": NaN,
    "r.squared": NaN,
    "adj.r.squared": NaN,
    "lambda.z.time.first": NaN,
    "lambda.z.time.last": NaN,
    "lambda.z.n.points": NaN,
    "clast.pred": NaN,
    "half.life": NaN,
    "span.ratio": NaN,
    reason,
  };
}
