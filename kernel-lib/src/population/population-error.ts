/**
 * A population simulation that cannot run as specified: an OMEGA that is not square,
 * symmetric or positive semi-definite, a name that is not a model parameter, a negative
 * SIGMA, n ≤ 0, a target outside the time grid. The message names the input and the problem.
 *
 * @example
 * try { simulatePopulation("pk1cmt_iv", { n: 0, regimen: "100 mg", times: [1] }); }
 * catch (e) { if (e instanceof PopulationError) console.log(e.message); } // "n = 0: …"
 */
export class PopulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PopulationError";
  }
}
