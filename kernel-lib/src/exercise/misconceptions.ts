/**
 * A wrong answer that a common mistake produces, and what to tell the student who gives it.
 * `value` is computed by the check author with @pmxlab/kernel, by making the mistake on
 * purpose (e.g. the half-life without ln 2); the message names the mistake and never the
 * right value.
 */
export interface Misconception<V = unknown> {
  name: string;
  message: string;
  value: V;
}

/**
 * The mistakes every course meets, with feedback that names the mistake without giving
 * the right value. Use through {@link mistake}.
 */
export const COMMON_MISTAKES = {
  doseNotPerKg: {
    name: "dose not converted from mg/kg",
    message: "It looks like the dose was not converted from mg/kg: multiply the mg/kg dose by this patient's body weight to get mg.",
  },
  keForCl: {
    name: "ke used for CL",
    message: "It looks like the elimination rate constant ke (1/h) was used where clearance CL (L/h) belongs: clearance is ke · V.",
  },
  ln2Forgotten: {
    name: "ln 2 forgotten",
    message: "It looks like ln 2 is missing: a half-life is ln 2 / ke (ln 2 ≈ 0.693), not 1 / ke.",
  },
  fIgnored: {
    name: "F ignored",
    message: "It looks like bioavailability F was left out: only the fraction F of an oral dose reaches the circulation.",
  },
  tauOffByOne: {
    name: "τ off by one interval",
    message: "It looks like the count of dosing intervals is off by one: n doses are n − 1 intervals τ apart, and the n-th dose is given at (n − 1) · τ.",
  },
  hoursVsMinutes: {
    name: "hours vs minutes",
    message: "It looks like hours and minutes were mixed up (a factor of 60): check the time unit of each number.",
  },
} as const;

/** The name of a mistake in {@link COMMON_MISTAKES}. */
export type CommonMistake = keyof typeof COMMON_MISTAKES;

/**
 * A {@link Misconception} for one of the {@link COMMON_MISTAKES}, with the wrong value it
 * produces in this exercise.
 *
 * @example
 * const ke = CL / V;
 * numericAnswer(answer, { value: Math.LN2 / ke, unit: "h" }, { misconceptions: [mistake("ln2Forgotten", { value: 1 / ke, unit: "h" })] });
 */
export function mistake<V>(kind: CommonMistake, value: V): Misconception<V> {
  const known = COMMON_MISTAKES[kind];
  if (!Object.prototype.hasOwnProperty.call(COMMON_MISTAKES, kind)) {
    throw new Error(`unknown mistake "${String(kind)}"; known: ${Object.keys(COMMON_MISTAKES).join(", ")}`);
  }
  return { name: known.name, message: known.message, value };
}
