/** Rounds away the binary noise of k·step (0.1 · 3 = 0.30000000000000004). */
const clean = (x: number): number => +x.toPrecision(12);

/**
 * Tick values of a linear axis on [min, max]: multiples of a "nice" step 1, 2 or 5 × 10ᵏ,
 * the step chosen so that about `target` intervals span the range (Heckbert P. Nice numbers
 * for graph labels. Graphics Gems, 1990: the raw step range/target is rounded to 1 below
 * 1.5, 2 below 3, 5 below 7, else 10). Only ticks inside [min, max] are returned.
 *
 * @example
 * niceTicks(0, 10.5, 5);  // [0, 2, 4, 6, 8, 10]
 * niceTicks(0.13, 0.87, 4); // [0.2, 0.4, 0.6, 0.8]
 */
export function niceTicks(min: number, max: number, target: number): number[] {
  if (!(max > min) || !Number.isFinite(max - min)) return Number.isFinite(min) ? [min] : [];
  const raw = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / magnitude;
  const step = (ratio < 1.5 ? 1 : ratio < 3 ? 2 : ratio < 7 ? 5 : 10) * magnitude;
  const ticks: number[] = [];
  // A tick that rounding puts a hair outside the range still belongs to it.
  const slack = step * 1e-9;
  for (let k = Math.ceil((min - slack) / step); k * step <= max + slack; k++) ticks.push(clean(k * step));
  return ticks;
}

/**
 * Tick values of a log axis on [min, max] (both > 0): the powers of ten inside it; when fewer
 * than three fit, also 2 and 5 times each power (as plotly does on short log ranges), and if
 * that still gives fewer than three, every whole multiple 1–9 of each power (and on a range
 * too narrow for two of those, the linear {@link niceTicks}); when more than
 * `target` powers fit, every second, third… power so that at most `target` remain.
 *
 * @example
 * logTicks(0.5, 200, 6);  // [1, 10, 100]
 * logTicks(1, 30, 6);     // [1, 2, 5, 10, 20]
 * logTicks(1.3, 8, 6);    // [2, 3, 4, 5, 6, 7, 8]
 * logTicks(1e-3, 1e6, 5); // [0.001, 0.1, 10, 1000, 100000]
 */
export function logTicks(min: number, max: number, target: number): number[] {
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const decades = last - first + 1;
  if (decades >= 3) {
    const every = Math.ceil(decades / target);
    const ticks: number[] = [];
    for (let k = first; k <= last; k += every) ticks.push(clean(10 ** k));
    return ticks;
  }
  const coarse = multiples(min, max, [1, 2, 5]);
  if (coarse.length >= 3) return coarse;
  const fine = multiples(min, max, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return fine.length >= 2 ? fine : niceTicks(min, max, target);
}

/** m × 10ᵏ for each mantissa m, inside [min, max]. */
function multiples(min: number, max: number, mantissas: number[]): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of mantissas) {
      const value = clean(m * 10 ** k);
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}
