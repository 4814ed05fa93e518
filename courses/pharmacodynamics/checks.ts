// Checks of the pharmacodynamics course. Each export is a check named by an exercise's
// `pmxlab.exercise.check`. References come from closed forms (the Hill equation solved for
// the concentration, ln 2 / k) or from @pmxlab/kernel simulations of the course's models,
// never typed in as numbers; the wrong answers of common mistakes are computed the same
// way, by making the mistake on purpose.
import { getModel, parseModel, simulate } from "@pmxlab/kernel";
import {
  AnswerError,
  choiceAnswer,
  curveAnswer,
  defineCheck,
  mistake,
  modelAnswer,
  numericAnswer,
  plotAnswer,
} from "@pmxlab/kernel/exercise";

type ChoiceFeedback = Record<string, { name: string; message: string }>;

/** A one-item multiple-choice check: the answer variable, the right choice, the offered choices and feedback on tempting wrong ones. */
function choiceCheck(variable: string, correct: string, choices: string[], misconceptions: ChoiceFeedback) {
  return defineCheck([{ name: "choice", test: (a) => choiceAnswer(a.get(variable), correct, { choices, misconceptions }) }]);
}

// ---------------------------------------------------------------- 01 Emax and sigmoid Emax

/**
 * The sigmoid Emax (Hill) model of notebook 01. Model: Holford NHG, Sheiner LB (1981),
 * doi:10.2165/00003088-198106060-00002. The values are assumed for teaching (a response
 * in % of the assay's range), not taken from a study.
 */
export const HILL = { E0: 10 /* % */, EMAX: 80 /* % */, EC50: 2 /* mg/L */, GAMMA: 2.5 /* 1 */ };
type Hill = typeof HILL;

/** E = E0 + EMAX·C^γ/(EC50^γ + C^γ), in %. */
function hillEffect(c: number, p: Hill = HILL): number {
  return p.E0 + (p.EMAX * c ** p.GAMMA) / (p.EC50 ** p.GAMMA + c ** p.GAMMA);
}

/** The Hill equation solved for C: the concentration (mg/L) at which the drug gives the fraction f of EMAX. */
function concentrationAtFraction(f: number, p: Hill = HILL): number {
  return p.EC50 * (f / (1 - f)) ** (1 / p.GAMMA);
}

/** The concentration (mg/L) at which the whole response E0 + drug effect equals `effect` (%). */
function concentrationAtEffect(effect: number, p: Hill = HILL): number {
  return concentrationAtFraction((effect - p.E0) / p.EMAX, p);
}

const NO_BASELINE = { ...HILL, E0: 0 };
const HILL_GAMMA_1 = { ...HILL, GAMMA: 1 };

export const effectAtEc50 = defineCheck([
  {
    name: "effect at EC50 (%)",
    test: (a) =>
      numericAnswer(a.get("effectAtEC50"), hillEffect(HILL.EC50), {
        unit: "%",
        misconceptions: [
          {
            name: "EC50 read as Emax/2",
            message: "It looks like the baseline E0 was left out: at EC50 the drug adds half of its own maximum effect EMAX to the baseline response.",
            value: hillEffect(HILL.EC50, NO_BASELINE),
          },
          {
            name: "half of the whole response range",
            message: "It looks like (E0 + EMAX)/2 was taken: EC50 halves the drug's effect EMAX, and the baseline E0 is added to that half in full.",
            value: (HILL.E0 + HILL.EMAX) / 2,
          },
        ],
      }),
  },
]);

const GAMMA_IGNORED = {
  name: "Hill coefficient ignored",
  message: "It looks like γ was left out (the answer fits a hyperbola, γ = 1): the exponent 1/γ belongs on the odds f/(1 − f).",
};
const E0_INCLUDED = {
  name: "20 % and 80 % of the whole response",
  message: "It looks like the concentrations where the whole response E reads 20 % and 80 % were taken: EC20 and EC80 are where the drug gives 20 % and 80 % of EMAX, above the baseline.",
};

