// Shared material of the "Language models in pharmacometrics" course: the drug, the
// language-model drafts the notebooks check, and the Theoph dataset reader. The notebooks
// and checks.ts both import it, so a draft is written once.
//
// THE DRAFTS BELOW ARE NOT REAL MODEL OUTPUT. They were written by the course authors in the
// style of a language model's answer, each with planted errors, so that the course runs with
// no model configured. The tutor's model drafting, where a language model is configured,
// produces texts like these and checks them by the same compile → units → simulate loop.
import { simulatePopulation, type Dataset } from "@pmxlab/kernel";
import { readShippedDataset } from "@pmxlab/kernel/node";

/**
 * Theophylline in an adult, from the nlme fit of the Theoph data (Pinheiro JC, Bates DM (2000),
 * Mixed-Effects Models in S and S-PLUS, Springer, §8.2, doi:10.1007/b98882): CL 0.040 L/h/kg
 * and V 0.46 L/kg for 70 kg, KA 1.5 1/h — the values of courses/pk-basics.
 */
export const THEOPHYLLINE = { KA: 1.5 /* 1/h */, CL: 2.8 /* L/h */, V: 32 /* L */ };

/** The oral dose of the exercises: 320 mg, what subject 1 of the Theoph study took (4.02 mg/kg × 79.6 kg). */
export const DOSE_MG = 320;

const HEADER = `# LLM-drafted model text, written for this course in the style of a language model's answer.
# It contains planted errors. Do not use it without checking it.
$MODEL theophylline_oral
$DESCRIPTION One-compartment model with first-order absorption for oral theophylline
$REFERENCE Pinheiro JC, Bates DM. Mixed-Effects Models in S and S-PLUS. Springer; 2000. doi:10.1007/b98882
`;

// Every draft declares the parameters the request named, as a language model copies them from the prompt.
const PARAMETERS = `$PARAMETERS
KA = ${THEOPHYLLINE.KA} : 1/h : absorption rate constant
CL = ${THEOPHYLLINE.CL} : L/h : clearance
V = ${THEOPHYLLINE.V} : L : volume of distribution
`;

/** Draft A: the prompt asked for a one-compartment oral model with KA, CL and V. */
export const DRAFT_A = `${HEADER}$ROUTES
oral = depot
${PARAMETERS}$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - KEL*central
$OUTPUTS
CP = central/V : mg/L : theophylline concentration
`;

/** Draft B: the same request, with concentrations asked for in ng/mL. */
export const DRAFT_B = `${HEADER}$ROUTES
oral = depot
${PARAMETERS}$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL*V*central
$OUTPUTS
CP = central/V : ng/mL : theophylline concentration
`;

/** Draft C: the same request, answered more briefly. */
export const DRAFT_C = `${HEADER}$ROUTES
oral = central
${PARAMETERS}$COMPARTMENTS
central : mg : central compartment
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = central/V : mg/L : theophylline concentration
`;

/** Draft D: the same request, after a follow-up prompt asked for "a cleaner ODE block". */
export const DRAFT_D = `${HEADER}$ROUTES
oral = depot
${PARAMETERS}$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V*depot
$OUTPUTS
CP = central/V : mg/L : theophylline concentration
`;

/** One row of the drafted literature table of notebook 02. */
export interface DraftedRow {
  row: string;
  quantity: string;
  value: number;
  unit: string;
  source: string;
}

/**
 * The "literature table" a language model might draft for theophylline in adults — written
 * for this course, with planted errors. Rows A, B and D repeat Pinheiro & Bates (2000); the
 * others are the exercise.
 */
export const DRAFTED_TABLE: readonly DraftedRow[] = [
  { row: "A", quantity: "clearance CL", value: 2.8, unit: "L/h", source: "Pinheiro JC, Bates DM (2000). Mixed-Effects Models in S and S-PLUS. Springer. doi:10.1007/b98882" },
  { row: "B", quantity: "volume of distribution V", value: 32, unit: "L", source: "Pinheiro JC, Bates DM (2000), as row A" },
  { row: "C", quantity: "elimination half-life t½", value: 24, unit: "h", source: "Hartmann K, Lindqvist P (2017). Theophylline disposition revisited. Clin Pharmacokinet 56:1123–1131. doi:10.1007/s40262-017-0999-x" },
  { row: "D", quantity: "absorption rate constant KA", value: 1.5, unit: "1/h", source: "Pinheiro JC, Bates DM (2000), as row A" },
  { row: "E", quantity: "oral bioavailability F", value: 1.4, unit: "1", source: "Hartmann K, Lindqvist P (2017), as row C" },
];

/** The drafted table's value of a row, by letter. */
export function drafted(row: string): DraftedRow {
  const found = DRAFTED_TABLE.find((r) => r.row === row);
  if (!found) throw new Error(`the drafted table has no row ${row}`);
  return found;
}

/**
 * The Theoph dataset (datasets/theoph.csv: 12 subjects, oral theophylline, Boeckmann, Sheiner
 * & Beal 1994), found by @pmxlab/kernel/node's shippedDatasetPath, so the course, its released
 * copy (one folder deeper) and a hub home all find it.
 */
export function theophDataset(): Dataset {
  return readShippedDataset("theoph.csv");
}

/** Notebook 03 fits the population model to Theoph subjects 1–6 and validates it on 7–12. */
export const TRAINING_IDS = [1, 2, 3, 4, 5, 6];
export const HELD_OUT_IDS = [7, 8, 9, 10, 11, 12];

/** The subjects of a dataset whose ID is in `ids`. */
export function subjectsOf(data: Dataset, ids: readonly number[]): Dataset {
  return { covariates: data.covariates, subjects: data.subjects.filter((s) => ids.includes(s.id)) };
}

/** Population parameters as `fitSaem` reports them: typical values, variances of η, residual variance. */
export interface PopulationParameters {
  theta: Record<string, number>;
  omega: Record<string, number>;
  sigma: Record<string, number>;
}

/** The raw material of a predictive check: a dataset's observations and simulated replicates of them. */
export interface PredictiveSimulations {
  /** Observed rows (EVID 0, MDV 0), subject by subject in record order: time (h) and DV (mg/L). */
  time: number[];
  dv: number[];
  /** `replicates[r][i]`: replicate r's simulated DV (with residual error) at observed row i. */
  replicates: Float64Array[];
}

/**
 * Simulates `n` replicates of every subject of `data` (its own doses and sampling times) from a
 * one-compartment oral population model (pk1cmt_oral, log-normal η, the fit's residual error),
 * seeded, so a check and a notebook get the same numbers.
 */
export function predictiveSimulations(fit: PopulationParameters, data: Dataset, n = 500, seed = 13): PredictiveSimulations {
  const time: number[] = [];
  const dv: number[] = [];
  const replicates = Array.from({ length: n }, () => [] as number[]);
  for (const subject of data.subjects) {
    const observed = subject.records.filter((r) => r.evid === 0 && r.mdv === 0);
    const pop = simulatePopulation("pk1cmt_oral", { data: subjectsOf(data, [subject.id]), n, seed, params: fit.theta, omega: fit.omega, sigma: fit.sigma }, { keep: "all" });
    const rows = pop.times.length;
    if (rows !== observed.length) throw new Error(`subject ${subject.id}: ${rows} simulated rows for ${observed.length} observations`);
    for (const r of observed) {
      time.push(r.time);
      dv.push(r.dv);
    }
    for (let s = 0; s < n; s++) for (let k = 0; k < rows; k++) replicates[s].push(pop.dv![s * rows + k]);
  }
  return { time, dv, replicates: replicates.map((r) => Float64Array.from(r)) };
}
