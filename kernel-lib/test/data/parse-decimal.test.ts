import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../src/data/parse-decimal.js";

/** The reference: what `Number` reads, for text that is a decimal literal by ECMAScript's grammar. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const reference = (text: string): number => (DECIMAL.test(text) ? Number(text) : NaN);
const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);
const read = (text: string): number => parseDecimal(bytes(text), 0, bytes(text).length);

describe("parseDecimal", () => {
  it("reads decimal literals as Number does, bit for bit (sign of zero included)", () => {
    const cases = [
      "0", "-0", "+0", "007", "1", "-2.5", ".5", "5.", "+.5e-3", "-0.0e+5", "1e22", "1e23", "9007199254740993",
      "0.1", "0.30000000000000004", "123456789012345", "1234567890123456", "1.7976931348623157e308", "1e309",
      "-1e400", "5e-324", "2e-324", "2.2250738585072014e-308", "4.9406564584124654e-324", "1e-400", "0e99999999999",
      "0.000000000000000000000001e25", "100.001", "3.14159265358979323846264338327950288",
    ];
    for (const text of cases) expect(Object.is(read(text), Number(text)), text).toBe(true);
  });

  it("refuses what Number reads but a decimal literal is not, and text that is not a number", () => {
    for (const text of ["", ".", "-", "+", "e5", ".e5", "1e", "1e+", "0x10", "0b1", "0o7", "Infinity", "-Infinity", "NaN", "1 2", "1,5", "--1", "1.2.3", "1e5.5", "١"]) {
      expect(read(text), text).toBeNaN();
    }
  });

  it("reads only its range of a longer text", () => {
    expect(read("x")).toBeNaN();
    expect(parseDecimal(bytes("ID,12.5,-3"), 3, 7)).toBe(12.5);
    expect(parseDecimal(bytes("1-2"), 0, 1)).toBe(1);
    expect(parseDecimal(bytes("1e-5"), 0, 2)).toBeNaN(); // "1e"
  });

  it("agrees with Number on the shortest text of random doubles (tiny, huge, negative, subnormal)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x); // "0" for -0 too
        expect(Object.is(read(text), x === 0 ? 0 : x)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with Number on random decimal-looking text", () => {
    const digits = fc.stringMatching(/^\d{0,20}$/);
    const literal = fc
      .tuple(fc.constantFrom("", "+", "-"), digits, fc.constantFrom("", "."), digits, fc.constantFrom("", "e", "E", "e-", "e+"), fc.stringMatching(/^\d{0,4}$/))
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(literal, (text) => {
        expect(Object.is(read(text), reference(text)), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
