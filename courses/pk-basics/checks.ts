// Checks of the pk-basics course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. References are computed with @pmxlab/kernel from the course's
// drug parameters below, never typed in as numbers; wrong answers that common mistakes
// give are computed the same way, by making the mistake on purpose.
import { cockcroftGault, expandDoses, nca, parseRegimen, secondaryParameters, simulate } from "@pmxlab/kernel";
import {
  AnswerError,
  type Answers,
  type Misconception,
  choiceAnswer,
  curveAnswer,
  defineCheck,
  mistake,
  modelAnswer,
  numericAnswer,
  plotAnswer,
  regimenAnswer,
} from "@pmxlab/kernel/exercise";

/**
 * Theophylline in a 70-kg adult, from the Theoph fit of Pinheiro JC, Bates DM (2000),
 * Mixed-Effects Models in S and S-PLUS, Springer, §8.2, doi:10.1007/b98882:
 * CL 0.040 L/h/kg, V 0.46 L/kg (apparent CL/F and V/F: the Theoph doses were oral), KA 1.5 1/h
 * (the fit gives about 1.6 1/h; rounded for teaching).
 */
export const THEOPHYLLINE = { CL: 2.8 /* L/h */, V: 32 /* L */, KA: 1.5 /* 1/h */ };

/**
 * Oral availability of theophylline, 0.96, from Goodman & Gilman's The Pharmacological Basis of
 * Therapeutics, 13th ed. (2018), Appendix II (ISBN 978-1-259-58473-2).
 */
export const THEOPHYLLINE_F = 0.96;

/**
 * Propranolol in a 70-kg adult, from Goodman & Gilman's The Pharmacological Basis of
 * Therapeutics, 13th ed. (2018), Appendix II (ISBN 978-1-259-58473-2): oral availability
 * 26 %, CL 16 mL/min/kg (67.2 L/h), Vss 4.3 L/kg (301 L). KA 1 1/h is assumed for teaching.
 */
export const PROPRANOLOL = { CL: 67.2 /* L/h */, V: 301 /* L */, KA: 1 /* 1/h */, F: 0.26, weight: 70 /* kg */, dosePerKg: 1 /* mg/kg */ };

/** A mistake of this course that is not one of the common ones: its name, what to tell, and the wrong value it gives. */
function custom<V>(name: string, message: string, value: V): Misconception<V> {
  return { name, message, value };
}

/** A multiple-choice check of one variable, naming the tempting wrong choices. */
function choiceCheck(variable: string, correct: string, choices: string[], misconceptions: Record<string, { name: string; message: string }>) {
  return defineCheck([{ name: "choice", test: (a) => choiceAnswer(a.get(variable), correct, { choices, misconceptions }) }]);
}

/** ke of a one-compartment model, read off its simulated IV decline: ln(C(0)/C(1 h)) per hour. */
function simulatedKe({ CL, V }: { CL: number; V: number }): number {
  const cp = simulate("pk1cmt_iv", { regimen: "100 mg", times: [0, 1], params: { CL, V } }).outputs.CP;
  return Math.log(cp[0] / cp[1]);
}

/** AUC from 0 to infinity of an IV dose, by NCA of a dense simulated profile. */
function simulatedAuc(doseMg: number): number {
  const sim = simulate("pk1cmt_iv", { regimen: `${doseMg} mg`, times: { end: 400, step: 0.5 }, params: { CL: THEOPHYLLINE.CL, V: THEOPHYLLINE.V } });
  return nca({ time: Array.from(sim.time), conc: Array.from(sim.outputs.CP), dose: doseMg, route: "iv-bolus" })["aucinf.obs"];
}

export const halfLife = defineCheck([
  { name: "ke (1/h)", test: (a) => numericAnswer(a.get("ke"), { value: simulatedKe(THEOPHYLLINE), unit: "1/h" }) },
  {
    name: "half-life (h)",
    test: (a) => {
      const ke = simulatedKe(THEOPHYLLINE);
      return numericAnswer(a.get("halfLife"), { value: Math.LN2 / ke, unit: "h" }, { misconceptions: [mistake("ln2Forgotten", { value: 1 / ke, unit: "h" })] });
    },
  },
]);