/** EC20 or EC80 (the concentration giving `percent` % of EMAX), read from the answer `variable`. */
function ecItem(variable: string, percent: number) {
  const f = percent / 100;
  return {
    name: `EC${percent} (mg/L)`,
    test: (a: { get(name: string): unknown }) =>
      numericAnswer(a.get(variable), { value: concentrationAtFraction(f), unit: "mg/L" }, {
        misconceptions: [
          { ...GAMMA_IGNORED, value: { value: concentrationAtFraction(f, HILL_GAMMA_1), unit: "mg/L" } },
          { ...E0_INCLUDED, value: { value: concentrationAtEffect(percent), unit: "mg/L" } },
        ],
      }),
  };
}

export const hillRange = defineCheck([
  ecItem("ec20", 20),
  ecItem("ec80", 80),
  {
    name: "EC80/EC20 (fold)",
    test: (a) =>
      numericAnswer(a.get("foldRange"), concentrationAtFraction(0.8) / concentrationAtFraction(0.2), {
        unit: "fold",
        misconceptions: [{ ...GAMMA_IGNORED, value: concentrationAtFraction(0.8, HILL_GAMMA_1) / concentrationAtFraction(0.2, HILL_GAMMA_1) }],
      }),
  },
]);

export const logEffectPlot = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("fig"), { logX: true, xTitle: /mg\/L/, yTitle: /%/, minTraces: 2 }) },
]);

function effectFunction(value: unknown): (effect: number) => unknown {
  if (typeof value !== "function") throw new AnswerError("`concentrationFor` should be a function of the effect in %, e.g. (effect: number) => …");
  return value as (effect: number) => unknown;
}

function targetConcentration(effect: number) {
  return (a: { get(name: string): unknown }) =>
    numericAnswer(effectFunction(a.get("concentrationFor"))(effect), { value: concentrationAtEffect(effect), unit: "mg/L" }, {
      misconceptions: [
        {
          name: "baseline not subtracted",
          message: "It looks like the target was divided by EMAX as it stands: subtract the baseline E0 first, since the drug only has to supply E − E0.",
          value: { value: concentrationAtFraction(effect / HILL.EMAX), unit: "mg/L" },
        },
        { ...GAMMA_IGNORED, value: { value: concentrationAtEffect(effect, HILL_GAMMA_1), unit: "mg/L" } },
      ],
    });
}

export const concentrationForEffect = defineCheck([
  { name: "concentration for a 30 % response (mg/L)", test: targetConcentration(30) },
  { name: "concentration for a 70 % response (mg/L)", test: targetConcentration(70) },
  // BEGIN HIDDEN
  { name: "concentration for an 85 % response (mg/L)", hidden: true, test: targetConcentration(85) },
  // END HIDDEN
]);

export const steepnessChoice = choiceCheck("answer", "C", ["A", "B", "C", "D"], {
  A: { name: "γ read as efficacy", message: "EMAX alone sets the largest effect; γ changes how fast the curve rises, not how high it goes." },
  B: { name: "γ read as potency", message: "EC50 alone sets the potency; every Hill curve with the same EC50 passes through half of EMAX there, whatever γ." },
  D: { name: "EC50 effect depends on γ", message: "At C = EC50 the Hill term is 1/(1 + 1) whatever γ: the drug gives exactly half of EMAX there." },
});

// ---------------------------------------------------------------- 02 effect compartment

/**
 * Propofol at the Schnider model's reference covariates (53 years, 77 kg, 177 cm, lean body
 * mass 59 kg). PK: Schnider TW et al. (1998), doi:10.1097/00000542-199805000-00006;
 * ke0 0.456 /min: Schnider TW et al. (1999), doi:10.1097/00000542-199906000-00003. The
 * effect model (fraction of a maximal effect, CE50 3 mg/L, γ 2) is assumed for teaching.
 */
