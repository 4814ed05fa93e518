/** 10^0 … 10^22: every one is exact in a double (10^23 is not). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const ascii = new TextDecoder();

/** Significant digits that always fit a double's 53-bit integer (10^15 < 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of the decimal literal in `bytes[start]` … `bytes[end - 1]` (ASCII text such as
 * 1, -2.5, .5, 5., +1e-3, 007): `Number` of that text, without making a string; NaN for
 * any other text (hexadecimal, binary, "Infinity", inner spaces, an empty or lone-sign
 * text, non-ASCII digits), which `Number` would partly read.
 *
 * Why it is exact: a literal with at most 15 significant digits m and a decimal exponent e
 * with |e| ≤ 22 has m and 10^|e| exactly representable, so one IEEE multiplication or
 * division rounds the exact value once, correctly — the value `Number` gives (Clinger's
 * fast path, W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990,
 * doi:10.1145/93542.93557). Any other literal is checked here and read by `Number`.
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = bytes[i];
  if ((c === 45 || c === 43) && i < end) {
    negative = c === 45;
    c = bytes[++i];
  }
  let mantissa = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  let point = false;
  for (; i < end; c = bytes[++i]) {
    if (c === 46 && !point) {
      point = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (point) exponent--;
    if (mantissa !== 0 || d !== 0) {
      significant++;
      mantissa = mantissa * 10 + d;
    }
  }
  if (digits === 0) return NaN;
  if ((c === 101 || c === 69) && i < end) {
    c = bytes[++i];
    let sign = 1;
    if ((c === 45 || c === 43) && i < end) {
      sign = c === 45 ? -1 : 1;
      c = bytes[++i];
    }
    let power = 0;
    let powerDigits = 0;
    for (; i < end; c = bytes[++i]) {
      const d = c - 48;
      if (d < 0 || d > 9) break;
      powerDigits++;
      // Beyond 10^9 the value is 0 or Infinity whatever the mantissa: leave it to Number.
      if (power < 1e9) power = power * 10 + d;
    }
    if (powerDigits === 0) return NaN;
    exponent += sign * power;
  }
  if (i !== end) return NaN;
  if (significant > EXACT_DIGITS || exponent > 22 || exponent < -22) return Number(ascii.decode(bytes.subarray(start, end)));
  const value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
  return negative ? -value : value;
}
