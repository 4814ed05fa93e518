import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { fitPopulation } from "../../src/estimation/index.js";
import { fitInChild } from "./fit-in-child.js";

const dataset = (name: string) => readDataset(readFileSync(resolve(__dirname, "../../../datasets", name), "utf8"));
const pheno = dataset("pheno.csv");

// NONMEM 7.4.2's results for phenobarbital (pheno_real.mod: ADVAN1 TRANS2, CL = θ1·WGT·e^η1,
// V = θ2·WGT·(1 + θ3 if APGR < 5)·e^η2, W = F, Y = F + W·ε, METHOD=1 INTERACTION,
// $COVARIANCE UNCONDITIONAL), from pharmpy's test data (tests/testdata/nonmem/pheno_real.lst,
// pheno_real.ext and pheno_real.tab; LGPL-3.0). Data: Grasela & Donn 1985.
const NONMEM = {
  initial: { CL: 0.00469307, V: 1.00916, APGR_V: 0.1, omegaCL: 0.0309626, omegaV: 0.031128, sigma: 0.0130865 },
  final: { CL: 0.00469555, V: 0.984258, APGR_V: 0.158920, omegaCL: 0.0293508, omegaV: 0.0279064, sigma: 0.0132414 },
  ofv: 586.27605628188053,
  se: { CL: 2.1e-4, V: 2.69e-2, APGR_V: 8.38e-2, omegaCL: 1.34e-2, omegaV: 7.48e-3, sigma: 2.28e-3 },
  etaShrinkage: [47.130, 12.839],
  epsilonShrinkage: 21.198,
  // First observation rows of pheno_real.tab: ID, TIME, IPRED, PRED, CWRES.
  table: [
    [1, 2.0, 17.881, 17.970, -0.40104],
    [1, 112.5, 28.966, 28.649, 0.58781],
    [2, 2.0, 11.485, 10.063, -1.2788],
    [2, 63.5, 21.153, 18.402, 1.6707],
    [2, 135.5, 29.796, 25.783, 1.3526],
    [3, 1.5, 17.705, 20.175, -0.15180],
  ],
};

type Start = typeof NONMEM.initial;
type Fit = Record<string, any>;
/** The pheno_real model from `start`, fitted in a child process (see fitInChild). */
function fitPheno(start: Start, options: string): Promise<Fit> {
  return fitInChild(
    "pk1cmt_iv",
    "pheno.csv",
    `{
    theta: { CL: ${start.CL}, V: ${start.V}, APGR_V: { value: ${start.APGR_V}, lower: -0.99 } },
    individual: (th, c) => ({ CL: th.CL * c.WGT, V: th.V * c.WGT * (c.APGR < 5 ? 1 + th.APGR_V : 1) }),
    omega: { CL: ${start.omegaCL}, V: ${start.omegaV} },
    sigma: { proportional: ${start.sigma} },
    ${options}
  }`,
  );
}

const threeDigits = (x: number, reference: number) => expect(Number(x.toPrecision(3))).toBe(Number(reference.toPrecision(3)));
const estimate = (fit: Fit, name: string) => fit.estimates.find((e: { name: string }) => e.name === name);