/** The student's function, or one clear error saying what was expected (`what`, e.g. "`aucOf` should be a function of the dose in mg"). */
function asFunction(value: unknown, what: string): (x: number) => unknown {
  if (typeof value !== "function") throw new AnswerError(what);
  return value as (x: number) => unknown;
}

const aucFunction = (value: unknown) => asFunction(value, "`aucOf` should be a function of the dose in mg, e.g. (dose: number) => …");

export const auc = defineCheck([
  {
    name: "AUC of 500 mg (mg·h/L)",
    test: (a) =>
      numericAnswer(aucFunction(a.get("aucOf"))(500), { value: simulatedAuc(500), unit: "mg*h/L" }, {
        misconceptions: [mistake("keForCl", { value: 500 / simulatedKe(THEOPHYLLINE), unit: "mg*h/L" })],
      }),
  },
  // BEGIN HIDDEN
  {
    name: "AUC of 1200 mg (mg·h/L)",
    hidden: true,
    test: (a) => numericAnswer(aucFunction(a.get("aucOf"))(1200), { value: simulatedAuc(1200), unit: "mg*h/L" }),
  },
  // END HIDDEN
]);

export const logPlot = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("fig"), { logY: true, xTitle: "time", yTitle: /mg\/L/ }) },
]);

export const doseMg = defineCheck([
  {
    name: "dose (mg)",
    test: (a) => {
      const p = PROPRANOLOL;
      return numericAnswer(a.get("dose"), { value: p.dosePerKg * p.weight, unit: "mg" }, { misconceptions: [mistake("doseNotPerKg", { value: p.dosePerKg, unit: "mg" })] });
    },
  },
]);

export const dayRegimen = defineCheck([
  { name: "regimen", test: (a) => regimenAnswer(a.get("regimen"), "70 mg q8h x 3", { misconceptions: [mistake("tauOffByOne", "70 mg q8h x 4"), mistake("tauOffByOne", "70 mg q8h x 2")] }) },
  {
    name: "time of the last dose (h)",
    test: (a) => {
      const times = expandDoses(parseRegimen("70 mg q8h x 3").doses()).map((d) => d.time);
      const tau = times[1] - times[0];
      return numericAnswer(a.get("lastDose"), { value: Math.max(...times), unit: "h" }, { misconceptions: [mistake("tauOffByOne", { value: times.length * tau, unit: "h" })] });
    },
  },
]);

export const oralCurve = defineCheck([
  {
    name: "CP by time (mg/L)",
    test: (a) => {
      const { KA, CL, V, F } = PROPRANOLOL;
      const input = { regimen: "70 mg q8h x 3", times: { end: 24, step: 1 } };
      const reference = simulate("pk1cmt_oral", { ...input, params: { KA, CL, V, F1: F } });
      const fIgnored = simulate("pk1cmt_oral", { ...input, params: { KA, CL, V, F1: 1 } });
      return curveAnswer(a.get("sim"), reference, { misconceptions: [mistake("fIgnored", fIgnored)] });
    },
  },
]);

export const clearanceChoice = choiceCheck("answer", "C", ["A", "B", "C", "D"], {
  A: { name: "V for average concentration", message: "The volume sets how high the peaks are, not the average level at steady state: think of what removes the drug." },
  B: { name: "KA for average concentration", message: "Absorption speed shapes peaks and troughs; the average level at steady state does not depend on it." },
});

const MODEL_CASES = [
  { params: { KA: 1, CL: 67.2, V: 301 }, regimen: "70 mg" },
  { params: { KA: 0.5, CL: 30, V: 150 }, regimen: "40 mg q12h x 4" },
];

export const ownModel = defineCheck([
  { name: "reproduces pk1cmt_oral", test: (a) => modelAnswer(a.get("myModel"), "pk1cmt_oral", { cases: MODEL_CASES }) },
  // BEGIN HIDDEN
  {
    name: "reproduces pk1cmt_oral with fast absorption",
    hidden: true,
    test: (a) => modelAnswer(a.get("myModel"), "pk1cmt_oral", { cases: [{ params: { KA: 4, CL: 10, V: 80 }, regimen: "100 mg q6h x 6" }] }),
  },
  // END HIDDEN
]);

