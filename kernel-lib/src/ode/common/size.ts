/** Throws unless the system size n is a whole number ≥ 1. Internal. */
export function checkSize(n: number): void {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new Error(`createIntegrator: number of states n must be a whole number ≥ 1 (got ${n})`);
  }
}
