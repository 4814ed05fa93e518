import type { Model } from "../../src/model/types.js";

/**
 * One-compartment model with first-order absorption written by hand (no parser), so the
 * engine is tested on its own. Parameters KA, CL, V, F1, ALAG1; CMT 1 depot, 2 central.
 */
export function handOral1(): Model {
  return {
    name: "hand_oral1",
    description: "hand-written 1-compartment oral model",
    parameters: [
      { name: "KA", value: 1.1, unit: "1/h" },
      { name: "CL", value: 6, unit: "L/h" },
      { name: "V", value: 25, unit: "L" },
      { name: "F1", value: 1, unit: "1" },
      { name: "ALAG1", value: 0, unit: "h" },
    ],
    compartments: [
      { name: "depot", cmt: 1, unit: "mg" },
      { name: "central", cmt: 2, unit: "mg" },
    ],
    outputs: [{ name: "CP", unit: "mg/L" }],
    timeUnit: "h",
    covariates: [],
    covariateSpecs: [],
    rhs: (_t, y, p, dydt) => {
      dydt[0] = -p[0] * y[0];
      dydt[1] = p[0] * y[0] - (p[1] / p[2]) * y[1];
    },
    jacobian: (_t, _y, p, jac) => {
      jac[0] = -p[0];
      jac[1] = 0;
      jac[2] = p[0];
      jac[3] = -p[1] / p[2];
    },
    init: (_p, y0) => y0.fill(0),
    output: (_t, y, p, out) => {
      out[0] = y[1] / p[2];
    },
    linear: true,
  };
}
