import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRowBytes } from "../../src/data/index.js";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
/** The reference: each number's String form (NaN as ".", −0 as "0"), joined by hand. */
const reference = (columns: Float64Array[], start: number, end: number): string => {
  let out = "";
  for (let r = start; r < end; r++) out += columns.map((c) => (Number.isNaN(c[r]) ? "." : String(c[r] === 0 ? 0 : c[r]))).join(",") + "\n";
  return out;
};

describe("csvRowBytes", () => {
  it("writes whole numbers at and beyond the 32-bit edges as String does", () => {
    const edges = [0, -0, 1, -1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) + 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e15, 1e21 - 65536, 1e21, 1e22, 123456789];
    const column = Float64Array.from(edges);
    expect(text(csvRowBytes([column], 0, column.length))).toBe(edges.map((v) => String(v === 0 ? 0 : v)).join("\n") + "\n");
  });

  it("writes random 32-bit integers and random doubles of every size (subnormal to huge, either sign) exactly as String does, and they read back bit for bit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.double({ noDefaultInfinity: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 50 }),
        (rows) => {
          const columns = [0, 1, 2].map((c) => Float64Array.from(rows, (row) => row[c]));
          const written = text(csvRowBytes(columns, 0, rows.length));
          expect(written).toBe(reference(columns, 0, rows.length));
          const back = written.trimEnd().split("\n").map((line) => line.split(",").map((cell) => (cell === "." ? NaN : Number(cell))));
          back.forEach((row, r) => row.forEach((value, c) => expect(Object.is(value, columns[c][r] === 0 ? 0 : columns[c][r])).toBe(true)));
        },
      ),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it("writes only rows start to end − 1, and nothing for an empty range", () => {
    const columns = [Float64Array.of(1, 2, 3), Float64Array.of(0.5, NaN, -2.25)];
    expect(text(csvRowBytes(columns, 1, 3))).toBe("2,.\n3,-2.25\n");
    expect(csvRowBytes(columns, 2, 2).length).toBe(0);
  });

  it("refuses an infinite value, naming its row and column", () => {
    expect(() => csvRowBytes([Float64Array.of(1, 2), Float64Array.of(0, Infinity)], 0, 2, ["TIME", "CP"])).toThrow("toCsv: row 2, column CP is Infinity");
    expect(() => csvRowBytes([Float64Array.of(-Infinity)], 0, 1)).toThrow("toCsv: row 1, column 1 is -Infinity");
  });
});
