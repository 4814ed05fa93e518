// Why each common mistake happens and a question that leads the student to find it. Keyed
// by the names the check library gives (COMMON_MISTAKES), so a renamed mistake is a type
// error here rather than a silent miss. Explanations state the concept, never the value.
import { COMMON_MISTAKES } from "@pmxlab/kernel/exercise";

/** The offline tutor's words on one recognised mistake. */
export interface MisconceptionNote {
  explain: string;
  question: string;
  /** Words to retrieve the matching concept note with. */
  topic: string;
}

const NOTES: Record<keyof typeof COMMON_MISTAKES, MisconceptionNote> = {
  ln2Forgotten: {
    explain: "1/ke is the time for the concentration to fall to 1/e (about 37 %) of its value, the mean residence time, not the time to fall to one half. The half-life comes from solving e^(−ke·t) = 1/2.",
    question: "If you take the natural logarithm of both sides of e^(−ke·t½) = 1/2, which constant appears next to 1/ke?",
    topic: "half-life ln 2 elimination rate constant",
  },
  keForCl: {
    explain: "ke (1/h) is the fraction of the drug eliminated per hour; clearance CL (L/h) is the volume cleared per hour. Exposure follows from the amount eliminated, CL · AUC, so dividing a dose by ke gives a quantity in mg·h, not mg·h/L.",
    question: "What unit does your expression have, and what unit must an AUC have?",
    topic: "AUC dose clearance",
  },
  doseNotPerKg: {
    explain: "A dose in mg/kg is a dose for each kilogram of the patient's body weight, so the amount to give depends on the patient.",
    question: "How much does this patient weigh, and what does 'per kilogram' ask you to do with that weight?",
    topic: "weight-based doses mg/kg",
  },
  fIgnored: {
    explain: "Only the fraction F of an oral dose reaches the systemic circulation, so the concentrations of an oral dose are scaled by F. In the built-in models, F1 is that fraction for doses into compartment 1 and its default is 1 (everything absorbed).",
    question: "Which parameter of the model scales the dose that enters the depot, and what value did your simulation use for it?",
    topic: "bioavailability F1 oral",
  },
  tauOffByOne: {
    explain: "Counting doses and counting intervals differ by one (a fence-post count): the first dose is at time 0, so n doses span n − 1 intervals.",
    question: "Write the dose times one by one, starting at 0: which is the last one inside the period the exercise describes?",
    topic: "dosing interval counting doses",
  },
  hoursVsMinutes: {
    explain: "A factor of 60 between your answer and the expected one points at hours and minutes being mixed up somewhere in the calculation.",
    question: "In which time unit is each number you used, and in which unit does the exercise ask for the result?",
    topic: "units time",
  },
};

const BY_NAME = new Map<string, MisconceptionNote>(Object.entries(NOTES).map(([kind, note]) => [COMMON_MISTAKES[kind as keyof typeof COMMON_MISTAKES].name, note]));

/** The tutor's note for a mistake named by a check item (undefined for an author's own misconception). */
export function misconceptionNote(name: string): MisconceptionNote | undefined {
  return BY_NAME.get(name);
}

/** A unit error reported by numericAnswer ("a unit error — the number fits …"). */
export const UNIT_ERROR_NOTE: MisconceptionNote = {
  explain: "Your number would be right in another unit: the value and the unit you wrote do not belong together. pmxlab compares quantities with their units, so 5 mg/L and 5000 ng/mL are the same answer, but 5 ng/mL written as 5 mg/L is 1000-fold off.",
  question: "In which unit did your calculation produce this number, and did you write that unit (or convert to the one you wrote)?",
  topic: "units conversion mg/L ng/mL",
};
