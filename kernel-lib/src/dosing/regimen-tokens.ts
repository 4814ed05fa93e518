/** One word of regimen text: a number, a word, or a single symbol. */
export interface Token {
  text: string;
  /** Lower-cased text, for matching keywords and units. */
  key: string;
  kind: "number" | "word" | "symbol";
  /** 0-based character offset in the text. */
  index: number;
}

// Digits and letters split apart so "q12h", "x14" and "100mg" read like "q 12 h", "x 14", "100 mg".
const TOKEN = /\d+(?:\.\d+)?|\.\d+|[a-z\u00b5\u03bc]+|\S/giu;

/** Splits regimen text into tokens (internal to the regimen parser). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const kind = /^\.?\d/.test(word) ? "number" : /^[a-z\u00b5\u03bc]/iu.test(word) ? "word" : "symbol";
    tokens.push({ text: word, key: word.toLowerCase(), kind, index: m.index ?? 0 });
  }
  return tokens;
}