// ---------------------------------------------------------------------------------------
// 03 — absorption, bioavailability and flip-flop kinetics (theophylline, 300 mg by mouth)

/** The oral dose of notebook 03 and 04 (mg), chosen for teaching. */
export const THEOPHYLLINE_ORAL_DOSE = 300;
/** Absorption rate constant of a hypothetical extended-release theophylline product (1/h), assumed for teaching. */
export const EXTENDED_RELEASE_KA = 0.03;

/** The simulated immediate-release profile and its exact peak (kernel golden-section search, not the closed form). */
function theophyllinePeak(F: number): { cmax: number; tmax: number } {
  const { KA, CL, V } = THEOPHYLLINE;
  const sim = simulate("pk1cmt_oral", { regimen: `${THEOPHYLLINE_ORAL_DOSE} mg`, times: { end: 24, step: 0.5 }, params: { KA, CL, V, F1: F } });
  const peak = sim.peak({ from: 0, to: 24 });
  return { cmax: peak.cmax[0], tmax: peak.tmax[0] };
}

export const absorptionTmax = defineCheck([
  {
    name: "tmax (h)",
    test: (a) => {
      const { KA, CL, V } = THEOPHYLLINE;
      const ke = CL / V;
      return numericAnswer(a.get("tmax"), { value: theophyllinePeak(THEOPHYLLINE_F).tmax, unit: "h" }, {
        misconceptions: [
          custom("log10 for ln", "It looks like a base-10 logarithm was used: the rate constants come from e-based exponentials, so the natural logarithm (Math.log) belongs here.", { value: Math.log10(KA / ke) / (KA - ke), unit: "h" }),
        ],
      });
    },
  },
]);

export const absorptionCmax = defineCheck([
  {
    name: "Cmax (mg/L)",
    test: (a) => {
      const { V } = THEOPHYLLINE;
      return numericAnswer(a.get("cmax"), { value: theophyllinePeak(THEOPHYLLINE_F).cmax, unit: "mg/L" }, {
        misconceptions: [
          mistake("fIgnored", { value: theophyllinePeak(1).cmax, unit: "mg/L" }),
          custom("absorption taken as instantaneous", "This is the concentration if the whole available dose were in the body at once; elimination goes on while the drug is absorbed, so the peak is lower.", { value: (THEOPHYLLINE_F * THEOPHYLLINE_ORAL_DOSE) / V, unit: "mg/L" }),
        ],
      });
    },
  },
]);

export const flipFlopPlot = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("fig"), { logY: true, minTraces: 2, xTitle: "time", yTitle: /mg\/L/ }) },
]);

/** The extended-release product's concentrations at 72 and 120 h, as the notebook prints them. */
function lateSamples(): [number, number] {
  const { CL, V } = THEOPHYLLINE;
  const cp = simulate("pk1cmt_oral", { regimen: `${THEOPHYLLINE_ORAL_DOSE} mg`, times: [72, 120], params: { KA: EXTENDED_RELEASE_KA, CL, V, F1: THEOPHYLLINE_F } }).outputs.CP;
  return [cp[0], cp[1]];
}

export const terminalSlope = defineCheck([
  {
    name: "terminal slope λz (1/h)",
    test: (a) => {
      const [c72, c120] = lateSamples();
      const { CL, V } = THEOPHYLLINE;
      return numericAnswer(a.get("lambdaZ"), { value: Math.log(c72 / c120) / 48, unit: "1/h" }, {
        misconceptions: [
          custom("linear instead of log slope", "It looks like the slope was taken on the linear scale (mg/L per h): a first-order decline is a straight line of ln C against time, so take the slope of the logarithms.", { value: (c72 - c120) / 48, unit: "1/h" }),
          custom("ke assumed for the terminal slope", "This is the elimination rate constant CL/V, taken from the parameters rather than from the data: read the slope off the two concentrations.", { value: CL / V, unit: "1/h" }),
        ],
      });
    },
  },
]);

