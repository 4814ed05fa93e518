// Checks of the qsp course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. References are computed with @pmxlab/kernel (the built-in models
// `tmdd`, `simeoni` and `friberg` with their cited default parameters) or with a closed form,
// never typed in as numbers; the wrong answers of common mistakes are computed the same way,
// by making the mistake on purpose.
import { getModel, parseRegimen, simulate, toModelDoses } from "@pmxlab/kernel";
import {
  AnswerError,
  choiceAnswer,
  defineCheck,
  mistake,
  modelAnswer,
  numericAnswer,
  plotAnswer,
  regimenAnswer,
  type Outcome,
} from "@pmxlab/kernel/exercise";

/** A built-in model's default parameter values by name (the values its file cites). */
function defaults(model: string): Record<string, number> {
  const values: Record<string, number> = Object.create(null);
  for (const p of getModel(model).parameters) values[p.name] = p.value;
  return values;
}

function asFunction(value: unknown, name: string, example: string): (...args: number[]) => unknown {
  if (typeof value !== "function") throw new AnswerError(`\`${name}\` should be a function, e.g. ${example}`);
  return value as (...args: number[]) => unknown;
}

function asNumber(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new AnswerError(`\`${name}\` should be a finite number, not ${value === undefined ? "undefined (no answer yet)" : JSON.stringify(value)}`);
  return value;
}

/** The smallest value of an output and its time, on a simulated grid. */
function minimumOf(time: ArrayLike<number>, values: ArrayLike<number>): { value: number; time: number } {
  let k = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[k]) k = i;
  return { value: values[k], time: time[k] };
}

// ---------------------------------------------------------------- 01 TMDD

const TMDD = defaults("tmdd");

/** Free-drug AUC (nM·h) of an IV bolus of `doseNmol` in the full TMDD model, to 3000 h (> 40 linear half-lives). */
function tmddAuc(doseNmol: number): number {
  const sim = simulate("tmdd", { regimen: `${doseNmol} nmol`, times: [0, 3000] });
  return sim.auc({ output: "CFREE", from: 0, to: 3000 })[0];
}

/** Apparent clearance of free drug, dose / AUC (L/h). */
function tmddClearance(doseNmol: number): number {
  return doseNmol / tmddAuc(doseNmol);
}

export const tmddConstants = defineCheck([
  {
    name: "KD (nM)",
    test: (a) =>
      numericAnswer(a.get("KD"), { value: TMDD.KOFF / TMDD.KON, unit: "nM" }, {
        misconceptions: [{ name: "KON/KOFF", message: "That is the association constant KA = kon/koff (in 1/nM): the dissociation constant is its inverse.", value: { value: TMDD.KON / TMDD.KOFF, unit: "nM" } }],
      }),
  },
  {
    name: "KSS (nM)",
    test: (a) =>
      numericAnswer(a.get("KSS"), { value: (TMDD.KOFF + TMDD.KINT) / TMDD.KON, unit: "nM" }, {
        misconceptions: [{ name: "internalisation left out", message: "At quasi-steady state the complex is lost by dissociation and by internalisation: both rates leave the complex.", value: { value: TMDD.KOFF / TMDD.KON, unit: "nM" } }],
      }),
  },
]);

export const tmddDose = defineCheck([
  {
    name: "dose (nmol)",
    test: (a) => {
      const doses = (text: string) => toModelDoses(getModel("tmdd"), parseRegimen(text).doses(), { weight: 70 });
      const right = doses("0.1 mg/kg")[0].amount;
      return numericAnswer(a.get("doseNmol"), { value: right, unit: "nmol" }, {
        misconceptions: [
          { name: "mg dosed as nmol", message: "The number of milligrams was put into a compartment counted in nmol: convert mass to amount of substance with the molecular weight.", value: { value: 0.1 * 70, unit: "nmol" } },
          mistake("doseNotPerKg", { value: doses("0.1 mg")[0].amount, unit: "nmol" }),
        ],
      });
    },
  },
]);