export const PROPOFOL_MODEL = `$MODEL propofol_effect_site
$DESCRIPTION Propofol: three-compartment PK with an effect site (ke0) and a sigmoid Emax effect
$REFERENCE Schnider TW et al. Anesthesiology 1998;88(5):1170-1182. doi:10.1097/00000542-199805000-00006 (PK); Schnider TW et al. Anesthesiology 1999;90(6):1502-1516. doi:10.1097/00000542-199906000-00003 (ke0); effect model assumed for teaching
$TIME min
$ROUTES
iv = central
$PARAMETERS
V1 = 4.27 : L : central volume
V2 = 18.9 : L : rapid peripheral volume
V3 = 238 : L : slow peripheral volume
CL = 1.89 : L/min : elimination clearance
Q2 = 1.29 : L/min : rapid inter-compartmental clearance
Q3 = 0.836 : L/min : slow inter-compartmental clearance
KE0 = 0.456 : 1/min : effect-site equilibration rate constant
EMAX = 1 : 1 : maximal effect (fraction)
CE50 = 3 : mg/L : effect-site concentration for half the maximal effect (assumed)
GAMMA = 2 : 1 : Hill coefficient (assumed)
$COMPARTMENTS
central : mg : central compartment
periph1 : mg : rapid peripheral compartment
periph2 : mg : slow peripheral compartment
site : mg/L : effect-site concentration
$ODE
d/dt(central) = -(CL + Q2 + Q3)/V1*central + Q2/V2*periph1 + Q3/V3*periph2
d/dt(periph1) = Q2/V1*central - Q2/V2*periph1
d/dt(periph2) = Q3/V1*central - Q3/V3*periph2
d/dt(site) = KE0*(central/V1 - site)
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
CE = site : mg/L : effect-site concentration
E = EMAX*site^GAMMA/(CE50^GAMMA + site^GAMMA) : 1 : drug effect (fraction of maximum)
`;

const propofol = parseModel(PROPOFOL_MODEL);

/** 2 mg/kg for the 77-kg reference patient, as a 1-min infusion (dose assumed for teaching). */
const PROPOFOL_INFUSION = "154 mg over 1 min";
const KE0 = 0.456; // 1/min, Schnider 1999

export const tHalfKe0 = defineCheck([
  {
    name: "t½ke0 (min)",
    test: (a) =>
      numericAnswer(a.get("tHalfKe0"), { value: Math.LN2 / KE0, unit: "min" }, { misconceptions: [mistake("ln2Forgotten", { value: 1 / KE0, unit: "min" })] }),
  },
]);

export const loopDirection = choiceCheck("loop", "B", ["A", "B", "C", "D"], {
  A: { name: "direction of the loop reversed", message: "Follow the points in time order: while the concentration rises the effect is still small, and on the way down the effect is larger at the same concentration. Which way does that turn?" },
  C: { name: "delay taken for tolerance", message: "Tolerance makes the effect smaller at later times for the same concentration, which turns the loop the other way. Here the effect site only lags behind the plasma." },
  D: { name: "no loop", message: "Plot the simulated effect against the plasma concentration: the rising and the falling limb do not overlap, because the effect follows the effect site, not the plasma." },
});

export const peakEffectTime = defineCheck([
  {
    name: "time of the peak effect-site concentration (min)",
    test: (a) => {
      const sim = simulate(propofol, { regimen: PROPOFOL_INFUSION, times: { end: 20, step: 0.1 } });
      const ceMax = sim.peak({ output: "CE" }).tmax[0];
      const cpMax = sim.peak({ output: "CP" }).tmax[0];
      return numericAnswer(a.get("tPeakCe"), { value: ceMax, unit: "min" }, {
        rtol: 0.02,
        misconceptions: [
          { name: "plasma peak", message: "That is when the plasma concentration peaks (the end of the infusion); the effect site is still filling then.", value: { value: cpMax, unit: "min" } },
          { name: "t½ke0 taken for the peak time", message: "t½ke0 is the equilibration half-life, not the time of the peak: read the peak off the simulated effect-site curve.", value: { value: Math.LN2 / KE0, unit: "min" } },
        ],
      });
    },
  },
]);