export const flipFlopChoice = choiceCheck("flipFlop", "B", ["A", "B", "C", "D"], {
  A: { name: "terminal slope always elimination", message: "Compare ka with ke: here the drug leaves faster than it arrives, so the slower of the two processes sets the tail." },
  C: { name: "distribution", message: "This is a one-compartment model: there is no distribution phase in it." },
});

// ---------------------------------------------------------------------------------------
// 04 — infusions and multiple dosing (theophylline; propranolol for Css,avg)

/** Target plasma theophylline concentration (mg/L): Mitenko & Ogilvie 1973, N Engl J Med 289:600–603. */
export const THEOPHYLLINE_TARGET = 10;

/** The infusion rate (mg/h) that gives the target at steady state, read from a simulated 1 mg/h steady-state infusion. */
function rateForTarget(): number {
  const { CL, V } = THEOPHYLLINE;
  const perUnitRate = simulate("pk1cmt_iv", { regimen: "1 mg/h ss", times: [0], params: { CL, V } }).outputs.CP[0];
  return THEOPHYLLINE_TARGET / perUnitRate;
}

export const infusionRate = defineCheck([
  {
    name: "infusion rate (mg/h)",
    test: (a) => {
      const { CL, V } = THEOPHYLLINE;
      return numericAnswer(a.get("rate"), { value: rateForTarget(), unit: "mg/h" }, {
        misconceptions: [
          mistake("keForCl", { value: THEOPHYLLINE_TARGET * (CL / V), unit: "mg/h" }),
          custom("V used for a rate", "That number is the target times the volume: it is an amount (a loading dose), not a rate. At steady state the rate in equals the rate out, CL × C.", { value: THEOPHYLLINE_TARGET * V, unit: "mg/h" }),
        ],
      });
    },
  },
]);

export const timeTo90 = defineCheck([
  {
    name: "time to 90 % of steady state (h)",
    test: (a) => {
      const { CL, V } = THEOPHYLLINE;
      const ke = CL / V;
      // The time the simulated infusion spends below 90 % of its plateau.
      const end = 200;
      const sim = simulate("pk1cmt_iv", { regimen: "1 mg/h", times: [0, end], params: { CL, V } });
      const t90 = end - sim.timeAbove(0.9 / CL, { from: 0, to: end })[0];
      return numericAnswer(a.get("t90"), { value: t90, unit: "h" }, {
        misconceptions: [
          custom("90 % and 10 % swapped", "That is the time to reach 10 % of the plateau: the fraction still missing at time t is e^(−ke·t), and it must fall to 10 %.", { value: -Math.log(0.9) / ke, unit: "h" }),
          mistake("ln2Forgotten", { value: Math.log2(10) / ke, unit: "h" }),
        ],
      });
    },
  },
]);

/** Oral theophylline 300 mg every 12 h: the concentration at time t with `doses` doses given. */
function oralTheophylline(doses: number, t: number, F = THEOPHYLLINE_F): number {
  const { KA, CL, V } = THEOPHYLLINE;
  return simulate("pk1cmt_oral", { regimen: `${THEOPHYLLINE_ORAL_DOSE} mg q12h x ${doses}`, times: [t], params: { KA, CL, V, F1: F } }).outputs.CP[0];
}

export const troughBeforeFifth = defineCheck([
  {
    name: "concentration just before the 5th dose (mg/L)",
    test: (a) =>
      numericAnswer(a.get("trough5"), { value: oralTheophylline(4, 48), unit: "mg/L" }, {
        misconceptions: [
          mistake("tauOffByOne", { value: oralTheophylline(5, 60), unit: "mg/L" }),
          mistake("tauOffByOne", { value: oralTheophylline(3, 36), unit: "mg/L" }),
          mistake("fIgnored", { value: oralTheophylline(4, 48, 1), unit: "mg/L" }),
        ],
      }),
  },
]);

