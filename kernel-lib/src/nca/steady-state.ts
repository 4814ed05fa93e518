import { nca } from "./nca.js";
import { NcaError } from "./nca-error.js";
import { segmentConc, segmentRule } from "./segment.js";
import type { NcaOptions, NcaResult, NcaSubject } from "./types.js";

/** One dosing interval at steady state: the profile after a dose, sampled from the dose (pre-dose trough) to the next. */
export interface SteadyStateSubject extends NcaSubject {
  /** Dosing interval τ, in the units of `time`. */
  tau: number;
  /**
   * AUC over the first dosing interval (AUC0–τ after the first dose), when known: gives the
   * observed accumulation ratio Rac = AUCτ,ss / AUCτ,1.
   */
  firstDoseAuc?: number;
}

/** The steady-state parameters (PKNCA / Phoenix names), NaN when not estimable (reason in `exclude`). */
export interface SteadyStateResult {
  ID: number;
  tau: number;
  /** AUC over [dose, dose + τ] by the profile's trapezoid rule (PKNCA `auclast` over the interval). */
  auctau: number;
  cmax: number;
  tmax: number;
  /** Lowest concentration sampled in [dose, dose + τ]. */
  cmin: number;
  /** Concentration at the end of the interval, dose + τ (PKNCA `ctrough`); interpolated by the trapezoid rule between samples. */
  ctrough: number;
  /** Average concentration AUCτ/τ (PKNCA `cav`). */
  cav: number;
  /** Peak–trough fluctuation in %: 100·(Cmax − Cmin)/Cav (Phoenix `Fluctuation%`). */
  fluctuation: number;
  /** (Cmax − Cmin)/Cmin (PKNCA `swing`). */
  swing: number;
  /** Cmax/Cmin, the peak-to-trough ratio (PKNCA `ptr` uses Ctrough; this is Phoenix's with Cmin). */
  ptr: number;
  /** Rac = AUCτ,ss/AUCτ,1 (needs `firstDoseAuc`). */
  rac: number;
  /** Accumulation index predicted from λz: 1/(1 − exp(−λz·τ)) (Phoenix `Accumulation_Index`). */
  "accumulation.index": number;
  "lambda.z": number;
  "half.life": number;
  /** Dose/AUCτ (CLss, or CLss/F after an extravascular dose); NaN without a dose. */
  "cl.ss": number;
  exclude: Record<string, string>;
  notes: string[];
}

/**
 * Steady-state NCA of one dosing interval (Gabrielsson & Weiner, *Pharmacokinetic and
 * Pharmacodynamic Data Analysis*, 5th ed., 2016, ch. 2; Rowland & Tozer, *Clinical
 * Pharmacokinetics and Pharmacodynamics*, 4th ed., 2011, ch. 11): AUCτ by the trapezoid rule of
 * `aucMethod` over [dose, dose + τ], Cav = AUCτ/τ, Cmax/Tmax and Cmin over the samples in the
 * interval, Ctrough at dose + τ, fluctuation 100·(Cmax − Cmin)/Cav, swing (Cmax − Cmin)/Cmin, the
 * accumulation index 1/(1 − e^(−λz·τ)) from the terminal slope (see `nca`), and Rac from a
 * first-dose AUCτ when given.
 *
 * At steady state the pre-dose concentration is not 0, so no 0 is imputed: the profile must have
 * a sample at the dose time (the pre-dose trough) and one at or after dose + τ; otherwise an
 * `NcaError` says which is missing.
 *
 * @example
 * // 1-compartment IV bolus, k = 0.1 /h, 100 mg q12h, V 10 L, at steady state:
 * const t = [0, 1, 2, 4, 6, 8, 12];
 * const c = t.map((x) => (10 * Math.exp(-0.1 * x)) / (1 - Math.exp(-1.2)));
 * const ss = ncaSteadyState({ time: t, conc: c, dose: 100, tau: 12, route: "iv-bolus" });
 * ss.auctau; // 100 (= dose/CL, exact: log-down trapezoids are exact on an exponential)
 */
