// Checks of the pk-basics course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. References are computed with @pmxlab/kernel from the course's
// drug parameters below, never typed in as numbers; wrong answers that common mistakes
// give are computed the same way, by making the mistake on purpose.
import { expandDoses, nca, parseRegimen, simulate } from "@pmxlab/kernel";
import {
  AnswerError,
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
 * CL 0.040 L/h/kg, V 0.46 L/kg, KA 1.5 1/h.
 */
export const THEOPHYLLINE = { CL: 2.8 /* L/h */, V: 32 /* L */, KA: 1.5 /* 1/h */ };

/**
 * Propranolol in a 70-kg adult, from Goodman & Gilman's The Pharmacological Basis of
 * Therapeutics, 13th ed. (2018), Appendix II (doi:10.1036/9781259584749): oral availability
 * 26 %, CL 16 mL/min/kg (67.2 L/h), Vss 4.3 L/kg (301 L). KA 1 1/h is assumed for teaching.
 */
export const PROPRANOLOL = { CL: 67.2 /* L/h */, V: 301 /* L */, KA: 1 /* 1/h */, F: 0.26, weight: 70 /* kg */, dosePerKg: 1 /* mg/kg */ };

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

function aucFunction(value: unknown): (dose: number) => unknown {
  if (typeof value !== "function") throw new AnswerError("`aucOf` should be a function of the dose in mg, e.g. (dose: number) => …");
  return value as (dose: number) => unknown;
}

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

export const clearanceChoice = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("answer"), "C", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "V for average concentration", message: "The volume sets how high the peaks are, not the average level at steady state: think of what removes the drug." },
          B: { name: "KA for average concentration", message: "Absorption speed shapes peaks and troughs; the average level at steady state does not depend on it." },
        },
      }),
  },
]);

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