/** A model parameter's value, by name. */
function parameterValue(parameters: readonly { name: string; value: number }[], name: string): number {
  const p = parameters.find((q) => q.name === name);
  if (!p) throw new Error(`the course model has no parameter ${name}`);
  return p.value;
}

/** The plasma concentration at the moment the effect first reaches half its maximum during the infusion (mg/L). */
function plasmaAtHalfEffectRising(): number {
  const sim = simulate(propofol, { regimen: PROPOFOL_INFUSION, times: { end: 10, step: 0.001 } });
  const e = sim.outputs.E;
  const cp = sim.outputs.CP;
  const i = e.findIndex((v) => v >= 0.5);
  const w = (0.5 - e[i - 1]) / (e[i] - e[i - 1]);
  return cp[i - 1] + w * (cp[i] - cp[i - 1]);
}

export const collapseLoop = defineCheck([
  { name: "figure", test: (a) => plotAnswer(a.get("figCe"), { xTitle: /effect.site.*mg\/L/i, yTitle: /effect/i }) },
  {
    name: "CE at half the maximal effect (mg/L)",
    test: (a) => {
      const ce50 = parameterValue(propofol.parameters, "CE50");
      return numericAnswer(a.get("ceAtHalfEffect"), { value: ce50, unit: "mg/L" }, {
        rtol: 0.02,
        misconceptions: [{ name: "plasma instead of effect site", message: "That is the plasma concentration when the effect reaches half its maximum on the rising limb; the effect follows the effect-site concentration.", value: { value: plasmaAtHalfEffectRising(), unit: "mg/L" } }],
      });
    },
  },
]);

const EFFECT_CMT_CASES = [
  { params: { CL: 6, V: 25, KE0: 0.5, E0: 0, EMAX: 100, EC50: 2 }, regimen: "100 mg" },
  { params: { CL: 3, V: 40, KE0: 2, E0: 10, EMAX: 50, EC50: 1 }, regimen: "50 mg q6h x 3" },
];

export const ownEffectModel = defineCheck([
  { name: "reproduces effect_cmt (output E)", test: (a) => modelAnswer(a.get("effectModel"), "effect_cmt", { cases: EFFECT_CMT_CASES, output: "E", times: { end: 24, step: 0.5 } }) },
  // BEGIN HIDDEN
  {
    name: "reproduces effect_cmt with a slow effect site",
    hidden: true,
    test: (a) => modelAnswer(a.get("effectModel"), "effect_cmt", { cases: [{ params: { CL: 8, V: 30, KE0: 0.1, E0: 5, EMAX: 80, EC50: 4 }, regimen: "200 mg" }], output: "E", times: { end: 48, step: 1 } }),
  },
  // END HIDDEN
]);

// ---------------------------------------------------------------- 03 indirect response

/** The value of a parameter of a built-in model (the idr1–idr4 defaults are the course's teaching values). */
function builtInValue(model: string, name: string): number {
  return parameterValue(getModel(model).parameters, name);
}

export const idrBaseline = defineCheck([
  {
    name: "baseline R0",
    test: (a) => {
      const kin = builtInValue("idr1", "KIN");
      const kout = builtInValue("idr1", "KOUT");
      return numericAnswer(a.get("R0"), kin / kout, {
        unit: "units of R",
        misconceptions: [{ name: "kin and kout swapped", message: "It looks like kout/kin was taken: at baseline production kin equals loss kout·R0, so R0 is production over the loss rate constant.", value: kout / kin }],
      });
    },
  },
  {
    name: "turnover half-life (h)",
    test: (a) => {
      const kin = builtInValue("idr1", "KIN");
      const kout = builtInValue("idr1", "KOUT");
      return numericAnswer(a.get("turnoverHalfLife"), { value: Math.LN2 / kout, unit: "h" }, {
        misconceptions: [
          mistake("ln2Forgotten", { value: 1 / kout, unit: "h" }),
          { name: "kin and kout swapped", message: "It looks like kin was used: the response is lost by the first-order process kout, which alone sets how fast R returns to baseline.", value: { value: Math.LN2 / kin, unit: "h" } },
        ],
      });
    },
  },
]);