export const tmddClearanceCheck = defineCheck([
  {
    name: "apparent CL at 1 nmol (L/h)",
    test: (a) => numericAnswer(asFunction(a.get("clApparent"), "clApparent", "(doseNmol: number) => …")(1), { value: tmddClearance(1), unit: "L/h" }, { rtol: 0.02 }),
  },
  {
    name: "apparent CL at 1000 nmol (L/h)",
    test: (a) =>
      numericAnswer(asFunction(a.get("clApparent"), "clApparent", "(doseNmol: number) => …")(1000), { value: tmddClearance(1000), unit: "L/h" }, {
        rtol: 0.02,
        misconceptions: [{ name: "linear extrapolation", message: "The clearance found at a low dose was used at a high one: target-mediated elimination saturates, so clearance falls as the dose rises.", value: { value: tmddClearance(1), unit: "L/h" } }],
      }),
  },
  // BEGIN HIDDEN
  {
    name: "apparent CL at 30 nmol (L/h)",
    hidden: true,
    test: (a) => numericAnswer(asFunction(a.get("clApparent"), "clApparent", "(doseNmol: number) => …")(30), { value: tmddClearance(30), unit: "L/h" }, { rtol: 0.02 }),
  },
  // END HIDDEN
]);

/**
 * Michaelis–Menten approximation of the TMDD model (Gibiansky et al. 2008,
 * doi:10.1007/s10928-008-9102-8): total target constant at R0, so the target-mediated
 * elimination rate is VMAX·C/(KM + C) per volume with VMAX = KINT·R0 and KM = KSS.
 */
const TMDD_MM = `$MODEL tmdd_mm
$DESCRIPTION Michaelis-Menten approximation of TMDD (reference of the qsp course)
$REFERENCE Gibiansky L, Gibiansky E, Kakkar T, Ma P. J Pharmacokinet Pharmacodyn. 2008;35(5):573-591. doi:10.1007/s10928-008-9102-8
$TIME h
$ROUTES
iv = central
$PARAMETERS
V = 3 : L : central volume
KEL = 0.01 : 1/h : linear elimination rate constant
VMAX = 0.1 : nM/h : maximal target-mediated elimination rate
KM = 0.105 : nM : Michaelis constant
$COMPARTMENTS
central : nmol : free drug amount
$DERIVED
C = central/V
$ODE
d/dt(central) = -KEL*central - VMAX*C/(KM + C)*V
$OUTPUTS
CFREE = C : nM : free drug concentration
`;

export const tmddMichaelisMenten = defineCheck([
  {
    name: "reproduces the Michaelis–Menten TMDD approximation",
    test: (a) => {
      const vmax = TMDD.KINT * TMDD.R0;
      const km = (TMDD.KOFF + TMDD.KINT) / TMDD.KON;
      return modelAnswer(a.get("mmModel"), TMDD_MM, {
        output: "CFREE",
        times: { end: 1500, step: 10 },
        rtol: 0.01,
        atol: 1e-6,
        cases: [
          { params: { V: TMDD.V, KEL: TMDD.KEL, VMAX: vmax, KM: km }, regimen: "100 nmol" },
          { params: { V: 5, KEL: 0.02, VMAX: 0.5, KM: 1 }, regimen: "20 nmol q168h x 3" },
        ],
      });
    },
  },
]);

export const tmddWhenMechanistic = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("answer"), "C", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "Michaelis–Menten always adequate", message: "Compare the printed AUCs at 1 and 10 nmol: the Michaelis–Menten model misses them, because it has no bound drug and no change in total target." },
          B: { name: "linear extrapolation", message: "A clearance measured at one dose does not hold at another when target-mediated elimination saturates: that is the point of Exercise 3." },
          D: { name: "linear elimination is dose-dependent", message: "KEL is a first-order rate constant: the dose dependence comes from the saturable, target-mediated route." },
        },
      }),
  },
]);

// ---------------------------------------------------------------- 02 tumour growth

const SIMEONI = defaults("simeoni");

export const growthPhases = defineCheck([
  {
    name: "doubling time in the exponential phase (day)",
    test: (a) =>
      numericAnswer(a.get("doublingTime"), { value: Math.LN2 / SIMEONI.LAMBDA0, unit: "day" }, {
        misconceptions: [mistake("ln2Forgotten", { value: 1 / SIMEONI.LAMBDA0, unit: "day" }), { name: "λ0 read per hour", message: "LAMBDA0 is a rate per day (the model's time unit is the day), not per hour.", value: { value: Math.LN2 / SIMEONI.LAMBDA0, unit: "h" } }],
      }),
  },
  {
    name: "weight where growth turns linear (g)",
    test: (a) =>
      numericAnswer(a.get("wSwitch"), { value: SIMEONI.LAMBDA1 / SIMEONI.LAMBDA0, unit: "g" }, {
        misconceptions: [{ name: "ratio inverted", message: "The switch is where the two growth rates are equal, λ0·w = λ1: solve for w.", value: { value: SIMEONI.LAMBDA0 / SIMEONI.LAMBDA1, unit: "g" } }],
      }),
  },
]);

