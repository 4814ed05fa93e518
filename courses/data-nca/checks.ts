// Checks of the data-nca course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. Reference values come from the shipped datasets (datasets/*.csv)
// through @pmxlab/kernel (readDataset, nca, ncaDataset, ncaSteadyState, summaryStatistics,
// fitIndividual, simulate) or from closed forms; none is typed in. Wrong answers of common
// mistakes are computed the same way, by making the mistake on purpose.
import { readFileSync } from "fs";
import { fitIndividual, nca, ncaDataset, ncaSteadyState, readDataset, simulate, summaryStatistics } from "@pmxlab/kernel";
import type { Dataset, EventRecord } from "@pmxlab/kernel";
import { arrayAnswer, choiceAnswer, curveAnswer, defineCheck, mistake, numericAnswer, plotAnswer } from "@pmxlab/kernel/exercise";
import type { ChoiceAnswerOptions } from "@pmxlab/kernel/exercise";
import { datasetPath } from "./data";

/** A shipped dataset (datasets/<name> of the repository). */
const dataset = (name: string): Dataset => readDataset(readFileSync(datasetPath(name), "utf8"));

/** One subject's samples (EVID 0, MDV 0) and dose, as `nca` takes them, with the dose record (for its covariates). */
function profile(data: Dataset, id: number, keep: (r: EventRecord) => boolean = () => true) {
  const subject = data.subjects.find((s) => s.id === id);
  if (!subject) throw new Error(`no subject ${id}`);
  const records = subject.records.filter(keep);
  const samples = records.filter((r) => r.evid === 0 && r.mdv === 0);
  const dose = records.find((r) => r.evid === 1 || r.evid === 4);
  if (!dose) throw new Error(`subject ${id} has no dose`);
  return { time: samples.map((r) => r.time), conc: samples.map((r) => r.dv), dose: dose.amt, doseTime: dose.time, record: dose };
}

/** Slope −b of ln C = a − b·t by least squares (the closed form of the λz regression). */
function logLinearSlope(time: number[], conc: number[]): number {
  const n = time.length;
  const mt = time.reduce((s, t) => s + t, 0) / n;
  const ml = conc.reduce((s, c) => s + Math.log(c), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (time[i] - mt) * (Math.log(conc[i]) - ml);
    sxx += (time[i] - mt) ** 2;
  }
  return -sxy / sxx;
}

/** A one-question check: the letter in `variable`, one of A–D, with feedback for tempting wrong letters. */
function choiceCheck(variable: string, correct: string, misconceptions: ChoiceAnswerOptions["misconceptions"]) {
  return defineCheck([{ name: "choice", test: (a) => choiceAnswer(a.get(variable), correct, { choices: ["A", "B", "C", "D"], misconceptions }) }]);
}

const theoph = () => dataset("theoph.csv");
const indometh = () => dataset("indometh.csv");
const moxonidine = () => dataset("moxonidine.csv");

// ---------------------------------------------------------------- 01-datasets

export const recordCounts = defineCheck([
  {
    name: "observation records",
    test: (a) => {
      const records = theoph().subjects.flatMap((s) => s.records);
      const observations = records.filter((r) => r.evid === 0 && r.mdv === 0).length;
      return numericAnswer(a.get("nObs"), observations, {
        rtol: 0,
        misconceptions: [{ name: "dose rows counted as samples", message: "That is every row of the file: dose rows (EVID 1, MDV 1) carry no concentration and are not observations.", value: records.length }],
      });
    },
  },
  { name: "dose records", test: (a) => numericAnswer(a.get("nDoses"), theoph().subjects.flatMap((s) => s.records).filter((r) => r.evid === 1).length, { rtol: 0 }) },
]);

export const doseInMg = defineCheck([
  {
    name: "dose of subject 6 (mg)",
    test: (a) => {
      const { covariates } = profile(theoph(), 6).record;
      return numericAnswer(a.get("dose6"), { value: covariates.DOSE_MGKG * covariates.WT, unit: "mg" }, { misconceptions: [mistake("doseNotPerKg", { value: covariates.DOSE_MGKG, unit: "mg" })] });
    },
  },
  {
    name: "equals AMT",
    test: (a) => numericAnswer(a.get("amt6"), { value: profile(theoph(), 6).dose, unit: "mg" }),
  },
]);