export const mechanismChoice = choiceCheck("model", "II", ["I", "II", "III", "IV"], {
  I: { name: "inhibition of the wrong process", message: "Model I inhibits production (kin), which lowers R. This drug slows the removal of the substance: which process does it act on?" },
  III: { name: "stimulation of production", message: "Model III also raises R, but by speeding up production. This drug acts on the removal of the substance, and it slows it down." },
  IV: { name: "stimulation instead of inhibition", message: "Model IV acts on the loss (kout), the right process, but speeds it up and so lowers R. This drug slows the loss." },
});

/** Time (h) of the largest response of idr3 after one oral dose, from the kernel's exact peak search. */
function idr3PeakTime(doseMg: number): number {
  return simulate("idr3", { regimen: `${doseMg} mg`, times: { end: 48, step: 0.5 } }).peak({ output: "RESP" }).tmax[0];
}

function peakTimeItem(variable: string, doseMg: number) {
  return {
    name: `time of the peak response after ${doseMg} mg (h)`,
    test: (a: { get(name: string): unknown }) => {
      const cpPeak = simulate("idr3", { regimen: `${doseMg} mg`, times: { end: 48, step: 0.5 } }).peak({ output: "CP" }).tmax[0];
      return numericAnswer(a.get(variable), { value: idr3PeakTime(doseMg), unit: "h" }, {
        rtol: 0.03,
        misconceptions: [{ name: "concentration peak", message: "That is the time of the peak plasma concentration. The response keeps rising after it while production exceeds loss: find the peak of RESP.", value: { value: cpPeak, unit: "h" } }],
      });
    },
  };
}

export const peakShift = defineCheck([peakTimeItem("tPeak10", 10), peakTimeItem("tPeak1000", 1000)]);

const IDR4_INPUT = { regimen: "200 mg q24h x 3", times: { end: 72, step: 1 } };

export const idr4Curve = defineCheck([
  {
    name: "RESP by time",
    test: (a) =>
      curveAnswer(a.get("simIV"), simulate("idr4", IDR4_INPUT), {
        output: "RESP",
        misconceptions: [
          { name: "inhibition instead of stimulation", message: "This curve rises: the drug slows the loss (model II). Model IV speeds up the loss kout.", value: simulate("idr2", IDR4_INPUT) },
          { name: "production instead of loss", message: "This curve follows a drug acting on production kin (model III). Model IV acts on the loss kout.", value: simulate("idr3", IDR4_INPUT) },
        ],
      }),
  },
]);

const IDR2_CASES = [
  { params: { KA: 1.1, CL: 6, V: 25, KIN: 10, KOUT: 0.5, IMAX: 0.9, IC50: 2 }, regimen: "100 mg" },
  { params: { KA: 0.5, CL: 3, V: 40, KIN: 2, KOUT: 0.1, IMAX: 0.6, IC50: 0.5 }, regimen: "50 mg q12h x 4" },
];

export const ownIdr2 = defineCheck([
  { name: "reproduces idr2 (output RESP)", test: (a) => modelAnswer(a.get("idr2Model"), "idr2", { cases: IDR2_CASES, output: "RESP", times: { end: 72, step: 1 } }) },
  // BEGIN HIDDEN
  {
    name: "reproduces idr2 with fast turnover",
    hidden: true,
    test: (a) => modelAnswer(a.get("idr2Model"), "idr2", { cases: [{ params: { KA: 2, CL: 10, V: 50, KIN: 30, KOUT: 3, IMAX: 1, IC50: 5 }, regimen: "500 mg" }], output: "RESP", times: { end: 24, step: 0.5 } }),
  },
  // END HIDDEN
]);

// ---------------------------------------------------------------- 04 PK/PD and tolerance

/** Notebook 04, part 1: the built-in sigmoid_emax model with its defaults, at steady state. */
const REGIMEN_Q12H = { regimen: "600 mg q12h x 14", times: { end: 168, step: 0.25 } };
const LAST_INTERVAL = { from: 156, to: 168 }; // h: the 14th dose's interval