export const tumourStatic = defineCheck([
  {
    name: "tumour-static concentration (mg/L)",
    test: (a) =>
      numericAnswer(a.get("cTS"), { value: SIMEONI.LAMBDA0 / SIMEONI.K2, unit: "mg/L" }, {
        misconceptions: [{ name: "linear growth rate used", message: "In the exponential phase the cells grow at the rate λ0 (per day); λ1 is the linear growth rate in g/day of large tumours.", value: { value: SIMEONI.LAMBDA1 / SIMEONI.K2, unit: "mg/L" } }],
      }),
  },
  {
    name: "infusion rate that holds it (mg/day)",
    test: (a) => {
      const rate = (SIMEONI.CL * SIMEONI.LAMBDA0) / SIMEONI.K2; // Css = rate / CL
      return numericAnswer(a.get("infusionRate"), { value: rate, unit: "mg/day" }, {
        misconceptions: [{ name: "CL read per hour", message: "The model's clearance is in L/day: the infusion rate that holds a concentration is CL·C in mg per day.", value: { value: rate, unit: "mg/h" } }],
      });
    },
  },
]);

export const SCHEDULE = "4 mg q4d x 3 at 9 d";

export const scheduleRegimen = defineCheck([
  {
    name: "regimen",
    test: (a) =>
      regimenAnswer(a.get("scheduleB"), SCHEDULE, {
        misconceptions: [{ name: "hours for days", message: "The interval and start were read in hours: the schedule is in days (write `q4d`, `at 9 d`); pmxlab converts it into the model's days.", value: "4 mg q4h x 3 at 9 h" }],
      }),
  },
]);

/** Tumour weight (g) of the simeoni model at `day` under `regimen`. */
function tumourWeight(regimen: string, day: number): number {
  return simulate("simeoni", { regimen, times: [0, day] }).outputs.WEIGHT[1];
}

export const LATE_SCHEDULE = "4 mg q4d x 3 at 16 d";

export const scheduleCompare = defineCheck([
  {
    name: "tumour weight at day 30, no treatment (g)",
    test: (a) => numericAnswer(a.get("wControl"), { value: tumourWeight("none", 30), unit: "g" }),
  },
  {
    name: "tumour weight at day 30, 12 mg once at day 9 (g)",
    test: (a) => numericAnswer(a.get("wOnce"), { value: tumourWeight("12 mg at 9 d", 30), unit: "g" }),
  },
  {
    name: "tumour weight at day 30, 4 mg q4d x 3 from day 9 (g)",
    test: (a) => numericAnswer(a.get("wSplit"), { value: tumourWeight(SCHEDULE, 30), unit: "g" }),
  },
  {
    name: "tumour weight at day 30, 4 mg q4d x 3 from day 16 (g)",
    test: (a) =>
      numericAnswer(a.get("wLate"), { value: tumourWeight(LATE_SCHEDULE, 30), unit: "g" }, {
        misconceptions: [{ name: "hours for days", message: "The schedule was given in hours (q4h from 16 h): all three doses fell within the first day, when the tumour was small and still growing exponentially.", value: { value: tumourWeight("4 mg q4h x 3 at 16 h", 30), unit: "g" } }],
      }),
  },
]);

export const growthPlot = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("fig"), { xTitle: /day/, yTitle: /\(g\)/, minTraces: 2 }) },
]);

// ---------------------------------------------------------------- 03 myelosuppression

const FRIBERG = defaults("friberg");
/** Drug potency used in the course instead of the library's illustrative 0.1 L/mg: assumed for teaching (see 03-myelosuppression.ipynb). */
export const TEACHING_SLOPE = 15; // L/mg
/** The transit compartments between proliferating and circulating cells (Friberg et al. 2002). */
const TRANSITS = 3;

export const transitRate = defineCheck([
  {
    name: "ktr (1/h)",
    test: (a) =>
      numericAnswer(a.get("ktr"), { value: (TRANSITS + 1) / FRIBERG.MTT, unit: "1/h" }, {
        misconceptions: [
          { name: "one compartment", message: "MTT is the mean time through the whole chain (proliferating compartment and every transit compartment), not through one of them.", value: { value: 1 / FRIBERG.MTT, unit: "1/h" } },
          { name: "proliferating compartment left out", message: "The chain has n + 1 compartments with rate ktr: the proliferating one and the n transits.", value: { value: TRANSITS / FRIBERG.MTT, unit: "1/h" } },
        ],
      }),
  },
]);

