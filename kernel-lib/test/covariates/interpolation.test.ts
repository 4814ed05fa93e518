import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { getModel } from "../../src/library/index.js";
import { parseModel } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";
import type { CovariateInterpolation } from "../../src/simulation/index.js";
import { documentedModel } from "./documented-models.js";

const renal = documentedModel("pk1cmt_iv_renal");
/** CL = 0.5 + 0.054·CRCL L/h, V = 20 L, 100 mg bolus: C0 = 5 mg/L. */
const clearance = (crcl: number) => 0.5 + 0.054 * crcl;

/** CRCL 60 mL/min on the dose at 0 h, 120 mL/min on an EVID 2 row at 12 h, no value on the observations. */
const data = readDataset(`ID,TIME,EVID,AMT,DV,CRCL
1,0,1,100,.,60
1,2,0,0,.,.
1,6,0,0,.,.
1,10,0,0,.,.
1,12,2,0,.,120
1,16,0,0,.,.
`);
const times = [2, 6, 10, 16];

/** C(t) = C0·exp(−∫₀ᵗ CL(s)/V ds), the integral of each rule's CL(s) written out by hand. */
const integral: Record<CovariateInterpolation, (t: number) => number> = {
  // CL(60) until 12 h, CL(120) after.
  locf: (t) => clearance(60) * Math.min(t, 12) + clearance(120) * Math.max(t - 12, 0),
  // CL(120) over the whole of (0, 12] and after.
  nocb: (t) => clearance(120) * t,
  // CRCL(s) = 60 + 5s on [0, 12], so CL(s) = a + b·s with a = CL(60), b = 0.054·5, then CL(120).
  linear: (t) => {
    const a = clearance(60);
    const b = 0.054 * 5;
    const s = Math.min(t, 12);
    return a * s + (b * s * s) / 2 + clearance(120) * Math.max(t - 12, 0);
  },
};

describe("covariate interpolation", () => {
  for (const rule of ["locf", "nocb", "linear"] as const) {
    it(`${rule}: C = C0·exp(−∫CL/V dt) with CL following the ${rule} creatinine clearance`, () => {
      const sim = simulate(renal, { data }, { covariateInterpolation: { CRCL: rule }, rtol: 1e-10, atol: 1e-12 });
      times.forEach((t, i) => expect(sim.outputs.CP[i]).toBeCloseTo(5 * Math.exp(-integral[rule](t) / 20), 9));
    });
  }

  it("keeps the closed form for locf and nocb and takes the ODE path for linear", () => {
    expect(simulate(renal, { data }, { covariateInterpolation: { CRCL: "nocb" } }).method).toBe("closed-form");
    expect(simulate(renal, { data }, { covariateInterpolation: { CRCL: "linear" } }).method).not.toBe("closed-form");
  });

  it("linear: an output's CRCL-dependent value uses the interpolated covariate at the output time", () => {
    const withCl = renal.source!.replace("CP = central/V : mg/L : plasma concentration", "CP = central/V : mg/L : plasma concentration\nCLOUT = CL : L/h : clearance");
    const sim = simulate(parseModel(withCl), { data }, { covariateInterpolation: { CRCL: "linear" } });
    times.forEach((t, i) => expect(sim.outputs.CLOUT[i]).toBeCloseTo(clearance(t < 12 ? 60 + 5 * t : 120), 12));
  });
});

describe("covariate interpolation errors", () => {
  it("rejects an unknown interpolation name", () => {
    expect(() => simulate(renal, { data }, { covariateInterpolation: { CRCL: "cubic" as CovariateInterpolation } })).toThrow(
      'covariateInterpolation.CRCL: unknown interpolation "cubic"; use "locf", "nocb" or "linear"',
    );
  });

  it("rejects a covariate the model does not read", () => {
    expect(() => simulate(renal, { data }, { covariateInterpolation: { WT: "linear" } })).toThrow(
      'covariateInterpolation: model pk1cmt_iv_renal has no covariate "WT"; its covariates are CRCL',
    );
  });

  it("rejects interpolation options for a model without covariates", () => {
    expect(() => simulate(getModel("pk1cmt_iv"), { regimen: "100 mg", times: [1] }, { covariateInterpolation: { WT: "locf" } })).toThrow(
      'covariateInterpolation: model pk1cmt_iv has no covariate "WT"; it has no covariates',
    );
  });

  it("rejects the closed form with a linearly interpolated covariate", () => {
    expect(() => simulate(renal, { data }, { method: "closed-form", covariateInterpolation: { CRCL: "linear" } })).toThrow(
      'method "closed-form" cannot follow linearly interpolated covariates (covariateInterpolation of model pk1cmt_iv_renal); use "ode" or "auto"',
    );
  });
});