export const accumulationRatio = defineCheck([
  {
    name: "accumulation ratio",
    test: (a) => {
      const { CL, V } = THEOPHYLLINE;
      const tau = 12;
      const params = { CL, V };
      // Concentration 6 h after a dose at steady state over the same after the first dose.
      const steady = simulate("pk1cmt_iv", { regimen: `${THEOPHYLLINE_ORAL_DOSE} mg q12h x 1 ss`, times: [6], params }).outputs.CP[0];
      const first = simulate("pk1cmt_iv", { regimen: `${THEOPHYLLINE_ORAL_DOSE} mg`, times: [6], params }).outputs.CP[0];
      // A ratio has no unit: bare numbers, read with the empty unit.
      return numericAnswer(a.get("accumulation"), steady / first, {
        unit: "",
        misconceptions: [
          custom("average level for accumulation", "1/(ke·τ) compares the average steady-state level with Dose/V; the accumulation ratio compares the concentrations at the same time after a dose at steady state and after the first dose.", 1 / ((CL / V) * tau)),
        ],
      });
    },
  },
]);

/** Propranolol 80 mg every 12 h (notebook 04), from the PROPRANOLOL parameters above. */
export const PROPRANOLOL_REGIMEN = { dose: 80 /* mg */, tau: 12 /* h */ };

export const averageSteadyState = defineCheck([
  {
    name: "Css,avg (mg/L)",
    test: (a) => {
      const { KA, CL, V, F } = PROPRANOLOL;
      const { dose, tau } = PROPRANOLOL_REGIMEN;
      // AUC over the 30th dosing interval (steady state: ke·τ ≈ 2.7 per interval), divided by τ. Not an SS=1
      // dose: sim.auc() of a steady-state dose is not a number in this kernel version (the AUC state has no steady state).
      const n = 30;
      const sim = simulate("pk1cmt_oral", { regimen: `${dose} mg q${tau}h x ${n}`, times: [0, n * tau], params: { KA, CL, V, F1: F } });
      const reference = sim.auc({ from: (n - 1) * tau, to: n * tau })[0] / tau;
      return numericAnswer(a.get("cssAvg"), { value: reference, unit: "mg/L" }, {
        misconceptions: [
          mistake("fIgnored", { value: secondaryParameters("pk1cmt_oral", { KA, CL, V, F1: 1 }, { tau, dose }).cssAverage, unit: "mg/L" }),
          mistake("keForCl", { value: (F * dose) / ((CL / V) * tau), unit: "mg/L" }),
        ],
      });
    },
  },
]);

export const loadingRegimen = defineCheck([
  {
    name: "regimen",
    test: (a) => {
      const { CL, V } = THEOPHYLLINE;
      const rate = rateForTarget();
      return regimenAnswer(a.get("loadingRegimen"), `${THEOPHYLLINE_TARGET * V} mg; ${rate} mg/h for 48 h`, {
        misconceptions: [
          custom("rate used as loading dose", "The loading dose fills the volume to the target at once: it is an amount set by V, not by CL.", `${THEOPHYLLINE_TARGET * CL} mg; ${rate} mg/h for 48 h`),
          custom("no loading dose", "The infusion alone takes several half-lives to reach the target: add a bolus at time 0.", `${rate} mg/h for 48 h`),
        ],
      });
    },
  },
  {
    name: "CP stays at the target (mg/L)",
    test: (a) => {
      const { CL, V } = THEOPHYLLINE;
      const times = Array.from({ length: 49 }, (_, i) => i);
      const got = simulate("pk1cmt_iv", { regimen: String(a.get("loadingRegimen")), times, params: { CL, V } });
      return curveAnswer(got, { time: times, values: times.map(() => THEOPHYLLINE_TARGET) });
    },
  },
]);

// ---------------------------------------------------------------------------------------
// 05 — two compartments (vancomycin)

/**
 * Vancomycin, typical adult of 70 kg with creatinine clearance 120 mL/min, not on dialysis:
 * Goti V et al. (2018) Ther Drug Monit 40:212–221, doi:10.1097/FTD.0000000000000490.
 */
export const VANCOMYCIN = { CL: 4.5 /* L/h */, V1: 58.4 /* L */, Q: 6.5 /* L/h */, V2: 38.4 /* L */ };
/** Test dose of notebook 05 (mg) and the steady-state target (mg/L) of a continuous infusion, both chosen for teaching (20 mg/L gives an AUC24 of 480 mg·h/L, within the 400–600 target of Rybak et al. 2020, doi:10.1093/ajhp/zxaa036). */
export const VANCOMYCIN_DOSE = 1000;
export const VANCOMYCIN_TARGET = 20;

