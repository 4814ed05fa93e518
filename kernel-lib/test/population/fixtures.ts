import type { PopulationInput } from "../../src/index.js";

/** Four doses of the reference workload's model (pk2cmt_oral), OMEGA on CL, V1, KA with correlation; 2-hourly to 48 h. */
export const TWO_DAYS: PopulationInput = {
  regimen: "100 mg q12h x 4",
  times: { start: 0, end: 48, step: 2 },
  n: 300,
  seed: 77,
  params: { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 },
  omega: { names: ["CL", "V1", "KA"], matrix: [[0.09], [0.045, 0.09], [0, 0.027, 0.09]] },
  sigma: { proportional: 0.01, additive: 0.0001 },
};
