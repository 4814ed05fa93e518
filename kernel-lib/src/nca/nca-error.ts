/**
 * Input that NCA cannot use: non-increasing or missing times, a negative or missing
 * concentration, too few samples, a bad option. The message names the subject and the
 * sample (or dataset row). Parameters that are merely not estimable (λz from too few
 * terminal points, say) are not errors: they are NaN with a reason in `result.exclude`.
 */
export class NcaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NcaError";
  }
}
