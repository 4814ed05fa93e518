// What the offline tutor says about a check result: one line per item (a passed item is
// only ticked, since its message repeats the right value) and, for each failed item, the
// explanation of the mistake the check recognised or of the kind of failure.
import type { CheckItemResult, CheckResult } from "@pmxlab/kernel/exercise";
import { matchError } from "./error-catalogue.js";
import { misconceptionNote, UNIT_ERROR_NOTE, type MisconceptionNote } from "./misconceptions.js";

/** The tutor's reading of a check result. */
export interface CheckFeedback {
  /** Markdown bullet lines, one per item. */
  lines: string[];
  /** Explanations for the failed items, first failure first, without repeats. */
  notes: MisconceptionNote[];
  failed: number;
  passed: number;
}

/** Kinds of failure that the check library's messages name, with the tutor's note on each. */
const FAILURE_KINDS: { pattern: RegExp; note: MisconceptionNote }[] = [
  {
    pattern: /no answer yet/,
    note: {
      explain: "The answer variable is still the stub's `undefined`: the exercise cell does not assign it yet.",
      question: "Which line of the cell should give the variable its value?",
      topic: "notebook cells",
    },
  },
  {
    pattern: /The figure is not as asked: ([^\n]*)/,
    note: {
      explain: "The plot was made, but not with the axes the exercise asks for. On a logarithmic concentration axis a first-order decline is a straight line, which is why pharmacokinetic curves are usually shown that way; on a linear axis the same data curve towards zero.",
      question: "Which option of the plot sets the scale of the concentration axis, and which axis titles does the exercise ask for?",
      topic: "log linear concentration axis plot",
    },
  },
  {
    pattern: /cannot be converted to .*a different kind of quantity/,
    note: {
      explain: "The unit of your answer measures a different kind of quantity from the one asked (for example mg/kg is an amount per kilogram of body weight, mg an amount), so no conversion factor can turn one into the other: a step of the calculation is missing.",
      question: "What would you have to multiply or divide your quantity by to arrive at the unit the exercise asks for?",
      topic: "units weight-based doses",
    },
  },
  {
    pattern: /the curve has no value at/,
    note: {
      explain: "The check compares your curve with the reference at the exercise's times, and your simulation has no value at one of them.",
      question: "Which times does the exercise ask for, and which times did you pass to simulate?",
      topic: "simulation times",
    },
  },
  {
    pattern: /differs from the reference|reproduces/,
    note: {
      explain: "Your model compiles and runs, but its concentrations differ from the reference model's for the same parameters and doses: an equation, a compartment the dose enters, or an output differs.",
      question: "For each compartment, what flows in and what flows out, and does each term of your d/dt line say exactly that?",
      topic: "first-order absorption depot central model",
    },
  },
  {
    pattern: /The regimen is not right/,
    note: {
      explain: "The doses your regimen gives (their times, amounts or count) are not the ones the exercise describes.",
      question: "List the dose times your regimen text gives: do they match the prescription?",
      topic: "dosing interval counting doses regimen",
    },
  },
  {
    pattern: /is not right \(allowed error/,
    note: {
      explain: "The value is outside the check's tolerance and matches none of the common mistakes the check knows, so look at the formula and at each number's unit.",
      question: "Which formula links the quantities you were given to the one asked, and what unit does each term have?",
      topic: "",
    },
  },
];

function noteOf(item: CheckItemResult): MisconceptionNote | undefined {
  if (/a unit error/.test(item.message)) return UNIT_ERROR_NOTE;
  if (item.misconception !== undefined) {
    return misconceptionNote(item.misconception) ?? { explain: "", question: "The check's message says what your answer overlooks: which quantity or process does it point you to, and how does that change your answer?", topic: item.name };
  }
  const error = matchError(item.message);
  if (error) return { explain: error.entry.explain(error.match, {}), question: error.entry.question, topic: "" };
  return FAILURE_KINDS.find((k) => k.pattern.test(item.message))?.note;
}

/**
 * A failed item's message without the student's value in front ("7.9 min is not right. …"
 * → "your answer is not right. …"): a value right in another unit would otherwise be
 * repeated next to the unit it fits.
 */
function withoutValue(message: string): string {
  return message.replace(/^.{1,120}? is not right\b/, "your answer is not right");
}

/**
 * The tutor's reading of a check result. Failed items keep the check's own message (the
 * check library words them to name the mistake and never the right value); passed items
 * are ticked without their message.
 */
export function checkFeedback(result: CheckResult): CheckFeedback {
  const lines: string[] = [];
  const notes: MisconceptionNote[] = [];
  let failed = 0;
  // Hidden items are the instructor's grading cases, not shown to students before grading.
  for (const item of result.items.filter((i) => i.hidden !== true)) {
    if (item.passed) {
      lines.push(`- ✓ ${item.name}: passed`);
      continue;
    }
    failed++;
    lines.push(`- ✗ ${item.name}: ${withoutValue(item.message)}`);
    const note = noteOf(item);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return { lines, notes, failed, passed: lines.length - failed };
}
