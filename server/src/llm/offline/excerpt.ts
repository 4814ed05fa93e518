// The sentences of a passage that best answer a query, so a quoted source stays short.

const WORD = /[a-z0-9½]+/g;
const COMMON = new Set("the and for are with this that from what how why does which into when then than your you its not can is of to in on at by an or do it be as".split(" "));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 2 && !COMMON.has(w)));
}

/**
 * Up to `max` sentences of `text` sharing the most words with `query`, in their original
 * order (the first sentences when none shares a word).
 * @example excerpt("A is x. B is y. C is z.", "what is B", 1) // "B is y."
 */
export function excerpt(text: string, query: string, max = 2): string {
  // A sentence ends at . ! ? before a space and a capital (so "e.g. oral" and "67.2 L/h" stay whole).
  const sentences = text.replace(/\s+/g, " ").trim().split(/(?<=[.!?])(?<!\b(?:e\.g|i\.e|cf|vs)\.)\s+(?=[A-Z0-9*#(`"'])/).filter(Boolean);
  if (sentences.length <= max) return sentences.join(" ");
  const asked = words(query);
  const scored = sentences.map((s, i) => ({ i, score: [...words(s)].filter((w) => asked.has(w)).length }));
  const best = scored.some((s) => s.score > 0) ? [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, max) : scored.slice(0, max);
  return best.sort((a, b) => a.i - b.i).map((s) => sentences[s.i]).join(" ");
}
