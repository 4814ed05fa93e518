// The number guard: a number in a reply, in a unit a grounding tool computed in, must be one
// of the computed values or a number the student's own material contains. Otherwise it
// contradicts the kernel: it is corrected when there is exactly one computed value of that
// unit to put in its place, and the reply is withheld when it is ambiguous.
import type { ComputedValue } from "../tutor/types.js";
import { formatValue, normaliseUnit, numbersIn, sameNumber, type NumberInText } from "./numbers.js";

export interface NumberGuardResult {
  /** The reply to show: unchanged, corrected, or the withholding message. */
  text: string;
  contradictions: { stated: string; computed: ComputedValue[] }[];
  action: "none" | "corrected" | "withheld";
  notice?: string;
}

/**
 * Checks a reply's numbers against what the tools computed.
 *
 * @param known numbers the student's own material states (code, question, check messages,
 *   exercise text): quoting them is not a contradiction.
 * @example
 * checkNumbers("C(2 h) = 2.5 mg/L", [{ label: "CP at 2 h", value: 1.637, unit: "mg/L" }], []).text; // "C(2 h) = 1.64 mg/L"
 */
export function checkNumbers(reply: string, computed: readonly ComputedValue[], known: readonly number[]): NumberGuardResult {
  const byUnit = new Map<string, ComputedValue[]>();
  for (const c of computed) {
    const unit = normaliseUnit(c.unit);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), c]);
  }
  const wrong: { found: NumberInText; candidates: ComputedValue[] }[] = [];
  for (const found of numbersIn(reply)) {
    const candidates = found.unit === undefined ? undefined : byUnit.get(found.unit);
    if (!candidates) continue;
    if (candidates.some((c) => sameNumber(found, c.value)) || known.some((k) => sameNumber(found, k))) continue;
    wrong.push({ found, candidates });
  }
  const contradictions = wrong.map((w) => ({ stated: w.found.text, computed: w.candidates }));
  if (wrong.length === 0) return { text: reply, contradictions, action: "none" };

  const listed = computed.map((c) => `- ${c.label}: ${formatValue(c.value)} ${c.unit}`).join("\n");
  if (wrong.every((w) => w.candidates.length === 1)) {
    let text = reply;
    // Right to left, so earlier indices stay valid.
    for (const w of [...wrong].sort((a, b) => b.found.index - a.found.index)) {
      const c = w.candidates[0]!;
      text = `${text.slice(0, w.found.index)}${formatValue(c.value)} ${c.unit}${text.slice(w.found.index + w.found.text.length)}`;
    }
    const said = wrong.map((w) => `${w.found.text} → ${formatValue(w.candidates[0]!.value)} ${w.candidates[0]!.unit}`).join(", ");
    return { text, contradictions, action: "corrected", notice: `Corrected a number that contradicted pmxlab's computation (${said}).` };
  }
  return {
    text: `The tutor's reply was withheld: it stated ${wrong.map((w) => w.found.text).join(", ")}, which contradicts what pmxlab computed:\n${listed}`,
    contradictions,
    action: "withheld",
    notice: "Withheld a reply whose numbers contradicted pmxlab's computation.",
  };
}
