// Concept notes the offline tutor retrieves beside the course's own passages: short
// textbook statements of the ideas the sample course and the model library rest on, each
// with the book or paper it follows. They hold formulas, never an exercise's numbers.
import type { CoursePassage } from "../../retrieval/index.js";

const ROWLAND_TOZER = "Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics: Concepts and Applications, 4th ed. Lippincott Williams & Wilkins; 2011";
const GABRIELSSON_WEINER = "Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and Applications, 5th ed. Swedish Pharmaceutical Press; 2016";
const HOLFORD_SHEINER = "Holford NHG, Sheiner LB. Understanding the dose-effect relationship. Clin Pharmacokinet. 1981;6(6):429-453. doi:10.2165/00003088-198106060-00002";
const SHEINER_1979 = "Sheiner LB, Stanski DR, Vozeh S, Miller RD, Ham J. Simultaneous modeling of pharmacokinetics and pharmacodynamics: application to d-tubocurarine. Clin Pharmacol Ther. 1979;25(3):358-371. doi:10.1002/cpt1979253358";
const DAYNEKA_1993 = "Dayneka NL, Garg V, Jusko WJ. Comparison of four basic models of indirect pharmacodynamic responses. J Pharmacokinet Biopharm. 1993;21(4):457-478. doi:10.1007/BF01061691";
const MAGER_JUSKO_2001 = "Mager DE, Jusko WJ. General pharmacokinetic model for drugs exhibiting target-mediated drug disposition. J Pharmacokinet Pharmacodyn. 2001;28(6):507-532. doi:10.1023/A:1014414520282";
const PMXLAB_DOCS = "pmxlab documentation (docs/models.md, docs/regimens.md, docs/exercises.md)";

