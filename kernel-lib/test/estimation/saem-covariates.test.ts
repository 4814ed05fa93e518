import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { fitSaem } from "../../src/estimation/index.js";
import type { OmegaSpec } from "../../src/population/index.js";
import { kernelInChild } from "./kernel-in-child.js";
import { runR } from "./r-reference.js";

// R's nlme on R's Theoph with our parameterisation (log KA, log CL, log V, diagonal random effects
// on each, additive error). Dose is per kg there; Dose·Wt is the mg dose of datasets/theoph.csv.
const PER_KG = "Dose * exp(lKa) / (exp(lV) * (exp(lKa) - exp(lCl - lV))) * (exp(-exp(lCl - lV) * Time) - exp(-exp(lKa) * Time))";

describe("fitSaem with covariates and an OMEGA block: Theoph against R nlme with the same model", () => {
  let fits: Record<string, any>;
  let nlme: Record<string, number>;
  beforeAll(async () => {
    nlme = runR(`suppressMessages(library(nlme))
perKg <- nlme(conc ~ ${PER_KG}, data = Theoph, fixed = lKa + lCl + lV ~ 1, random = pdDiag(lKa + lCl + lV ~ 1), start = c(lKa = 0.5, lCl = -3.2, lV = -0.8))
f <- fixef(perKg); cat("kgKa", exp(f[["lKa"]]), "\\n"); cat("kgCl", exp(f[["lCl"]]), "\\n"); cat("kgV", exp(f[["lV"]]), "\\n")
wt <- nlme(conc ~ Wt * (${PER_KG}), data = Theoph, fixed = list(lKa ~ 1, lCl ~ I(log(Wt / 70)), lV ~ 1), random = pdDiag(lKa + lCl + lV ~ 1), start = c(0.5, 1, 0.75, 3.4))
g <- fixef(wt); cat("wtKa", exp(g[[1]]), "\\n"); cat("wtCl", exp(g[[2]]), "\\n"); cat("wtBeta", g[[3]], "\\n"); cat("wtV", exp(g[[4]]), "\\n"); cat("wtBetaSe", sqrt(vcov(wt)[3, 3]), "\\n")
block <- nlme(conc ~ ${PER_KG}, data = Theoph, fixed = lKa + lCl + lV ~ 1, random = pdBlocked(list(pdSymm(lKa + lCl ~ 1), pdDiag(lV ~ 1))), start = c(lKa = 0.5, lCl = -3.2, lV = -0.8), control = nlmeControl(maxIter = 200, msMaxIter = 200))
h <- fixef(block); o <- as.matrix(block$modelStruct$reStruct[[1]]) * block$sigma^2
cat("blKa", exp(h[["lKa"]]), "\\n"); cat("blCl", exp(h[["lCl"]]), "\\n"); cat("blV", exp(h[["lV"]]), "\\n"); cat("blCorr", o[1, 2] / sqrt(o[1, 1] * o[2, 2]), "\\n")`);
    fits = await kernelInChild(
      "theoph.csv",
      `const start = { omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, importanceSamples: 0 };
const perKgOffsets = { offsets: { CL: (c) => Math.log(c.WT), V: (c) => Math.log(c.WT) } };
const perKg = kernel.fitSaem("pk1cmt_oral", data, { ...start, theta: { KA: 1, CL: 0.04, V: 0.5 }, covariates: perKgOffsets });
const wt = kernel.fitSaem("pk1cmt_oral", data, { ...start, theta: { KA: 1, CL: 3, V: 30 }, covariates: { effects: { CL_WT: { parameter: "CL", value: 0.75, x: (c) => Math.log(c.WT / 70) } } } });
const block = kernel.fitSaem("pk1cmt_oral", data, { ...start, theta: { KA: 1, CL: 0.04, V: 0.5 }, omega: [{ names: ["KA", "CL"], matrix: [[0.3], [0.01, 0.1]] }, { V: 0.1 }], covariates: perKgOffsets });
const lin = kernel.saemLinearisation("pk1cmt_oral", data, wt);
return { perKg: { theta: perKg.theta }, wt: { theta: wt.theta, beta: wt.beta, text: wt.toString(), estimates: lin.estimates }, block: { theta: block.theta, omega: block.omegaMatrix, text: block.toString() } };`,
    );
  }, 900_000);

  it("known offsets (CL and V per kg: log Wt): KA, CL/kg and V/kg within 2 % of nlme's", () => {
    expect(Math.abs(fits.perKg.theta.KA / nlme.kgKa - 1)).toBeLessThan(0.02);
    expect(Math.abs(fits.perKg.theta.CL / nlme.kgCl - 1)).toBeLessThan(0.02);
    expect(Math.abs(fits.perKg.theta.V / nlme.kgV - 1)).toBeLessThan(0.02);
  });

  it("an estimated effect (CL = θ·(WT/70)^β): θ within 2 % and β within 0.05 of nlme's", () => {
    // β is poorly determined by 12 subjects (nlme's SE ≈ 0.5), so estimators differ more on it
    // than on the typical values; 0.05 is a tenth of its SE.
    expect(Math.abs(fits.wt.theta.CL / nlme.wtCl - 1)).toBeLessThan(0.02);
    expect(Math.abs(fits.wt.theta.KA / nlme.wtKa - 1)).toBeLessThan(0.02);
    expect(Math.abs(fits.wt.theta.V / nlme.wtV - 1)).toBeLessThan(0.02);
    expect(Math.abs(fits.wt.beta.CL_WT - nlme.wtBeta)).toBeLessThan(0.05);
    expect(fits.wt.text).toContain("CL_WT");
  });

  it("saemLinearisation carries the covariate model: the SE of β within 35 % of nlme's", () => {
    // Different estimators of the same uncertainty (FOCE-I sandwich at SAEM's estimates, nlme's
    // approximate information), as for the SEs in saem-likelihood.test.ts.
    const beta = fits.wt.estimates.find((e: { name: string }) => e.name === "CL_WT");
    expect(beta.estimate).toBeCloseTo(fits.wt.beta.CL_WT, 10);
    expect(Math.abs(beta.se / nlme.wtBetaSe - 1)).toBeLessThan(0.35);
  });

  it("an OMEGA block on KA and CL (per kg, against nlme's pdBlocked(pdSymm(lKa + lCl), pdDiag(lV))): fixed effects within 2 % and the KA–CL correlation within 0.1", () => {
    const { theta, omega, text } = fits.block;
    expect(Math.abs(theta.KA / nlme.blKa - 1)).toBeLessThan(0.02);
    expect(Math.abs(theta.CL / nlme.blCl - 1)).toBeLessThan(0.02);
    expect(Math.abs(theta.V / nlme.blV - 1)).toBeLessThan(0.02);
    // The correlation of two random effects from 12 subjects has an SE near (1 − ρ²)/√12 ≈ 0.3;
    // nlme's approximate and SAEM's exact likelihood differ by far less: 0.1 is a third of it.
    const corr = omega.matrix[0][1] / Math.sqrt(omega.matrix[0][0] * omega.matrix[1][1]);
    expect(Math.abs(corr - nlme.blCorr)).toBeLessThan(0.1);
    expect(omega.matrix[0][2]).toBe(0); // V is outside the block
    expect(text).toContain("OMEGA(CL,KA)");
  });
});

describe("fitSaem covariates: bad input", () => {
  const theoph = readDataset(readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8"));
  const base = { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, iterations: [1, 0] as [number, number], importanceSamples: 0 };
  it("names the problem: an effect on an unknown parameter, an effect named as a parameter, a covariate that does not vary, a missing covariate", () => {
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { B: { parameter: "Q", value: 1, x: () => 1 } } } })).toThrow(/acts on "Q", which is not one of theta/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { V: { parameter: "CL", value: 1, x: (c) => c.WT } } } })).toThrow(/has the name of a parameter/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { B: { parameter: "CL", value: 1, x: () => 2 } } } })).toThrow(/cannot be told apart from its typical value/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { offsets: { CL: (c) => Math.log(c.HEIGHT) } } })).toThrow(/the offset of CL is NaN for ID 1/);
    const block: OmegaSpec = [{ names: ["KA", "CL"], matrix: [[0.3], [0.01, 0.1]] }, { V: 0.1 }];
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, omega: block, covariates: { effects: { B: { parameter: "CL", value: 1, x: (c) => c.WT } } } })).toThrow(/OMEGA block only without estimated covariate effects/);
  });
});