function peakToTrough(output: "CP" | "E"): number {
  const sim = simulate("sigmoid_emax", REGIMEN_Q12H);
  const peak = sim.peak({ output, ...LAST_INTERVAL }).cmax[0];
  const trough = sim.at(LAST_INTERVAL.to).outputs[output][0];
  return peak / trough;
}

export const steadyStateSwing = defineCheck([
  { name: "Cmax/Cmin at steady state", test: (a) => numericAnswer(a.get("concRatio"), peakToTrough("CP"), { unit: "fold", rtol: 0.02 }) },
  {
    name: "Emax/Emin at steady state",
    test: (a) =>
      numericAnswer(a.get("effectRatio"), peakToTrough("E"), {
        unit: "fold",
        rtol: 0.02,
        misconceptions: [{ name: "effect swings like the concentration", message: "That is the concentration's swing. Near and above EC50 the Emax curve flattens, so the effect swings less than the concentration: read the peak and trough of E.", value: peakToTrough("CP") }],
      }),
  },
]);

export const timeAboveEffect = defineCheck([
  {
    name: "hours with E ≥ 80 in the last interval (h)",
    test: (a) => {
      const sim = simulate("sigmoid_emax", REGIMEN_Q12H);
      const ec50 = builtInValue("sigmoid_emax", "EC50");
      return numericAnswer(a.get("hoursAbove80"), { value: sim.timeAbove(80, { output: "E", ...LAST_INTERVAL })[0], unit: "h" }, {
        rtol: 0.02,
        misconceptions: [
          { ...GAMMA_IGNORED, message: "It looks like the threshold concentration was taken as 4·EC50, which holds only for γ = 1: solve the Hill equation with γ.", value: { value: sim.timeAbove(4 * ec50, { output: "CP", ...LAST_INTERVAL })[0], unit: "h" } },
          { name: "EC50 as the target", message: "That is the time above EC50 (50 % of EMAX); the target is 80 %.", value: { value: sim.timeAbove(ec50, { output: "CP", ...LAST_INTERVAL })[0], unit: "h" } },
        ],
      });
    },
  },
]);

/**
 * Notebook 04, part 2: a precursor-pool indirect response (Sharma A, Jusko WJ 1998,
 * doi:10.1046/j.1365-2125.1998.00676.x, list the precursor extension of the basic
 * models): the drug stimulates the release of R from a pool P that refills slowly.
 * PK: the kernel's illustrative one-compartment oral defaults; PD values assumed for teaching.
 */
export const PRECURSOR_MODEL = `$MODEL precursor_pool
$DESCRIPTION Precursor-pool indirect response: the drug stimulates release of the response from a slowly refilled pool (tolerance and rebound)
$REFERENCE Sharma A, Jusko WJ. Br J Clin Pharmacol. 1998;45(3):229-239. doi:10.1046/j.1365-2125.1998.00676.x (precursor extension); values assumed for teaching
$TIME h
$ROUTES
oral = depot
$PARAMETERS
KA = 1.1 : 1/h : absorption rate constant
CL = 6 : L/h : clearance
V = 25 : L : volume of distribution
K0 = 5 : 1/h : zero-order production of the precursor
KP = 0.1 : 1/h : first-order release of the precursor into the response pool
KOUT = 0.5 : 1/h : first-order loss of the response
SMAX = 2 : 1 : maximal fractional stimulation of the release
SC50 = 2 : mg/L : concentration for half the maximal stimulation
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
P : 1 : precursor pool
R : 1 : response
$DERIVED
C = central/V
S = SMAX*C/(SC50 + C)
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V*central
d/dt(P) = K0 - KP*(1 + S)*P
d/dt(R) = KP*(1 + S)*P - KOUT*R
$INIT
P(0) = K0/KP
R(0) = K0/KOUT
$OUTPUTS
CP = C : mg/L : plasma concentration
RESP = R : 1 : response
POOL = P : 1 : precursor pool
`;

