import { excerpt } from "../data/excerpt.js";

/** The text forms `parseRegimen` accepts, listed in every `RegimenError`. */
export const REGIMEN_FORMS = `accepted forms (docs/regimens.md; amounts in g, mg, ug, ng or mol, mmol, umol, nmol, pmol, per kg or per m2; times in min, h, d or week):
  100 mg                               one dose at time 0
  100 mg q12h x 14                     14 doses, one every 12 h (also qd, bid, tid, qid, qod)
  100 mg bid for 7 days                every dose that starts within 7 days (14 here)
  500 mg over 1h q8h x 9               1-h infusions (or "rate 500 mg/h")
  10 mg/h  |  10 mg/h for 24 h         continuous infusion (to the end, or for 24 h)
  200 mg at 0, 12, 36 h                doses at the listed times (h since the start)
  loading 400 mg then 200 mg q24h x 6  "then" starts one interval after the last dose
  100 mg q12h x 14 ss                  the first dose at steady state
  5 mg/kg iv  |  75 mg/m2 over 1 h     per kg of WT, per m2 of BSA; route iv, oral (po), sc, im
  ... into cmt 2                       the compartment, instead of a route
  blocks are joined by "then" or ";"`

/** Characters of a regimen shown on each side of the offending word. */
const CONTEXT = 60;

/**
 * Regimen text that cannot be read. The message quotes the text, points at the offending
 * word with carets and lists the accepted forms. `index` is the word's 0-based character
 * offset in the text.
 */
export class RegimenError extends Error {
  constructor(
    readonly text: string,
    readonly index: number,
    readonly word: string,
    problem: string,
  ) {
    const where = word ? `"${excerpt(word)}" (character ${index + 1})` : "the end of the text";
    // A long text is shown around the word only (a 5 MB regimen made a 5 MB message).
    const start = Math.max(0, index - CONTEXT);
    const end = Math.min(text.length, index + Math.min(word.length, CONTEXT) + CONTEXT);
    const shown = `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
    const caret = " ".repeat(index - start + (start > 0 ? 1 : 0)) + "^".repeat(Math.min(Math.max(word.length, 1), CONTEXT));
    super(`cannot read regimen: ${problem} at ${where}\n  ${shown}\n  ${caret}\n${REGIMEN_FORMS}`);
    this.name = "RegimenError";
  }
}
