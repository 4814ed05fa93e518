import type { ReadonlyPartialJSONValue } from "@lumino/coreutils";

/** One item of a check result, as stored in the cell. */
export interface StoredItem {
  name: string;
  passed: boolean;
  message: string;
  misconception?: string;
}

/**
 * What *Check* keeps in the cell metadata `pmxlab.check` (DESIGN.md): the last result, how
 * many times the student checked, when, and a hash of the code checked.
 */
export interface CheckState {
  exercise: string;
  result: { passed: boolean; score: number; items: StoredItem[] };
  attempts: number;
  /** ISO 8601 time of the check. */
  time: string;
  /** SHA-256 (hex) of the cell source that was checked. */
  codeHash: string;
}

/** The stored state, or undefined when the value is not one (never checked, or malformed). */
export function readCheckState(value: ReadonlyPartialJSONValue | undefined): CheckState | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as unknown as CheckState;
  const ok = typeof v.exercise === "string" && typeof v.attempts === "number" && typeof v.result === "object" && v.result !== null && Array.isArray(v.result.items);
  return ok ? v : undefined;
}

/** SHA-256 of text as hex (Web Crypto; JupyterLab pages are secure contexts, localhost included). */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