function vancomycinSecondary() {
  return secondaryParameters("pk2cmt_iv", VANCOMYCIN);
}

export const biexponentialRates = defineCheck([
  {
    name: "α (1/h)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("alpha"), { value: s.exponents[0], unit: "1/h" }, {
        misconceptions: [custom("α + β for α", "That is the sum of the micro-constants, which equals α + β: solve the quadratic for its two roots.", { value: s.exponents[0] + s.exponents[1], unit: "1/h" })],
      });
    },
  },
  {
    name: "β (1/h)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("beta"), { value: s.exponents[1], unit: "1/h" }, {
        misconceptions: [custom("k10 taken for β", "k10 = CL/V1 is the elimination rate constant from the central compartment; the terminal slope β is smaller, because drug in the periphery returns slowly.", { value: s.k10, unit: "1/h" })],
      });
    },
  },
]);

export const macroConstants = defineCheck([
  {
    name: "A (mg/L)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("A"), { value: VANCOMYCIN_DOSE * s.coefficients[0], unit: "mg/L" }, {
        misconceptions: [custom("A and B swapped", "A goes with the fast exponent α (distribution), B with the slow β (terminal phase).", { value: VANCOMYCIN_DOSE * s.coefficients[1], unit: "mg/L" })],
      });
    },
  },
  {
    name: "B (mg/L)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("B"), { value: VANCOMYCIN_DOSE * s.coefficients[1], unit: "mg/L" }, {
        misconceptions: [custom("A and B swapped", "A goes with the fast exponent α (distribution), B with the slow β (terminal phase).", { value: VANCOMYCIN_DOSE * s.coefficients[0], unit: "mg/L" })],
      });
    },
  },
  {
    name: "A + B is the concentration right after the bolus",
    test: (a) => {
      const c0 = simulate("pk2cmt_iv", { regimen: `${VANCOMYCIN_DOSE} mg`, times: [0], params: VANCOMYCIN }).outputs.CP[0];
      return numericAnswer(Number(a.get("A")) + Number(a.get("B")), { value: c0, unit: "mg/L" });
    },
  },
]);

/** Amount in the body (mg) at steady state of an infusion that holds CP at `target`, from the simulated compartments. */
function steadyStateAmount(target: number): number {
  const rate = target * VANCOMYCIN.CL;
  const sim = simulate("pk2cmt_iv", { regimen: `${rate} mg/h ss`, times: [0], params: VANCOMYCIN });
  return sim.states.central[0] + sim.states.periph[0];
}

export const volumes = defineCheck([
  {
    name: "Vss (L)",
    test: (a) =>
      numericAnswer(a.get("vss"), { value: steadyStateAmount(1), unit: "L" }, {
        misconceptions: [custom("V1 taken for Vss", "V1 holds only the drug in the central compartment; at steady state the periphery is full too.", { value: VANCOMYCIN.V1, unit: "L" })],
      }),
  },
  {
    name: "Vβ (L)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("vBeta"), { value: VANCOMYCIN.CL / s.exponents[1], unit: "L" }, {
        misconceptions: [custom("k10 used for β", "CL/k10 gives back V1: the terminal volume divides CL by the terminal slope β.", { value: VANCOMYCIN.CL / s.k10, unit: "L" })],
      });
    },
  },
]);

export const twoCompartmentLoadingDose = defineCheck([
  {
    name: "loading dose (mg)",
    test: (a) => {
      const s = vancomycinSecondary();
      return numericAnswer(a.get("loadingDose"), { value: steadyStateAmount(VANCOMYCIN_TARGET), unit: "mg" }, {
        misconceptions: [
          custom("Vβ used for a loading dose", "Vβ = CL/β relates the amount to the concentration only in the terminal phase, while drug is being eliminated; at steady state of an infusion the amount in the body is Css × Vss, which is smaller.", { value: VANCOMYCIN_TARGET * (VANCOMYCIN.CL / s.exponents[1]), unit: "mg" }),
          custom("V1 used for a loading dose", "V1 fills only the central compartment: the drug then moves into the periphery and the concentration falls below the target.", { value: VANCOMYCIN_TARGET * VANCOMYCIN.V1, unit: "mg" }),
        ],
      });
    },
  },
]);

