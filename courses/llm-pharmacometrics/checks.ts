// Checks of the llm-pharmacometrics course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. References are computed with @pmxlab/kernel from the course's drug
// values (material.ts) or the Theoph data, never typed in as numbers; the wrong answers that
// the drafts or common mistakes give are computed the same way, by making the mistake on
// purpose (simulating the faulty draft, leaving ln 2 out, using the training subjects).
import { ncaDataset, parseModel, quantiles, simulate } from "@pmxlab/kernel";
import { AnswerError, choiceAnswer, curveAnswer, defineCheck, mistake, modelAnswer, numericAnswer, plotAnswer } from "@pmxlab/kernel/exercise";
import type { Outcome } from "@pmxlab/kernel/exercise";
import { DOSE_MG, DRAFT_C, HELD_OUT_IDS, THEOPHYLLINE, TRAINING_IDS, drafted, predictiveSimulations, subjectsOf, theophDataset, type PopulationParameters, type PredictiveSimulations } from "./material";

// ---------------------------------------------------------------- 01 checking drafted models

/** Situations a fixed draft must reproduce pk1cmt_oral in: the course's drug and two others. */
const ORAL_CASES = [
  { params: { ...THEOPHYLLINE }, regimen: `${DOSE_MG} mg oral` },
  { params: { KA: 0.6, CL: 5, V: 50 }, regimen: "200 mg oral q12h x 4" },
];

const fixedModelCheck = (variable: string) =>
  defineCheck([{ name: `${variable} reproduces pk1cmt_oral`, test: (a) => modelAnswer(a.get(variable), "pk1cmt_oral", { cases: ORAL_CASES }) }]);

export const fixHallucinatedName = fixedModelCheck("fixedA");
export const fixUnitErrors = fixedModelCheck("fixedB");

/** The oral profile of the course's dose on a fine grid: reference (pk1cmt_oral) or a draft. */
function oralProfile(model: string, step = 0.01) {
  return simulate(model === "pk1cmt_oral" ? model : parseModel(model), { regimen: `${DOSE_MG} mg oral`, times: { end: 24, step }, params: { ...THEOPHYLLINE } });
}

/** Time and height of a simulated profile's peak. */
function peak(sim: { time: ArrayLike<number>; outputs: Record<string, ArrayLike<number>> }): { tmax: number; cmax: number } {
  const cp = sim.outputs.CP;
  let best = 0;
  for (let i = 1; i < cp.length; i++) if (cp[i] > cp[best]) best = i;
  return { tmax: sim.time[best], cmax: cp[best] };
}

export const closedFormPeak = defineCheck([
  {
    name: "tmax of the closed form (h)",
    test: (a) => {
      const draft = peak(oralProfile(DRAFT_C));
      return numericAnswer(a.get("tmaxClosedForm"), { value: peak(oralProfile("pk1cmt_oral")).tmax, unit: "h" }, {
        misconceptions: [{ name: "draft's peak", message: "That is where draft C peaks, with the whole dose in the central compartment at once. The closed form has an absorption phase first.", value: { value: draft.tmax, unit: "h" } }],
      });
    },
  },
  {
    name: "Cmax of the closed form (mg/L)",
    test: (a) => {
      const draft = peak(oralProfile(DRAFT_C));
      return numericAnswer(a.get("cmaxClosedForm"), { value: peak(oralProfile("pk1cmt_oral")).cmax, unit: "mg/L" }, {
        misconceptions: [{ name: "draft's peak", message: "That is draft C's peak: dose/V, as if the dose were injected. Evaluate the Bateman function at the closed-form tmax.", value: { value: draft.cmax, unit: "mg/L" } }],
      });
    },
  },
]);

export const fixMissingDepot = defineCheck([
  { name: "fixedC reproduces pk1cmt_oral", test: (a) => modelAnswer(a.get("fixedC"), "pk1cmt_oral", { cases: ORAL_CASES }) },
  {
    name: "simC: the fixed draft's profile (mg/L)",
    test: (a) => {
      const reference = oralProfile("pk1cmt_oral", 0.5);
      return curveAnswer(a.get("simC"), reference, {
        misconceptions: [{ name: "depot still missing", message: "This is still draft C's curve: the oral dose goes straight into the central compartment.", value: oralProfile(DRAFT_C, 0.5) }],
      });
    },
  },
]);

