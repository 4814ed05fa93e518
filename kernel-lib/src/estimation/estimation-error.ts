/**
 * An estimation that cannot run as asked: an unknown parameter, a bound that excludes the
 * initial value, a dataset without observations, an error model the method does not take.
 * The message names what is wrong and where. (A fit that runs but does not converge is not
 * an error: its result says so in `status` and `message`.)
 *
 * @example
 * try { fitIndividual("pk1cmt_oral", data, { parameters: { CLL: 3 } }); }
 * catch (e) { if (e instanceof EstimationError) console.log(e.message); }
 */
export class EstimationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EstimationError";
  }
}
