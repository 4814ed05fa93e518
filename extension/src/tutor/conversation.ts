import type { ReadonlyPartialJSONValue } from "@lumino/coreutils";

/** A number the server's kernel computed for a reply (shown as "computed"). */
export interface ComputedNumber {
  label: string;
  value: number;
  unit: string;
}

/** One turn of the conversation as kept in the cell. */
export interface StoredTurn {
  role: "student" | "tutor";
  text: string;
  /** Tutor turns: which backend answered ("offline", "openai:<model>", "gguf:<file>"). */
  backend?: string;
  /** Tutor turns: set when a guard or a fallback changed the reply. */
  notice?: string;
  computed?: ComputedNumber[];
}

/**
 * What a tutor cell keeps in its metadata `pmxlab.tutor` (DESIGN.md): the exercise it is
 * about, the hint level reached and the turns. Saved in the .ipynb; co-editors see it live.
 */
export interface TutorState {
  exercise?: string;
  hintLevel: number;
  turns: StoredTurn[];
}

/** The stored state, or undefined when the value is not one. Malformed turns are dropped. */
export function readTutorState(value: ReadonlyPartialJSONValue | undefined): TutorState | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as { exercise?: unknown; hintLevel?: unknown; turns?: unknown };
  const turns = Array.isArray(v.turns) ? v.turns.filter(isTurn) : [];
  const state: TutorState = { hintLevel: typeof v.hintLevel === "number" && v.hintLevel >= 0 ? v.hintLevel : 0, turns };
  if (typeof v.exercise === "string") state.exercise = v.exercise;
  return state;
}

/** The state as JSON for the cell-state API (undefined fields left out). */
export function tutorStateJson(state: TutorState): ReadonlyPartialJSONValue {
  return JSON.parse(JSON.stringify(state)) as ReadonlyPartialJSONValue;
}

function isTurn(t: unknown): t is StoredTurn {
  const turn = t as StoredTurn;
  return typeof t === "object" && t !== null && (turn.role === "student" || turn.role === "tutor") && typeof turn.text === "string";
}