describe("fitPopulation FOCE-I: phenobarbital against NONMEM 7.4", () => {
  it("estimates THETA, OMEGA and SIGMA and the OFV as NONMEM does to 3 significant digits, from NONMEM's initial estimates", { timeout: 900_000 }, async () => {
    const fit = await fitPheno(NONMEM.initial, "covariance: false");
    expect(fit.status).toBe("converged");
    expect(fit.ofv).toBeCloseTo(NONMEM.ofv, 3);
    threeDigits(fit.theta.CL, NONMEM.final.CL);
    threeDigits(fit.theta.V, NONMEM.final.V);
    threeDigits(fit.theta.APGR_V, NONMEM.final.APGR_V);
    threeDigits(fit.omega.matrix[0][0], NONMEM.final.omegaCL);
    threeDigits(fit.omega.matrix[1][1], NONMEM.final.omegaV);
    threeDigits(fit.sigma.proportional, NONMEM.final.sigma);
    expect(fit.observations * Math.log(2 * Math.PI)).toBeCloseTo(284.87094529344853, 8); // NONMEM's n·log 2π for n = 155
  });

  describe("at NONMEM's final estimates", () => {
    let fit: Fit;
    beforeAll(async () => {
      fit = await fitPheno(NONMEM.final, "maxIterations: 0");
    }, 900_000);

    it("has NONMEM's objective function value (9 digits)", () => {
      expect(fit.ofv).toBeCloseTo(NONMEM.ofv, 5);
      expect(fit.status).toBe("max-iterations");
    });

    it("has NONMEM's covariance-step standard errors (R⁻¹SR⁻¹) to 2 significant digits", () => {
      expect(fit.covarianceMessage).toMatch(/successful/);
      const pairs: [string, number][] = [["CL", NONMEM.se.CL], ["V", NONMEM.se.V], ["APGR_V", NONMEM.se.APGR_V], ["OMEGA(CL,CL)", NONMEM.se.omegaCL], ["OMEGA(V,V)", NONMEM.se.omegaV], ["SIGMA proportional", NONMEM.se.sigma]];
      for (const [name, se] of pairs) expect(estimate(fit, name).se / se, name).toBeCloseTo(1, 1);
      expect(estimate(fit, "CL").rse).toBeCloseTo((100 * estimate(fit, "CL").se) / estimate(fit, "CL").estimate, 10);
    });

    it("has NONMEM's η and ε shrinkage", () => {
      expect(fit.etaShrinkage[0]).toBeCloseTo(NONMEM.etaShrinkage[0], 1);
      expect(fit.etaShrinkage[1]).toBeCloseTo(NONMEM.etaShrinkage[1], 1);
      expect(fit.epsilonShrinkage).toBeCloseTo(NONMEM.epsilonShrinkage, 1);
    });

    it("has NONMEM's IPRED, PRED and CWRES in the table", () => {
      for (const [id, time, ipred, pred, cwres] of NONMEM.table) {
        const r = fit.table.id.findIndex((x: number, i: number) => x === id && fit.table.time[i] === time);
        expect(r, `ID ${id} t ${time}`).toBeGreaterThanOrEqual(0);
        expect(fit.table.ipred[r] / ipred).toBeCloseTo(1, 3);
        expect(fit.table.pred[r] / pred).toBeCloseTo(1, 3);
        expect(fit.table.cwres[r]).toBeCloseTo(cwres, 2);
      }
      expect(fit.table.dv.length).toBe(155);
      expect(fit.etas.length).toBe(59);
    });

    it("prints a summary with the estimates, SEs and shrinkage", () => {
      const text: string = fit.text;
      for (const word of ["OFV 586.276", "OMEGA(CL,CL)", "SIGMA proportional", "RSE%", "shrinkage"]) expect(text).toContain(word);
      expect(fit.plotPoints).toBe(155);
    });
  });
});

describe("fitPopulation FOCE-I: Theoph, 1-compartment oral, log-normal BSV on KA, CL, V, additive error", () => {
  it("fixed effects within 2 % of nlmixr2's SAEM (KA 1.57 /h, CL 2.76 L/h, V 31.5 L)", { timeout: 900_000 }, async () => {
    // nlmixr2's published theo_sd example (Fidler et al. 2019, CPT Pharmacometrics Syst Pharmacol
    // 8:621–633; nlmixr2 documentation): ka 1.57 /h, CL 2.76 L/h, V 31.5 L.
    const fit = await fitInChild("pk1cmt_oral", "theoph.csv", "{ theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, covariance: false }");
    expect(fit.status).toBe("converged");
    expect(fit.theta.KA / 1.57).toBeCloseTo(1, 1);
    expect(Math.abs(fit.theta.KA / 1.57 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.theta.CL / 2.76 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.theta.V / 31.5 - 1)).toBeLessThan(0.02);
  });
});

describe("fitPopulation: bad input", () => {
  it("names the problem: theta not a model parameter without `individual`, OMEGA on an unknown parameter", () => {
    expect(() => fitPopulation("pk1cmt_iv", pheno, { theta: { CL: 0.005, APGR_V: 0.1 }, omega: { CL: 0.03 }, sigma: { proportional: 0.01 } })).toThrow(/theta names "APGR_V".*`individual`/);
    expect(() => fitPopulation("pk1cmt_iv", pheno, { theta: { CL: 0.005 }, omega: { KA: 0.03 }, sigma: { proportional: 0.01 } })).toThrow(/OMEGA names "KA"/);
  });

  it("names an OMEGA on a model parameter that has no theta (it said the typical value was undefined)", () => {
    expect(() => fitPopulation("pk1cmt_iv", pheno, { theta: { CL: 0.005 }, omega: { V: 0.03 }, sigma: { proportional: 0.01 } })).toThrow(
      "omega names V, which has no theta: the variance of V's η needs V's typical value, so give theta.V too (on the command line, --theta V=INITIAL)",
    );
  });
});