export const indomethPlots = defineCheck([
  { name: "linear figure", test: (a) => plotAnswer(a.get("figLin"), { logY: false, xTitle: /time.*h/i, yTitle: /mg\/L/, minTraces: indometh().subjects.length }) },
  { name: "log figure", test: (a) => plotAnswer(a.get("figLog"), { logY: true, xTitle: /time.*h/i, yTitle: /mg\/L/, minTraces: indometh().subjects.length }) },
]);

export const perSubjectSummary = defineCheck([
  {
    name: "Cmax per mg of dose (1/L), by subject",
    test: (a) => {
      const data = theoph();
      const cmax = data.subjects.map((s) => Math.max(...profile(data, s.id).conc));
      const doses = data.subjects.map((s) => profile(data, s.id).record);
      return arrayAnswer(a.get("cmaxPerMg"), cmax.map((c, i) => c / doses[i].amt), {
        what: "Cmax/dose (1/L)",
        misconceptions: [mistake("doseNotPerKg", cmax.map((c, i) => c / doses[i].covariates.DOSE_MGKG))],
      });
    },
  },
  {
    name: "median tmax (h)",
    test: (a) => {
      const data = theoph();
      const tmax = data.subjects.map((s) => {
        const p = profile(data, s.id);
        return p.time[p.conc.indexOf(Math.max(...p.conc))];
      });
      const mean = tmax.reduce((s, t) => s + t, 0) / tmax.length;
      return numericAnswer(a.get("tmaxMedian"), { value: summaryStatistics(tmax).median, unit: "h" }, {
        misconceptions: [{ name: "mean for a skewed time", message: "That is the mean: tmax is read off a few sampling times and is skewed, so the median is the summary asked for.", value: { value: mean, unit: "h" } }],
      });
    },
  },
]);

export const predoseChoice = choiceCheck("predose", "B", {
  A: { name: "observation taken for a dose", message: "A dose row has EVID 1 and an AMT; this row has EVID 0 and a DV." },
  C: { name: "deleting data", message: "Deleting a measured value silently is never the first step: keep it, flag it (e.g. MDV = 1 in a copy) and say why." },
  D: { name: "row order ignored", message: "Rows at the same time are applied in file order: this one comes before the dose row." },
});

// ------------------------------------------------------------- 02-nca-by-hand

/** Theoph subject 2, the worked profile of 02-nca-by-hand. */
const subject2 = () => profile(theoph(), 2);

export const linearAuc = defineCheck([
  {
    name: "AUC0–tlast, linear trapezoids (mg·h/L)",
    test: (a) => {
      const p = subject2();
      let rectangles = 0;
      for (let i = 0; i + 1 < p.time.length; i++) rectangles += p.conc[i] * (p.time[i + 1] - p.time[i]);
      return numericAnswer(a.get("aucLinear"), { value: nca(p, { aucMethod: "linear" }).auclast, unit: "mg*h/L" }, {
        misconceptions: [{ name: "rectangles, not trapezoids", message: "That is a sum of rectangles C(tᵢ)·Δt: a trapezoid takes the mean of both ends of each interval.", value: { value: rectangles, unit: "mg*h/L" } }],
      });
    },
  },
]);

export const logDownAuc = defineCheck([
  {
    name: "AUC0–tlast, linear-up/log-down (mg·h/L)",
    test: (a) => {
      const p = subject2();
      return numericAnswer(a.get("aucLinLog"), { value: nca(p).auclast, unit: "mg*h/L" }, {
        rtol: 0.005,
        misconceptions: [{ name: "linear trapezoid on the decline", message: "That is the linear trapezoid everywhere: on a falling, exponential segment the straight line lies above the curve, so use the log trapezoid there.", value: { value: nca(p, { aucMethod: "linear" }).auclast, unit: "mg*h/L" } }],
      });
    },
  },
]);