const precursor = parseModel(PRECURSOR_MODEL);
const TOLERANCE_REGIMEN = { regimen: "100 mg q12h x 6", times: { end: 120, step: 0.5 } };

/** Rise of the response above baseline after dose 4 over that after dose 1, from a simulation. */
function fourthOverFirst(sim: ReturnType<typeof simulate>, baseline: number): number {
  const first = sim.peak({ output: "RESP", from: 0, to: 12 }).cmax[0];
  const fourth = sim.peak({ output: "RESP", from: 36, to: 48 }).cmax[0];
  return (fourth - baseline) / (first - baseline);
}

export const toleranceRatio = defineCheck([
  {
    name: "response rise after dose 4 / after dose 1",
    test: (a) => {
      const k0 = parameterValue(precursor.parameters, "K0");
      const kout = parameterValue(precursor.parameters, "KOUT");
      const baseline = k0 / kout;
      const reference = fourthOverFirst(simulate(precursor, TOLERANCE_REGIMEN), baseline);
      // The same drug on a plain turnover model (idr3): no pool to deplete, so no tolerance.
      const noPool = simulate("idr3", { ...TOLERANCE_REGIMEN, params: { KIN: k0, KOUT: kout, EMAX: parameterValue(precursor.parameters, "SMAX"), EC50: parameterValue(precursor.parameters, "SC50") } });
      return numericAnswer(a.get("ratio"), reference, {
        unit: "fold",
        rtol: 0.02,
        misconceptions: [{ name: "precursor pool left out", message: "That ratio fits a plain turnover model (idr3), where nothing is depleted. Use the precursor model: the pool has not refilled by the 4th dose.", value: fourthOverFirst(noPool, baseline) }],
      });
    },
  },
]);

/** The inhibition variant the students write: the drug inhibits the release KP·P. */
export const PRECURSOR_INHIBITION_MODEL = PRECURSOR_MODEL.replace("$MODEL precursor_pool", "$MODEL precursor_pool_inhibition")
  .replace("SMAX = 2 : 1 : maximal fractional stimulation of the release", "IMAX = 0.8 : 1 : maximal fractional inhibition of the release")
  .replace("SC50 = 2 : mg/L : concentration for half the maximal stimulation", "IC50 = 2 : mg/L : concentration for half the maximal inhibition")
  .replace("S = SMAX*C/(SC50 + C)", "I = IMAX*C/(IC50 + C)")
  .replace("d/dt(P) = K0 - KP*(1 + S)*P", "d/dt(P) = K0 - KP*(1 - I)*P")
  .replace("d/dt(R) = KP*(1 + S)*P - KOUT*R", "d/dt(R) = KP*(1 - I)*P - KOUT*R");

const INHIBITION_CASES = [
  { params: { KA: 1.1, CL: 6, V: 25, K0: 5, KP: 0.1, KOUT: 0.5, IMAX: 0.8, IC50: 2 }, regimen: "100 mg q12h x 6" },
  { params: { KA: 0.7, CL: 3, V: 40, K0: 2, KP: 0.4, KOUT: 0.2, IMAX: 1, IC50: 0.5 }, regimen: "300 mg" },
];

export const ownPrecursorModel = defineCheck([
  {
    name: "reproduces the inhibition variant (output RESP)",
    test: (a) => modelAnswer(a.get("inhibitionModel"), parseModel(PRECURSOR_INHIBITION_MODEL), { cases: INHIBITION_CASES, output: "RESP", times: { end: 96, step: 1 } }),
  },
]);

export const reboundChoice = choiceCheck("rebound", "B", ["A", "B", "C", "D"], {
  A: { name: "rebound from the drug itself", message: "The drug only stimulates release, and it is almost gone when the response dips: the cause lies in what the stimulation used up." },
  C: { name: "kin/kout changed", message: "KOUT is a constant of the model; nothing in it changes with time. Look at the states, not the parameters." },
  D: { name: "receptor desensitisation", message: "Desensitisation is another mechanism of tolerance, but this model has no receptor state: look at the precursor pool." },
});
