// The sentences of a passage that best answer a query, so a quoted source stays short.

const WORD = /[a-z0-9½]+/g;
const COMMON = new Set("the and for are with this that from what how why does which into when then than your you its not can".split(" "));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2 && !COMMON.has(w)));
}

/**
 * Up to `max` sentences of `text` sharing the most words with `query`, in their original
 * order (the first sentences when none shares a word).
 * @example excerpt("A is x. B is y. C is z.", "what is B", 1) // "B is y."
 */
export function excerpt(text: string, query: string, max = 2): string {
  const sentences = text.replace(/\s+/g, " ").trim().match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  if (sentences.length <= max) return sentences.join(" ");
  const asked = words(query);
  const scored = sentences.map((s, i) => ({ i, score: [...words(s)].filter((w) => asked.has(w)).length }));
  const best = scored.some((s) => s.score > 0) ? [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, max) : scored.slice(0, max);
  return best.sort((a, b) => a.i - b.i).map((s) => sentences[s.i]).join(" ");
}