export const terminalSlope = defineCheck([
  {
    name: "λz (1/h)",
    test: (a) => {
      const p = subject2();
      const imax = p.conc.indexOf(Math.max(...p.conc));
      return numericAnswer(a.get("lambdaZ"), { value: nca(p)["lambda.z"], unit: "1/h" }, {
        misconceptions: [
          { name: "λz from too few points", message: "That slope comes from the last two samples only: two points always fit a line exactly, so nothing says the phase is log-linear. Use the last four.", value: { value: logLinearSlope(p.time.slice(-2), p.conc.slice(-2)), unit: "1/h" } },
          { name: "λz from non-terminal points", message: "That slope includes samples right after the peak, where absorption and distribution still shape the curve: use the terminal, log-linear samples only.", value: { value: logLinearSlope(p.time.slice(imax + 1), p.conc.slice(imax + 1)), unit: "1/h" } },
        ],
      });
    },
  },
]);

export const extrapolation = defineCheck([
  {
    name: "t½ (h)",
    test: (a) => {
      const r = nca(subject2());
      return numericAnswer(a.get("halfLife"), { value: r["half.life"], unit: "h" }, { misconceptions: [mistake("ln2Forgotten", { value: 1 / r["lambda.z"], unit: "h" })] });
    },
  },
  {
    name: "AUC0–∞ (mg·h/L)",
    test: (a) => {
      const r = nca(subject2());
      return numericAnswer(a.get("aucInf"), { value: r["aucinf.obs"], unit: "mg*h/L" }, {
        rtol: 0.005,
        misconceptions: [
          { name: "extrapolated area left out", message: "That is AUC to the last sample: add the area after it, Clast/λz.", value: { value: r.auclast, unit: "mg*h/L" } },
          { name: "Clast·λz for the tail", message: "The tail area is Clast divided by λz (the integral of Clast·e^(−λz·t)), not multiplied.", value: { value: r.auclast + r["clast.obs"] * r["lambda.z"], unit: "mg*h/L" } },
        ],
      });
    },
  },
]);

export const oralClearance = defineCheck([
  {
    name: "CL/F (L/h)",
    test: (a) => {
      const p = subject2();
      const r = nca(p);
      return numericAnswer(a.get("clF"), { value: r["cl.obs"], unit: "L/h" }, {
        misconceptions: [
          mistake("doseNotPerKg", { value: p.record.covariates.DOSE_MGKG / r["aucinf.obs"], unit: "L/h" }),
          { name: "AUClast for AUC0–∞", message: "Clearance divides the dose by the whole exposure, AUC0–∞, not the area up to the last sample.", value: { value: p.dose / r.auclast, unit: "L/h" } },
        ],
      });
    },
  },
  {
    name: "Vz/F (L)",
    test: (a) => {
      const p = subject2();
      const r = nca(p);
      return numericAnswer(a.get("vzF"), { value: r["vz.obs"], unit: "L" }, {
        misconceptions: [mistake("doseNotPerKg", { value: p.record.covariates.DOSE_MGKG / r["aucinf.obs"] / r["lambda.z"], unit: "L" })],
      });
    },
  },
  {
    name: "what the ratio is",
    test: (a) =>
      choiceAnswer(a.get("whatIsIt"), "B", {
        choices: ["A", "B", "C"],
        misconceptions: {
          A: { name: "CL instead of CL/F for oral data", message: "Only the fraction F of an oral dose reaches the circulation, and these data do not tell F: dose/AUC is CL/F." },
          C: { name: "ke for CL", message: "Dose/AUC has units of volume per time (L/h): a clearance, not a rate constant." },
        },
      }),
  },
]);

// ------------------------------------------------------- 03-nca-steady-state

export const theophTable = defineCheck([
  {
    name: "t½ by subject (h)",
    test: (a) => arrayAnswer(a.get("halfLives"), ncaDataset(theoph()).map((r) => r["half.life"]), { what: "half-lives (h)" }),
  },
  {
    name: "subjects with > 20 % of AUC0–∞ extrapolated",
    test: (a) => numericAnswer(a.get("nHighExtrapolation"), ncaDataset(theoph()).filter((r) => r["aucpext.obs"] > 20).length, { rtol: 0 }),
  },
]);