const NOTES: [title: string, source: string, text: string][] = [
  [
    "Clearance and the elimination rate constant",
    ROWLAND_TOZER,
    "Clearance CL (L/h) is the volume of plasma cleared of drug per unit time: the elimination rate is CL · C. The elimination rate constant ke (1/h) is the fraction of the amount in the body eliminated per unit time. In a one-compartment model they are linked through the volume of distribution: ke = CL / V, so CL = ke · V. ke and CL are different quantities with different units; using one where the other belongs changes the unit of the result.",
  ],
  [
    "Half-life",
    ROWLAND_TOZER,
    "The half-life t½ is the time for the concentration to fall by half. For first-order elimination C(t) = C0 · e^(−ke·t); setting C(t½) = C0/2 gives t½ = ln 2 / ke ≈ 0.693 / ke = 0.693 · V / CL. The time 1/ke is the mean residence time of an IV bolus (the concentration falls to 1/e ≈ 37 % in that time), not the half-life. About 4 to 5 half-lives are needed to eliminate a dose almost completely or to approach steady state.",
  ],
  [
    "Volume of distribution",
    ROWLAND_TOZER,
    "The volume of distribution V (L) relates the amount of drug in the body to the plasma concentration: C = A / V. Right after an IV bolus the concentration is C0 = Dose / V. A large V means a low initial concentration for a given dose.",
  ],
  [
    "AUC, dose and clearance",
    ROWLAND_TOZER,
    "The area under the concentration–time curve (AUC, e.g. mg·h/L) measures exposure. All of an absorbed dose is eventually eliminated, and the amount eliminated is CL · AUC, so AUC(0–∞) = F · Dose / CL (F = 1 for IV). Exposure is proportional to dose in a linear model. Dividing a dose by a rate constant (1/h) gives mg·h, which is not a concentration-time unit.",
  ],
  [
    "Log and linear concentration axes",
    GABRIELSSON_WEINER,
    "First-order elimination is an exponential decline, which is a straight line on a logarithmic concentration axis: ln C(t) = ln C0 − ke · t, so the slope of ln C against time is −ke (with log10 it is −ke / 2.303). Plot on a log scale to see phases (distribution, elimination, absorption) and to read a terminal slope; on a linear axis the same decline is a curve that flattens near zero. In pmxlab a simulation's plot takes options for the axis scale.",
  ],
  [
    "Bioavailability",
    ROWLAND_TOZER,
    "Bioavailability F is the fraction of an extravascular (e.g. oral) dose that reaches the systemic circulation unchanged; losses come from incomplete absorption and first-pass metabolism. Exposure after an oral dose is AUC = F · Dose / CL. In pmxlab's built-in models the parameter F1 scales doses into compartment 1 (the depot of an oral model); its default is 1, meaning complete availability.",
  ],
  [
    "Weight-based doses",
    ROWLAND_TOZER,
    "A dose prescribed per kilogram (mg/kg) must be multiplied by the patient's body weight (kg) to give the amount in mg. A dose per body surface area (mg/m²) is multiplied by the surface area. In pmxlab a regimen can also be written in mg/kg when the model has a weight covariate WT.",
  ],
  [
    "Dosing interval and counting doses",
    PMXLAB_DOCS,
    "With a dosing interval τ, doses are given at 0, τ, 2τ, …: n doses span n − 1 intervals, so the n-th dose is at (n − 1) · τ (a fence-post count). A pmxlab regimen such as \"100 mg q12h x 3\" means three doses of 100 mg, 12 h apart, at 0, 12 and 24 h; \"for 7 days\" counts the doses that start within 7 days.",
  ],
  [
    "Steady state and accumulation",
    ROWLAND_TOZER,
    "With repeated doses every τ, drug accumulates until the amount eliminated per interval equals the amount absorbed per interval: at steady state the average concentration is Css,avg = F · Dose / (CL · τ). The accumulation ratio for first-order elimination is 1 / (1 − e^(−ke·τ)). The time to reach steady state depends on the half-life (about 4–5 half-lives), not on the dose.",
  ],
  [
    "First-order absorption and flip-flop kinetics",
    GABRIELSSON_WEINER,
    "After an oral dose with first-order absorption (rate constant KA), C(t) = F·Dose·KA / (V·(KA − ke)) · (e^(−ke·t) − e^(−KA·t)) (the Bateman function). Usually KA > ke and the terminal slope on a log axis is −ke. When absorption is slower than elimination (KA < ke), the terminal phase is governed by absorption instead: this is flip-flop kinetics, and a half-life read from the terminal slope is then the absorption half-life ln 2 / KA, not the elimination half-life. An IV dose of the same drug tells the two apart.",
  ],
  [
    "Peak time and peak concentration after an oral dose",
    GABRIELSSON_WEINER,
    "For a one-compartment model with first-order absorption the peak is reached at tmax = ln(KA / ke) / (KA − ke), independent of dose; Cmax scales with F · Dose / V. Faster absorption gives an earlier and higher peak but the same AUC.",
  ],
  [
    "Two- and three-compartment models",
    GABRIELSSON_WEINER,
    "In a two-compartment model drug distributes between a central compartment (V1, where it is measured and eliminated with CL) and a peripheral one (V2), exchanging with the inter-compartmental clearance Q. After an IV bolus the log-concentration curve has two phases: a fast distribution phase (α) and a slower elimination phase (β). A three-compartment model adds a second peripheral compartment (Q3, V3) for a deep, slow distribution phase.",
  ],
  [
    "Units in pmxlab",
    PMXLAB_DOCS,
    "Every number in a pmxlab model has a unit, and every equation is unit-checked: d/dt(x) must have the unit of x per time unit, so −CL/V·central is mg/h for central in mg, CL in L/h and V in L. Mixing mg and ug, or mg/L and ng/mL, is an error, not a silent factor of 1000: 1 mg/L = 1 ug/mL = 1000 ng/mL. Regimen amounts are converted into the unit of the dosed compartment. Check answers accept any unit that converts (30 min equals 0.5 h).",
  ],
  [
    "Direct Emax and sigmoid Emax models",
    HOLFORD_SHEINER,
    "A direct effect model links the effect to the plasma concentration at the same time: E = E0 + EMAX · C / (EC50 + C). EC50 is the concentration giving half the maximum effect; at C = EC50 the drug effect is EMAX/2. The sigmoid (Hill) form E = E0 + EMAX · C^γ / (EC50^γ + C^γ) has a steepness γ. Effect and concentration peak at the same time in a direct model.",
  ],
  [
    "Effect compartment and hysteresis",
    SHEINER_1979,
    "When the effect lags behind the plasma concentration (a counter-clockwise hysteresis loop in an effect-versus-concentration plot), a hypothetical effect compartment links them: dCE/dt = KE0 · (CP − CE), and the effect is a function of CE (for example Emax). KE0 (1/h) sets the delay; the equilibration half-life is ln 2 / KE0. The effect peaks later than the plasma concentration.",
  ],
  [
    "Indirect response models",
    DAYNEKA_1993,
    "Indirect response models describe a response R produced at a zero-order rate KIN and lost at a first-order rate KOUT·R, with baseline R0 = KIN / KOUT. The drug inhibits or stimulates production (types I and III) or loss (types II and IV), for example dR/dt = KIN·(1 − IMAX·C/(IC50 + C)) − KOUT·R for type I. The response changes with a delay set by the turnover rate KOUT, even with no distribution delay.",
  ],
  [
    "Target-mediated drug disposition",
    MAGER_JUSKO_2001,
    "In target-mediated drug disposition (TMDD) the drug binds its pharmacological target (association KON, dissociation KOFF), the drug–target complex is internalised (KINT), and the target turns over (synthesis KSYN, degradation KDEG). At low doses binding removes a large share of the drug, so clearance appears higher and kinetics are nonlinear; at high doses the target is saturated and linear elimination (KEL) dominates. Amounts are usually molar (nmol, nM); mg doses convert through the molecular weight.",
  ],
  [
    "Notebook cells in the tslab kernel",
    PMXLAB_DOCS,
    "Cells run in the order you run them, not the order they appear. After a kernel restart every variable is gone: run the cells above the exercise first. Each cell is type-checked by TypeScript before it runs, so a type error stops the whole cell. Functions that return a Promise need await in front of the call to give their value. In tslab, write { CL: CL, V: V } rather than the shorthand { CL, V } for variables of earlier cells.",
  ],
];