export const whichCheckCatchesD = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("answerD"), "C", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "compiler", message: "Draft D compiles: every name it uses is declared." },
          B: { name: "unit checker", message: "KA·depot and CL/V·depot both have the unit mg/h, so the unit checker accepts the equation. Units catch wrong dimensions, not wrong compartments." },
          D: { name: "nothing catches it", message: "Something does: simulate draft D and compare it with what an oral dose must do." },
        },
      }),
  },
]);

// ---------------------------------------------------------------------- 02 hallucinations

/** ke of a one-compartment model with the drafted CL and V, read off its simulated IV decline. */
function draftedKe(): number {
  const cp = simulate("pk1cmt_iv", { regimen: "100 mg", times: [0, 1], params: { CL: drafted("A").value, V: drafted("B").value } }).outputs.CP;
  return Math.log(cp[0] / cp[1]);
}

export const tableHalfLife = defineCheck([
  {
    name: "half-life from CL and V (h)",
    test: (a) => {
      const ke = draftedKe();
      const c = drafted("C");
      return numericAnswer(a.get("halfLifeFromClV"), { value: Math.LN2 / ke, unit: "h" }, {
        misconceptions: [
          mistake("ln2Forgotten", { value: 1 / ke, unit: "h" }),
          { name: "drafted value copied", message: "That is the drafted row C itself. Compute the half-life from rows A and B instead.", value: { value: c.value, unit: c.unit } },
        ],
      });
    },
  },
]);

export const wrongRows = defineCheck([
  {
    name: "rows that cannot be right",
    test: (a) =>
      choiceAnswer(a.get("wrongRows"), ["C", "E"], {
        choices: ["A", "B", "C", "D", "E"],
        misconceptions: {
          A: { name: "CL blamed", message: "Row A is the Pinheiro & Bates value, and it agrees with the Theoph data you analyse below; with B it gives a half-life that the data confirm." },
          B: { name: "V blamed", message: "Row B is the Pinheiro & Bates value; with A it gives a half-life that the data confirm." },
          D: { name: "KA blamed", message: "Row D is the Pinheiro & Bates value and nothing in the table contradicts it." },
        },
      }),
  },
]);

/** Median of a list of numbers. */
function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const dataHalfLife = defineCheck([
  {
    name: "median terminal half-life in the Theoph data (h)",
    test: (a) => {
      const results = ncaDataset(theophDataset());
      const halfLives = results.map((r) => r["half.life"]);
      return numericAnswer(a.get("medianHalfLife"), { value: median(halfLives), unit: "h" }, {
        misconceptions: [mistake("ln2Forgotten", { value: median(results.map((r) => 1 / r["lambda.z"])), unit: "h" })],
      });
    },
  },
]);

/** Strings the DOI test is run on, and whether each is a DOI by the syntax of the DOI Handbook (prefix "10.", registrant code, "/", suffix). */
const DOI_CASES: readonly [string, boolean][] = [
  ["10.1002/psp4.12669", true],
  ["10.1007/b98882", true],
  ["10.1023/A:1018943613122", true],
  [drafted("C").source.split("doi:")[1], true],
  ["10.1002", false],
  ["doi 10.1002/psp4.12479", false],
  ["1002/psp4.12479", false],
  ["10.10/psp4.12479", false],
  ["ISBN 978-1-259-58473-2", false],
  ["10.1002/ psp4.12479", false],
];

export const doiSyntax = defineCheck([
  {
    name: "looksLikeDoi on ten strings",
    test: (a): Outcome => {
      const f = a.get("looksLikeDoi");
      if (typeof f !== "function") throw new AnswerError("`looksLikeDoi` should be a function (text: string) => boolean");
      for (const [text, want] of DOI_CASES) {
        const got = (f as (t: string) => unknown)(text);
        if (typeof got !== "boolean") throw new AnswerError(`looksLikeDoi("${text}") returned ${typeof got}, not true or false`);
        if (got !== want) return { passed: false, message: `looksLikeDoi("${text}") is ${got}, but this string ${want ? "is" : "is not"} a well-formed DOI` };
      }
      return { passed: true, message: `right on all ${DOI_CASES.length} strings` };
    },
  },
]);

