import type { CheckResult } from "./types.js";

/**
 * A check result as text, one line per item with ✓ or ✗, e.g.
 * "✗ 1/2 — ✓ units; ✗ half-life: … ln 2 is missing …".
 */
export function summaryText(result: CheckResult): string {
  const passed = result.items.filter((i) => i.passed).length;
  const lines = result.items.map((i) => `${i.passed ? "✓" : "✗"} ${i.name}: ${i.message}`);
  return [`${result.passed ? "✓ passed" : "✗ not yet"} (${passed}/${result.items.length})`, ...lines].join("\n");
}