export const NADIR_DOSE = "100 mg over 1 h";
const ANC_GRID = { end: 720, step: 0.25 }; // h: 30 days

function ancAfter(regimen: string, params: Record<string, number> = {}) {
  return simulate("friberg", { regimen, times: ANC_GRID, params: { SLOPE: TEACHING_SLOPE, ...params } });
}

function nadirOf(regimen: string, params: Record<string, number> = {}): { value: number; time: number } {
  const sim = ancAfter(regimen, params);
  return minimumOf(sim.time, sim.outputs.ANC);
}

export const nadir = defineCheck([
  { name: "nadir ANC (10⁹/L)", test: (a) => numericAnswer(a.get("nadirAnc"), { value: nadirOf(NADIR_DOSE).value, unit: "1/nL" }) },
  {
    name: "time of the nadir (h)",
    test: (a) =>
      numericAnswer(a.get("nadirTime"), { value: nadirOf(NADIR_DOSE).time, unit: "h" }, {
        rtol: 0.02,
        misconceptions: [{ name: "nadir time taken as MTT", message: "The mean transit time is the average maturation time of a cell; the nadir comes later, when the cells that were proliferating during exposure would have reached the blood.", value: { value: FRIBERG.MTT, unit: "h" } }],
      }),
  },
]);

export const GRADE4 = 0.5; // 10⁹/L: CTCAE grade 4 neutropenia is ANC < 0.5 × 10⁹/L
export const GRADE4_DOSE = "150 mg over 1 h";

export const grade4Duration = defineCheck([
  {
    name: "days with grade-4 neutropenia (day)",
    test: (a) => {
      const sim = ancAfter(GRADE4_DOSE);
      const hours = ANC_GRID.end - sim.timeAbove(GRADE4, { output: "ANC", from: 0, to: ANC_GRID.end })[0];
      return numericAnswer(a.get("daysGrade4"), { value: hours / 24, unit: "day" }, {
        rtol: 0.02,
        misconceptions: [{ name: "hours written as days", message: "The simulation's time is in hours: the duration in days is the hours divided by 24.", value: { value: hours, unit: "day" } }],
      });
    },
  },
]);