export const verifyCitation = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("verifyAnswer"), "B", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "well-formed means real", message: "A well-formed DOI can be invented: the drafted one passes your looksLikeDoi test." },
          C: { name: "ask the model", message: "The model that invented the reference will often confirm it: a language model's answer is not evidence about itself." },
          D: { name: "journal exists", message: "The journal is real; an invented reference borrows a real journal's name, volume range and DOI prefix." },
        },
      }),
  },
]);

// ------------------------------------------------------------------------- 03 validation

/** Largest difference between the ODE solution and the closed form, hourly from 1 to 24 h: relative, or absolute (mg/L). */
function solverError(kind: "relative" | "absolute"): number {
  const input = { regimen: `${DOSE_MG} mg oral`, times: { start: 1, end: 24, step: 1 }, params: { ...THEOPHYLLINE } };
  const exact = simulate("pk1cmt_oral", input, { method: "closed-form" }).outputs.CP;
  const ode = simulate("pk1cmt_oral", input, { method: "ode", rtol: 1e-6, atol: 1e-9 }).outputs.CP;
  return Math.max(...Array.from(exact, (c, i) => Math.abs(ode[i] - c) / (kind === "relative" ? c : 1)));
}

export const verificationError = defineCheck([
  {
    name: "largest relative error of the ODE solver",
    test: (a) =>
      numericAnswer(a.get("maxRelError"), { value: solverError("relative"), unit: "1" }, {
        rtol: 0.01,
        misconceptions: [{ name: "absolute error", message: "That is the largest absolute difference, in mg/L: divide each difference by the exact concentration.", value: { value: solverError("absolute"), unit: "1" } }],
      }),
  },
]);

export const modelRisk = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("riskAnswer"), "D", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "fit is enough", message: "Goodness of fit on the data the model was built from says little about predictions for a new population; with high influence and high consequence, more is needed." },
          B: { name: "verification is validation", message: "Code verification shows the equations are solved right, not that they are the right equations for children." },
          C: { name: "low risk", message: "The model is the main evidence for the dose (high influence) and a wrong dose harms (high consequence): that is high model risk." },
        },
      }),
  },
]);

function populationParameters(value: unknown): PopulationParameters {
  const v = value as Partial<PopulationParameters> | undefined;
  if (!v || typeof v.theta !== "object" || typeof v.omega !== "object" || typeof v.sigma !== "object") {
    throw new AnswerError("`trainingFit` is not defined: run the fitting cell above first");
  }
  return v as PopulationParameters;
}

/** Fraction of the observations inside the 90 % prediction interval (5th–95th percentile of the replicates at each row). */
function coverage(sims: PredictiveSimulations): number {
  let inside = 0;
  const column = new Float64Array(sims.replicates.length);
  sims.dv.forEach((y, i) => {
    sims.replicates.forEach((r, s) => (column[s] = r[i]));
    const [low, high] = quantiles(column, column.length, [0.05, 0.95]);
    if (y >= low && y <= high) inside++;
  });
  return inside / sims.dv.length;
}

export const heldOutCoverage = defineCheck([
  {
    name: "fraction of held-out observations inside the 90 % prediction interval",
    test: (a) => {
      const fit = populationParameters(a.get("trainingFit"));
      const data = theophDataset();
      return numericAnswer(a.get("heldOutInside"), { value: coverage(predictiveSimulations(fit, subjectsOf(data, HELD_OUT_IDS))), unit: "1" }, {
        atol: 0.005,
        misconceptions: [{ name: "training data", message: "That is the coverage on the six subjects the model was fitted to. Validation needs the subjects it has not seen.", value: { value: coverage(predictiveSimulations(fit, subjectsOf(data, TRAINING_IDS))), unit: "1" } }],
      });
    },
  },
]);

export const heldOutPlot = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("vpcFig"), { xTitle: /h\b/, yTitle: /mg\/L/, minTraces: 4 }) },
]);

export const verificationOrValidation = defineCheck([
  {
    name: "the validation activities",
    test: (a) =>
      choiceAnswer(a.get("validationActivities"), ["B", "D"], {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "solver check is validation", message: "Comparing the solver with the closed form checks that the equations are solved right: that is verification." },
          C: { name: "unit check is validation", message: "The unit checker tests the equations' consistency, not their agreement with patients: verification." },
        },
      }),
  },
]);