/** A question that makes the student use each note (by title), asked after the note is quoted. */
const QUESTIONS = new Map<string, string>(Object.entries({
  "Clearance and the elimination rate constant": "If V doubled and CL stayed the same, what would happen to ke, and why?",
  "Half-life": "Starting from C0, how much is left after two half-lives, and after one time 1/ke?",
  "Volume of distribution": "If the same dose were given to a patient with twice the volume, how would the initial concentration change?",
  "AUC, dose and clearance": "What happens to the AUC if the dose doubles, and what if the clearance doubles?",
  "Log and linear concentration axes": "On a log axis, what does a straight line tell you about the elimination process?",
  "Bioavailability": "If only a quarter of an oral dose reaches the circulation, how does the AUC compare with the same dose given IV?",
  "Weight-based doses": "What information about the patient do you need to turn a mg/kg prescription into mg?",
  "Dosing interval and counting doses": "If you list the dose times of your regimen one by one, which is the last?",
  "Steady state and accumulation": "Which parameters appear in the formula for the average steady-state concentration, and which do not?",
  "First-order absorption and flip-flop kinetics": "If the terminal slope were set by absorption, how could you tell it from elimination with the data you have?",
  "Peak time and peak concentration after an oral dose": "What happens to tmax when absorption becomes faster, and what happens to the AUC?",
  "Two- and three-compartment models": "On a log plot after an IV bolus, how would you recognise that one compartment is not enough?",
  "Units in pmxlab": "What unit does each term of your equation have?",
  "Direct Emax and sigmoid Emax models": "What fraction of the maximum effect do you expect when the concentration is three times EC50?",
  "Effect compartment and hysteresis": "If KE0 were very large, how would the effect-compartment model behave?",
  "Indirect response models": "Why does the response lag behind the concentration even without an effect compartment?",
  "Target-mediated drug disposition": "Why does clearance look higher at low doses than at high doses in TMDD?",
  "Notebook cells in the tslab kernel": "Which cells must run, and in which order, before the one you are working on?",
}));

/** The concept notes as retrievable passages (course "concepts"), each citing its source. */
export const CONCEPT_NOTES: readonly CoursePassage[] = NOTES.map(([title, source, text], i) => ({
  id: `concepts#${i + 1}`,
  course: "concepts",
  notebook: "concept notes",
  title,
  text,
  source,
}));

/** The follow-up question of a concept note, by its title. */
export function conceptQuestion(title: string): string | undefined {
  return QUESTIONS.get(title);
}
