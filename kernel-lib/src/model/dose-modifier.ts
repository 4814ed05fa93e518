/**
 * Dose modifiers: a parameter or covariate named `F<cmt>` scales the amount of every dose into
 * compartment `cmt` (bioavailability, default 1), one named `ALAG<cmt>` delays it (lag time,
 * default 0). The event timeline reads them from the parameter vector at each dose record, so
 * the model compiler refuses them as derived values or outputs, the simulation keys its
 * timeline cache on them and the sensitivity analysis differentiates them by finite
 * differences. This is the one place that says what such a name looks like.
 *
 * @example
 * doseModifier("ALAG2"); // { kind: "ALAG", cmt: 2 }
 * doseModifier("FA");    // undefined
 */
export function doseModifier(name: string): { kind: "F" | "ALAG"; cmt: number } | undefined {
  const match = /^(F|ALAG)(\d+)$/.exec(name);
  return match ? { kind: match[1] as "F" | "ALAG", cmt: Number(match[2]) } : undefined;
}

/** True when `name` has the form of a dose modifier, `F<cmt>` or `ALAG<cmt>` (see `doseModifier`). */
export function isDoseModifier(name: string): boolean {
  return doseModifier(name) !== undefined;
}