/** Concentrations 12 and 24 h after the test dose, as the notebook prints them. */
function vancomycinLateSamples(): [number, number] {
  const cp = simulate("pk2cmt_iv", { regimen: `${VANCOMYCIN_DOSE} mg`, times: [12, 24], params: VANCOMYCIN }).outputs.CP;
  return [cp[0], cp[1]];
}

export const oneCompartmentVolume = defineCheck([
  {
    name: "volume of the one-compartment fit (L)",
    test: (a) => {
      const [c12, c24] = vancomycinLateSamples();
      const c0 = c12 * (c12 / c24); // log-linear back to 0 h: one more 12-h factor
      return numericAnswer(a.get("vOneCmt"), { value: VANCOMYCIN_DOSE / c0, unit: "L" }, {
        misconceptions: [custom("linear instead of log-linear extrapolation", "It looks like the line was drawn through the concentrations themselves: an exponential decline is a straight line of ln C, so extrapolate the logarithms.", { value: VANCOMYCIN_DOSE / (2 * c12 - c24), unit: "L" })],
      });
    },
  },
]);

export const oneCompartmentPeak = choiceCheck("peakPrediction", "B", ["A", "B", "C"], {
  A: { name: "one-compartment volume is the initial volume", message: "Compare the volume of the one-compartment fit with V1, the volume the dose first mixes into." },
  C: { name: "terminal phase describes the peak", message: "The late samples say nothing about the first hours, when the drug has not yet reached the periphery." },
});

// ---------------------------------------------------------------------------------------
// 06 — renal impairment (gentamicin)

/**
 * Gentamicin: volume 17.4 L, the mean of 957 patients (Kirkpatrick CM et al. 1999, Br J Clin Pharmacol
 * 47:637–643, doi:10.1046/j.1365-2125.1999.00938.x); elimination rate constant
 * ke = 0.014 + 0.00293 · CrCl (1/h, CrCl in mL/min; Hull JH, Sarubbi FA 1976, Ann Intern Med 85:183–189;
 * coefficients as quoted for the Hull–Sarubbi method, not checked against the paper itself).
 */
export const GENTAMICIN = { V: 17.4 /* L */, keNonrenal: 0.014 /* 1/h */, keSlope: 0.00293 /* 1/h per mL/min */ };
/** The patient of notebook 06 (assumed for teaching) and the reference renal function. */
export const RENAL_PATIENT = { age: 72 /* y */, weight: 60 /* kg */, scr: 1.2 /* mg/dL */, female: true };
export const REFERENCE_CRCL = 120; // mL/min
/** Usual once-daily regimen for this patient's weight with normal renal function: 5 mg/kg every 24 h. */
export const GENTAMICIN_REGIMEN = { dosePerKg: 5 /* mg/kg */, tau: 24 /* h */ };

function gentamicinClearance(crcl: number): number {
  return GENTAMICIN.V * (GENTAMICIN.keNonrenal + GENTAMICIN.keSlope * crcl); // L/h
}

/** AUC (mg·h/L) of one gentamicin dose at the given clearance, from a simulated 30-min infusion. */
function gentamicinAuc(dose: number, cl: number): number {
  const sim = simulate("pk1cmt_iv", { regimen: `${dose} mg over 0.5 h`, times: [0, 400], params: { CL: cl, V: GENTAMICIN.V } });
  return sim.auc({ from: 0, to: 400 })[0];
}

export const creatinineClearance = defineCheck([
  {
    name: "CrCl (mL/min)",
    test: (a) =>
      numericAnswer(a.get("crcl"), { value: cockcroftGault(RENAL_PATIENT), unit: "mL/min" }, {
        misconceptions: [custom("0.85 for women forgotten", "Cockcroft and Gault's equation has a factor 0.85 for women (less muscle mass, less creatinine made per kg).", { value: cockcroftGault({ ...RENAL_PATIENT, female: false }), unit: "mL/min" })],
      }),
  },
]);