/** The largest single dose (mg) whose nadir stays at or above the grade-4 threshold, by bisection. */
function maxDoseAboveGrade4(params: Record<string, number> = {}): number {
  let lo = 1;
  let hi = 1000;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (nadirOf(`${mid} mg over 1 h`, params).value >= GRADE4) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const maxDose = defineCheck([
  {
    name: "largest single dose without grade-4 neutropenia (mg)",
    test: (a) => {
      const testDose = 100; // mg, the dose of Exercise 2
      const drop = FRIBERG.CIRC0 - nadirOf(`${testDose} mg over 1 h`).value;
      const linear = (testDose * (FRIBERG.CIRC0 - GRADE4)) / drop;
      return numericAnswer(a.get("doseMax"), { value: maxDoseAboveGrade4(), unit: "mg" }, {
        misconceptions: [{ name: "linear extrapolation", message: "The fall in neutrophils was scaled in proportion to the dose: the transit chain and the feedback make the nadir a nonlinear function of the dose.", value: { value: linear, unit: "mg" } }],
      });
    },
  },
]);

export const feedbackChoice = defineCheck([
  {
    name: "choice",
    test: (a) =>
      choiceAnswer(a.get("answer"), "B", {
        choices: ["A", "B", "C", "D"],
        misconceptions: {
          A: { name: "feedback sets the nadir time", message: "Look at γ = 0 above: without feedback the count never turns up, so the feedback is what ends the fall and brings the count back; how fast the count falls is set by the transit chain (MTT)." },
          C: { name: "feedback is drug potency", message: "γ acts on the proliferation rate through the circulating count, not on the drug: SLOPE is the drug's potency." },
        },
      }),
  },
]);

// ---------------------------------------------------------------- 04 virtual patients and surrogates

/** A virtual patient: the Simeoni growth and potency parameters that vary between patients. */
interface VirtualPatient {
  LAMBDA0: number;
  LAMBDA1: number;
  K2: number;
}

export const PLAUSIBLE_DAY = 21; // day of the control-arm observation used to filter
export const PLAUSIBLE_RANGE = { low: 3, high: 9 }; // g, assumed for teaching

function readPatients(value: unknown): VirtualPatient[] {
  if (!Array.isArray(value) || value.length === 0) throw new AnswerError("`vps` should be the notebook's array of virtual patients ({ LAMBDA0, LAMBDA1, K2 }); run the cells above first");
  return value as VirtualPatient[];
}

function controlWeightAt(p: VirtualPatient, time: number): number {
  return simulate("simeoni", { regimen: "none", times: [0, time], params: { LAMBDA0: p.LAMBDA0, LAMBDA1: p.LAMBDA1, K2: p.K2 } }).outputs.WEIGHT[1];
}

function plausibleCount(patients: VirtualPatient[], time: number): number {
  return patients.filter((p) => {
    const w = controlWeightAt(p, time);
    return w >= PLAUSIBLE_RANGE.low && w <= PLAUSIBLE_RANGE.high;
  }).length;
}

export const plausiblePatients = defineCheck([
  {
    name: "number of plausible virtual patients",
    test: (a): Outcome => {
      const patients = readPatients(a.get("vps"));
      const got = asNumber(a.get("nPlausible"), "nPlausible");
      const right = plausibleCount(patients, PLAUSIBLE_DAY);
      if (got === right) return { passed: true, message: `${got} of ${patients.length} is right` };
      if (got === plausibleCount(patients, PLAUSIBLE_DAY * 24)) return { passed: false, message: "Not right. The tumour weight was read at day 504 (21 × 24): the simeoni model's time unit is the day.", misconception: "hours for days" };
      if (got === patients.length - right) return { passed: false, message: "Not right: that is the number of patients outside the range.", misconception: "complement counted" };
      return { passed: false, message: `${got} is not the number of patients whose control tumour weight at day ${PLAUSIBLE_DAY} lies in the range` };
    },
  },
]);

/** Least-squares slope of ln(w) on t: the exponential growth rate (1/day). */
function logLinearSlope(t: number[], w: number[], log: (x: number) => number = Math.log): number {
  const y = w.map(log);
  const tm = t.reduce((s, x) => s + x, 0) / t.length;
  const ym = y.reduce((s, x) => s + x, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < t.length; i++) {
    sxy += (t[i] - tm) * (y[i] - ym);
    sxx += (t[i] - tm) ** 2;
  }
  return sxy / sxx;
}

function readSeries(a: { get(name: string): unknown }): { t: number[]; w: number[] } {
  const t = a.get("obsDay");
  const w = a.get("obsWeight");
  if (!Array.isArray(t) || !Array.isArray(w) || t.length !== w.length || t.length < 2) throw new AnswerError("`obsDay` and `obsWeight` should be the notebook's observation arrays; run the cells above first");
  return { t: t as number[], w: w as number[] };
}

export const twinGrowthRate = defineCheck([
  {
    name: "λ0 of the patient (1/day)",
    test: (a) => {
      const { t, w } = readSeries(a);
      const last = t.length - 1;
      return numericAnswer(a.get("lambda0Twin"), { value: logLinearSlope(t, w), unit: "1/day" }, {
        misconceptions: [
          { name: "log10 for ln", message: "The slope of log10(w) is the growth rate divided by ln 10: use the natural logarithm.", value: { value: logLinearSlope(t, w, Math.log10), unit: "1/day" } },
          { name: "two points only", message: "Only the first and last points were used: fit the line through all the measurements (least squares), so their noise averages out.", value: { value: Math.log(w[last] / w[0]) / (t[last] - t[0]), unit: "1/day" } },
          { name: "per hour", message: "The measurements are in days: the rate is per day.", value: { value: logLinearSlope(t, w), unit: "1/h" } },
        ],
      });
    },
  },
]);

export const EMULATOR_REGIMEN = (doseMg: number) => `${doseMg} mg q4d x 3 at 9 d`;
export const EMULATOR_DAY = 21;

/** The full model's outcome the emulator replaces: tumour weight (g) at day 21. */
function fullOutcome(doseMg: number, k2: number, lambda0: number): number {
  return simulate("simeoni", { regimen: EMULATOR_REGIMEN(doseMg), times: [0, EMULATOR_DAY], params: { K2: k2, LAMBDA0: lambda0 } }).outputs.WEIGHT[1];
}

function readEmulator(a: { get(name: string): unknown }): (dose: number, k2: number) => number {
  const f = asFunction(a.get("emulate"), "emulate", "(doseMg: number, k2: number) => weight in g");
  return (dose, k2) => asNumber(f(dose, k2), `emulate(${dose}, ${k2})`);
}

/** Test points inside the emulator's box (dose 1–10 mg, K2 0.3–1.5 L/(mg·day)), spread evenly in log scale by golden-ratio sequences. */
function testPoints(n: number): { dose: number; k2: number }[] {
  const points: { dose: number; k2: number }[] = [];
  for (let i = 1; i <= n; i++) {
    const u = (i * 0.618033988749895) % 1;
    const v = (i * 0.7548776662466927) % 1;
    points.push({ dose: Math.pow(10, u), k2: 0.3 * Math.pow(5, v) });
  }
  return points;
}

export const EMULATOR_TOLERANCE = 0.1; // largest relative error allowed on held-out points

export const emulator = defineCheck([
  {
    name: `emulator within ${EMULATOR_TOLERANCE * 100} % of the full model at 8 held-out points`,
    test: (a): Outcome => {
      const lambda0 = asNumber(a.get("lambda0Twin"), "lambda0Twin");
      const emulate = readEmulator(a);
      let worst = 0;
      let where = "";
      for (const p of testPoints(8)) {
        const full = fullOutcome(p.dose, p.k2, lambda0);
        const err = Math.abs(emulate(p.dose, p.k2) - full) / full;
        if (err > worst) [worst, where] = [err, `dose ${p.dose.toPrecision(3)} mg, K2 ${p.k2.toPrecision(3)} L/(mg·day)`];
      }
      return worst <= EMULATOR_TOLERANCE
        ? { passed: true, message: `largest relative error ${(100 * worst).toFixed(1)} %` }
        : { passed: false, message: `the emulator is ${(100 * worst).toFixed(0)} % off the full model at ${where}` };
    },
  },
  {
    name: "reported held-out error (%)",
    test: (a): Outcome => {
      const lambda0 = asNumber(a.get("lambda0Twin"), "lambda0Twin");
      const emulate = readEmulator(a);
      const held = a.get("heldOut");
      if (!Array.isArray(held) || held.length === 0) throw new AnswerError("`heldOut` should be the notebook's array of held-out points { dose, k2 }");
      const errors = (held as { dose: number; k2: number }[]).map((p) => {
        const full = fullOutcome(p.dose, p.k2, lambda0);
        return Math.abs(emulate(p.dose, p.k2) - full) / full;
      });
      const rms = 100 * Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
      const max = 100 * Math.max(...errors);
      const got = asNumber(a.get("rmsErrorPct"), "rmsErrorPct");
      if (Math.abs(got - rms) <= 0.01 * rms + 1e-9) return { passed: true, message: `${got.toPrecision(3)} % is right` };
      if (Math.abs(got - rms / 100) <= 0.01 * rms / 100) return { passed: false, message: "Not right: that is a fraction; give the error in per cent.", misconception: "fraction for per cent" };
      if (Math.abs(got - max) <= 0.01 * max) return { passed: false, message: "Not right: that is the largest error; the root-mean-square error was asked.", misconception: "maximum for RMS" };
      return { passed: false, message: `${got} % is not the root-mean-square relative error of \`emulate\` on the held-out points` };
    },
  },
]);

export const speedUp = defineCheck([
  {
    name: "speed-up = full-model time / emulator time",
    test: (a): Outcome => {
      const full = asNumber(a.get("fullMs"), "fullMs");
      const emu = asNumber(a.get("emulatorMs"), "emulatorMs");
      const ratio = asNumber(a.get("speedUp"), "speedUp");
      if (!(full > 0 && emu > 0)) return { passed: false, message: "both times should be positive (ms per evaluation): time many evaluations and divide" };
      if (Math.abs(ratio - full / emu) <= 0.01 * (full / emu)) return { passed: true, message: `${ratio.toPrecision(3)}× is the ratio of the two measured times` };
      if (Math.abs(ratio - emu / full) <= 0.01 * (emu / full)) return { passed: false, message: "Not right: the ratio is inverted (emulator time / full-model time).", misconception: "inverted ratio" };
      return { passed: false, message: "`speedUp` is not `fullMs / emulatorMs`" };
    },
  },
  {
    name: "the emulator is faster than the full model",
    test: (a): Outcome => {
      const ratio = asNumber(a.get("speedUp"), "speedUp");
      return ratio > 10 ? { passed: true, message: "more than 10× faster" } : { passed: false, message: `a speed-up of ${ratio.toPrecision(3)}× is too small for an emulator: time many evaluations in a loop, not a single call` };
    },
  },
]);