export const geometricSummary = defineCheck([
  {
    name: "geometric mean AUC0–∞ (mg·h/L)",
    test: (a) => {
      const s = summaryStatistics(ncaDataset(theoph()).map((r) => r["aucinf.obs"]));
      return numericAnswer(a.get("gmAuc"), { value: s.geomean, unit: "mg*h/L" }, {
        rtol: 0.002,
        misconceptions: [{ name: "arithmetic mean of a log-normal quantity", message: "That is the arithmetic mean: exposure is log-normal, so average ln AUC and take the exponential.", value: { value: s.mean, unit: "mg*h/L" } }],
      });
    },
  },
  {
    name: "geometric CV (%)",
    test: (a) => {
      const s = summaryStatistics(ncaDataset(theoph()).map((r) => r["aucinf.obs"]));
      return numericAnswer(a.get("gcvAuc"), s.geocv, {
        rtol: 0.005,
        misconceptions: [
          { name: "arithmetic CV", message: "That is SD/mean: the geometric CV is 100·√(exp(s²) − 1) with s the SD of ln AUC.", value: s.cv },
          { name: "SD of ln AUC as a CV", message: "That is 100·s, the SD of ln AUC in %: close for small s, but the geometric CV is 100·√(exp(s²) − 1).", value: 100 * Math.sqrt(Math.log(1 + (s.geocv / 100) ** 2)) },
        ],
      });
    },
  },
]);

/** Moxonidine subject 112: the profile of one visit (3: first dose; 8: steady state, q12h). */
const MOXO_ID = 112;
const visit = (v: number) => profile(moxonidine(), MOXO_ID, (r) => r.covariates.VISI === v);
/** The dosing interval τ (h): II of the steady-state dose record. */
const tau = () => visit(8).record.ii;

/** Hours from the steady-state dose to the last sample of visit 8. */
function sampledHours(): number {
  const p = visit(8);
  return p.time[p.time.length - 1] - p.doseTime;
}

/** The visit-8 interval with the pre-dose trough repeated at dose + τ (steady state: C(τ) = C(0)). */
function steadyState() {
  const p = visit(8);
  return ncaSteadyState({ time: [...p.time, p.doseTime + tau()], conc: [...p.conc, p.conc[0]], dose: p.dose, doseTime: p.doseTime, tau: tau() });
}

export const moxoSteadyState = defineCheck([
  {
    name: "AUCτ,ss (µg·h/L)",
    test: (a) => {
      const p = visit(8);
      const sampledOnly = nca(p).auclast;
      return numericAnswer(a.get("aucTau"), { value: steadyState().auctau, unit: "ug*h/L" }, {
        misconceptions: [{ name: "AUC over the sampled hours, not τ", message: "That area stops at the last sample, 8 h after the dose: AUCτ covers the whole 12-h interval.", value: { value: sampledOnly, unit: "ug*h/L" } }],
      });
    },
  },
  { name: "Cmax,ss (µg/L)", test: (a) => numericAnswer(a.get("cmaxSs"), { value: steadyState().cmax, unit: "ug/L" }) },
  { name: "Cav (µg/L)", test: (a) => numericAnswer(a.get("cav"), { value: steadyState().cav, unit: "ug/L" }, { misconceptions: [{ name: "divided by the sampled hours", message: "Cav is AUCτ divided by τ = 12 h.", value: { value: steadyState().auctau / sampledHours(), unit: "ug/L" } }] }) },
]);

export const accumulation = defineCheck([
  {
    name: "observed accumulation ratio Rac",
    test: (a) => {
      const first = visit(3);
      const single = nca(first, { partialAuc: [[0, tau()]] });
      const auc1 = single.partialAuc[0]["aucint.inf.obs"];
      const ss = steadyState();
      const perMg = (auc: number, dose: number) => auc / dose;
      const rac = perMg(ss.auctau, visit(8).dose) / perMg(auc1, first.dose);
      return numericAnswer(a.get("rac"), rac, {
        rtol: 0.005,
        misconceptions: [
          { name: "doses differ: not dose-normalised", message: "The steady-state dose is not the first dose: divide each AUC by its own dose before taking the ratio.", value: ss.auctau / auc1 },
          { name: "AUC0–∞ of the first dose for AUCτ,1", message: "The denominator is the AUC over the first interval, 0–τ, not 0–∞ (which by linearity equals AUCτ at steady state).", value: perMg(ss.auctau, visit(8).dose) / perMg(single["aucinf.obs"], first.dose) },
        ],
      });
    },
  },
  {
    name: "predicted accumulation index",
    test: (a) => {
      const first = visit(3);
      const r = nca(first);
      return numericAnswer(a.get("accIndex"), 1 / (1 - Math.exp(-r["lambda.z"] * tau())), {
        rtol: 0.005,
        misconceptions: [mistake("ln2Forgotten", 1 / (1 - Math.exp(-tau() / r["half.life"])))],
      });
    },
  },
]);