const clearanceFunction = (value: unknown) => asFunction(value, "`clearanceAt` should be a function of the creatinine clearance in mL/min, e.g. (crcl: number) => …");

/** An item comparing `clearanceAt(crcl)` with the relation's clearance, naming the tempting wrong values. */
function clearanceAtItem(crcl: number, hidden = false) {
  return {
    name: `clearanceAt(${+crcl.toFixed(1)} mL/min) (L/h)`,
    hidden,
    test: (a: Answers) =>
      numericAnswer(clearanceFunction(a.get("clearanceAt"))(crcl), { value: gentamicinClearance(crcl), unit: "L/h" }, {
        misconceptions: [
          mistake("keForCl", { value: gentamicinClearance(crcl) / GENTAMICIN.V, unit: "L/h" }),
          custom("creatinine clearance taken for drug clearance", "That is the creatinine clearance in L/h: gentamicin's clearance follows it, but through the relation of this notebook, with its own non-renal part.", { value: (crcl * 60) / 1000, unit: "L/h" }),
        ],
      }),
  };
}

export const renalClearance = defineCheck([
  clearanceAtItem(cockcroftGault(RENAL_PATIENT)),
  clearanceAtItem(REFERENCE_CRCL),
  // BEGIN HIDDEN
  clearanceAtItem(15, true),
  // END HIDDEN
  {
    name: "the patient's CL (L/h)",
    test: (a) => numericAnswer(a.get("clPatient"), { value: gentamicinClearance(cockcroftGault(RENAL_PATIENT)), unit: "L/h" }),
  },
]);

export const sameAucDose = defineCheck([
  {
    name: "dose for the same AUC (mg)",
    test: (a) => {
      const crcl = cockcroftGault(RENAL_PATIENT);
      const usual = GENTAMICIN_REGIMEN.dosePerKg * RENAL_PATIENT.weight;
      const target = gentamicinAuc(usual, gentamicinClearance(REFERENCE_CRCL));
      const perMg = gentamicinAuc(1, gentamicinClearance(crcl));
      return numericAnswer(a.get("adjustedDose"), { value: target / perMg, unit: "mg" }, {
        misconceptions: [
          custom("all clearance taken as renal", "Scaling by the creatinine clearance ratio alone treats all of gentamicin's clearance as renal; keep the non-renal part, which does not fall with renal function.", { value: (usual * crcl) / REFERENCE_CRCL, unit: "mg" }),
          mistake("doseNotPerKg", { value: (GENTAMICIN_REGIMEN.dosePerKg * gentamicinClearance(crcl)) / gentamicinClearance(REFERENCE_CRCL), unit: "mg" }),
        ],
      });
    },
  },
]);

export const extendedInterval = defineCheck([
  {
    name: "dosing interval for the same average exposure (h)",
    test: (a) => {
      const crcl = cockcroftGault(RENAL_PATIENT);
      const usual = GENTAMICIN_REGIMEN.dosePerKg * RENAL_PATIENT.weight;
      // AUC per hour of the usual regimen in normal function; the patient's AUC of one usual dose spread over τ must match it.
      const perHour = gentamicinAuc(usual, gentamicinClearance(REFERENCE_CRCL)) / GENTAMICIN_REGIMEN.tau;
      const tau = gentamicinAuc(usual, gentamicinClearance(crcl)) / perHour;
      return numericAnswer(a.get("newTau"), { value: tau, unit: "h" }, {
        misconceptions: [custom("all clearance taken as renal", "Scaling by the creatinine clearance ratio alone treats all of gentamicin's clearance as renal; keep the non-renal part.", { value: (GENTAMICIN_REGIMEN.tau * REFERENCE_CRCL) / crcl, unit: "h" })],
      });
    },
  },
]);

export const adjustmentChoice = choiceCheck("adjustment", "B", ["A", "B", "C"], {
  A: { name: "smaller dose keeps the peak", message: "A smaller dose into the same volume gives a proportionally lower peak." },
  C: { name: "neither keeps the peak", message: "The peak of one dose depends on the dose and the volume, and renal function does not change the volume here." },
});
