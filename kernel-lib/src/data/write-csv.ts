import Papa from "papaparse";

/**
 * CSV text from a header and rows, as NONMEM reads it: numbers in their shortest
 * round-trip form (`String(x)`, so `Number(text) === x`; −0 is written 0), NaN as ".",
 * strings quoted only when they hold a comma, quote, line break or outer space. Lines end
 * with "\n", including the last. A non-finite number other than NaN throws, naming its
 * row and column.
 *
 * @example
 * toCsv(["ID", "TIME", "DV"], [[1, 0.5, NaN]]); // "ID,TIME,DV\n1,0.5,.\n"
 */
export function toCsv(header: readonly string[], rows: readonly ArrayLike<number | string>[]): string {
  const data = rows.map((row, r) =>
    Array.from(row, (value, c) => {
      if (typeof value === "string") return value;
      if (Number.isNaN(value)) return ".";
      if (!Number.isFinite(value)) throw new Error(`toCsv: row ${r + 1}, column ${header[c] ?? c + 1} is ${value}; CSV cells must be finite numbers, NaN or text`);
      return String(value === 0 ? 0 : value);
    }),
  );
  return Papa.unparse({ fields: [...header], data }, { newline: "\n", quotes: (value: unknown) => typeof value === "string" && value !== value.trim() }) + "\n";
}
