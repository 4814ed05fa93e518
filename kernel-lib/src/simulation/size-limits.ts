/**
 * Most points an evenly spaced time grid (`times: { start, end, step }`) may have: one million
 * (hourly for 114 years; 8 MB per result column, and one event record each). A grid beyond it is refused before anything is allocated
 * (`end: 1e8, step: 1` grew past 4 GB; `end: 1e9, step: 1e-6` threw a raw RangeError).
 */
export const MAX_GRID_POINTS = 1_000_000;

/**
 * Most bytes the result columns of one `simulate` call may take: 2 GiB (2^31 bytes). A larger
 * run is refused up front with the size it would need; populations stream their subjects in
 * chunks and have a bound of their own (`MAX_POPULATION_BYTES`).
 */
export const MAX_RESULT_BYTES = 2 ** 31;

/** A byte count for messages: "13.5 GB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : +value.toPrecision(3)} ${units[unit]}`;
}

/**
 * The number of points of the grid start, start + step, …, ≤ end, refused (an Error giving the
 * count and the smallest step that fits) above {@link MAX_GRID_POINTS}.
 *
 * @example gridPoints(0, 336, 1); // 337
 */
export function gridPoints(start: number, end: number, step: number): number {
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (!(count <= MAX_GRID_POINTS)) {
    const minimum = (end - start) / (MAX_GRID_POINTS - 1);
    throw new RangeError(
      `time grid from ${start} to ${end} by ${step} has ${count.toLocaleString("en-US")} points, above the limit of ` +
        `${MAX_GRID_POINTS.toLocaleString("en-US")} (${formatBytes(count * 8)} per result column); use a step of at least ${+minimum.toPrecision(3)} or give the times as an array`,
    );
  }
  return count;
}

/**
 * Refuses result columns beyond {@link MAX_RESULT_BYTES}: `rows` rows of `columns` Float64
 * columns, for `subjects` subjects.
 */
export function checkResultSize(rows: number, columns: number, subjects: number): void {
  const bytes = rows * columns * 8;
  if (bytes > MAX_RESULT_BYTES) {
    throw new RangeError(
      `the result would need ${formatBytes(bytes)} (${rows.toLocaleString("en-US")} rows × ${columns} columns × 8 bytes, ${subjects.toLocaleString("en-US")} subject(s)), ` +
        `above the limit of ${formatBytes(MAX_RESULT_BYTES)}: simulate fewer subjects or times per call, keep fewer columns with \`record\`, or use simulatePopulation, which streams subjects in chunks`,
    );
  }
}