export function ncaSteadyState(subject: SteadyStateSubject, options: NcaOptions = {}): SteadyStateResult {
  const who = subject.id === undefined ? "" : `ID ${subject.id}: `;
  const tau = subject.tau;
  if (!(Number.isFinite(tau) && tau > 0)) throw new NcaError(`${who}tau = ${tau}: the dosing interval must be a finite number > 0`);
  const doseTime = subject.doseTime ?? 0;
  const time = Array.from(subject.time, (t) => t - doseTime);
  if (time[0] !== 0) {
    throw new NcaError(`${who}steady-state NCA needs a sample at the dose time ${doseTime} (the pre-dose trough); the first sample is at ${subject.time[0]}`);
  }
  if (time[time.length - 1] < tau) {
    throw new NcaError(`${who}steady-state NCA needs a sample at or after dose + τ = ${doseTime + tau}; the last sample is at ${subject.time[time.length - 1]}`);
  }
  // The whole-profile NCA gives λz (from the samples after Tmax) and the interval's area. After
  // an IV bolus the pre-dose sample is the previous interval's trough, not C(0+): the area starts
  // from C0 back-extrapolated from the samples after the dose, as for a single dose.
  const bolus = subject.route === "iv-bolus";
  const after = bolus ? { ...subject, time: Array.from(subject.time).slice(1), conc: Array.from(subject.conc).slice(1), rows: subject.rows?.slice(1) } : subject;
  const base: NcaResult = nca(after, { ...options, impute: "none", partialAuc: [[0, tau]] });
  const inside = time.flatMap((t, i) => (t <= tau ? [i] : []));
  const conc = Array.from(subject.conc);
  let max = inside[0];
  let min = inside[0];
  for (const i of inside) {
    if (conc[i] > conc[max]) max = i;
    if (conc[i] < conc[min]) min = i;
  }
  const exclude: Record<string, string> = {};
  const notes = [...base.notes];
  // After an IV bolus, Cmax is C0 at the dose, not the pre-dose sample.
  const c0 = bolus && Number.isFinite(base.c0) ? base.c0 : -Infinity;
  const cmax = Math.max(c0, conc[max]);
  const tmax = c0 >= conc[max] ? 0 : time[max];
  const cmin = conc[min];
  const auctau = base.partialAuc[0]["aucint.last"];
  const cav = auctau / tau;
  const lambda = base["lambda.z"];
  if (Number.isNaN(lambda)) exclude["accumulation.index"] = base.exclude["lambda.z"] ?? "λz not estimable";
  const firstDoseAuc = subject.firstDoseAuc ?? NaN;
  if (Number.isNaN(firstDoseAuc)) exclude.rac = "no firstDoseAuc given";
  if (cmin === 0) notes.push("Cmin is 0: swing and peak-trough ratio are infinite");
  return {
    ID: base.ID,
    tau,
    auctau,
    cmax,
    tmax,
    cmin,
    ctrough: trough(time, conc, tau, base),
    cav,
    fluctuation: (100 * (cmax - cmin)) / cav,
    swing: (cmax - cmin) / cmin,
    ptr: cmax / cmin,
    rac: auctau / firstDoseAuc,
    "accumulation.index": 1 / (1 - Math.exp(-lambda * tau)),
    "lambda.z": lambda,
    "half.life": base["half.life"],
    "cl.ss": base.dose / auctau,
    exclude: { ...base.exclude, ...exclude },
    notes,
  };
}

/** C(τ): the sample at τ, or between samples the value on the segment's own curve under the trapezoid rule (as `partialArea` reads it). */
function trough(time: number[], conc: number[], tau: number, base: NcaResult): number {
  const k = time.indexOf(tau);
  if (k >= 0) return conc[k];
  const j = time.findIndex((t) => t > tau);
  const kind = segmentRule(base.aucMethod, conc[j - 1], time[j], conc[j], base.tmax);
  return segmentConc(kind, time[j - 1], conc[j - 1], time[j], conc[j], tau);
}