// -------------------------------------------------- 04-nca-vs-compartmental

const fitOf = (id: number) => fitIndividual("pk1cmt_oral", theoph(), { id, parameters: { KA: 1, CL: 3, V: 30 } }).estimates;

export const individualFit = defineCheck([
  {
    name: "CL/F of the fit (L/h)",
    test: (a) => {
      const e = fitOf(2);
      return numericAnswer(a.get("clFit"), { value: e.CL, unit: "L/h" }, { misconceptions: [mistake("keForCl", { value: e.CL / e.V, unit: "L/h" })] });
    },
  },
  { name: "V/F of the fit (L)", test: (a) => numericAnswer(a.get("vFit"), { value: fitOf(2).V, unit: "L" }) },
]);

export const fittedCurve = defineCheck([
  {
    name: "predicted CP (mg/L)",
    test: (a) => {
      const e = fitOf(2);
      const { dose, record } = profile(theoph(), 2);
      const run = (amount: number) => simulate("pk1cmt_oral", { regimen: `${amount} mg`, times: { end: 24, step: 0.5 }, params: { KA: e.KA, CL: e.CL, V: e.V } });
      return curveAnswer(a.get("pred"), run(dose), { misconceptions: [mistake("doseNotPerKg", run(record.covariates.DOSE_MGKG))] });
    },
  },
]);

export const compareExposure = defineCheck([
  {
    name: "AUC0–∞ of the model (mg·h/L)",
    test: (a) => {
      const e = fitOf(2);
      const { dose, record } = profile(theoph(), 2);
      return numericAnswer(a.get("aucFit"), { value: dose / e.CL, unit: "mg*h/L" }, { misconceptions: [mistake("doseNotPerKg", { value: record.covariates.DOSE_MGKG / e.CL, unit: "mg*h/L" })] });
    },
  },
  {
    name: "t½ of the model (h)",
    test: (a) => {
      const e = fitOf(2);
      return numericAnswer(a.get("halfLifeFit"), { value: (Math.LN2 * e.V) / e.CL, unit: "h" }, {
        misconceptions: [
          mistake("ln2Forgotten", { value: e.V / e.CL, unit: "h" }),
          { name: "absorption half-life", message: "ln 2/KA is the absorption half-life: elimination is set by k = CL/V.", value: { value: Math.LN2 / e.KA, unit: "h" } },
        ],
      });
    },
  },
]);

export const clearanceRatios = defineCheck([
  {
    name: "CL/F fit ÷ CL/F NCA, by subject",
    test: (a) => {
      const data = theoph();
      const table = ncaDataset(data);
      return arrayAnswer(a.get("clRatio"), data.subjects.map((s, i) => fitOf(s.id).CL / table[i]["cl.obs"]), {
        what: "CL/F ratios",
        rtol: 0.002,
        misconceptions: [{ name: "NCA over fit", message: "The ratio is upside down: the fit's CL/F divided by NCA's.", value: data.subjects.map((s, i) => table[i]["cl.obs"] / fitOf(s.id).CL) }],
      });
    },
  },
]);

export const whyDiffer = choiceCheck("why", "A", {
  B: { name: "NCA ignores absorption", message: "NCA needs no absorption model: AUC and λz come from the observed profile, whatever shaped its rise." },
  C: { name: "F in the fit", message: "Neither method knows F: both give CL/F and V/F for oral data, so F cannot explain the gap." },
  D: { name: "unit error", message: "Both use the same dose in mg and concentrations in mg/L: a unit error would give a factor (such as the body weight), not a gap of the size seen here." },
});
