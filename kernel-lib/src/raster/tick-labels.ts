/**
 * Internal: labels for tick values. Linear axes show every tick with as many decimals as the
 * step between ticks needs (0, 0.5, 1.0 → "0.0", "0.5", "1.0"); log axes and very large or
 * small values use the shortest exact form, with an exponent beyond 10⁶ or below 10⁻⁴ ("1e-5").
 *
 * @example
 * tickLabels([0, 0.5, 1], false); // ["0.0", "0.5", "1.0"]
 * tickLabels([0.01, 1, 100], true); // ["0.01", "1", "100"]
 */
export function tickLabels(values: readonly number[], log: boolean): string[] {
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : 0;
  const largest = Math.max(...values.map(Math.abs));
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
  const plain = !log && step > 0 && largest < 1e6 && decimals <= 4;
  return values.map((v) => (plain ? v.toFixed(decimals) : shortest(v)));
}

function shortest(value: number): string {
  const magnitude = Math.abs(value);
  if (value === 0 || (magnitude >= 1e-4 && magnitude < 1e6)) return String(+value.toPrecision(6));
  const [mantissa, exponent] = value.toExponential().split("e");
  return `${+(+mantissa).toPrecision(6)}e${exponent.replace("+", "")}`;
}
