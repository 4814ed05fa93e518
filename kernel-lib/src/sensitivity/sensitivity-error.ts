/**
 * A sensitivity analysis that cannot run as asked: an unknown parameter or output, a range
 * that is empty or not positive where it must be, an output of 0 where it would divide, a
 * failed simulation. The message names what is wrong and where.
 *
 * @example
 * try { localSensitivity("pk1cmt_iv", input, { parameters: ["CLL"] }); }
 * catch (e) { if (e instanceof SensitivityError) console.log(e.message); }
 */
export class SensitivityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SensitivityError";
  }
}
