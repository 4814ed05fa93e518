import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { fitSaem } from "../../src/estimation/index.js";
import { kernelInChild } from "./kernel-in-child.js";
import { runR } from "./r-reference.js";

// R's nlme on R's Theoph with our parameterisation (log KA, log CL, log V, diagonal random effects
// on each, additive error). Dose is per kg there; Dose·Wt is the mg dose of datasets/theoph.csv.
const NLME_MODEL = "Dose * Wt * exp(lKa) / (exp(lV) * (exp(lKa) - exp(lCl - lV))) * (exp(-exp(lCl - lV) * Time) - exp(-exp(lKa) * Time))";

describe("fitSaem with covariates: Theoph against R nlme with the same model", () => {
  let fits: Record<string, any>;
  let nlme: Record<string, number>;
  beforeAll(async () => {
    nlme = runR(`suppressMessages(library(nlme))
perKg <- nlme(conc ~ Dose * exp(lKa) / (exp(lV) * (exp(lKa) - exp(lCl - lV))) * (exp(-exp(lCl - lV) * Time) - exp(-exp(lKa) * Time)), data = Theoph, fixed = lKa + lCl + lV ~ 1, random = pdDiag(lKa + lCl + lV ~ 1), start = c(lKa = 0.5, lCl = -3.2, lV = -0.8))
f <- fixef(perKg); cat("kgKa", exp(f[["lKa"]]), "\\n"); cat("kgCl", exp(f[["lCl"]]), "\\n"); cat("kgV", exp(f[["lV"]]), "\\n")
wt <- nlme(conc ~ ${NLME_MODEL}, data = Theoph, fixed = list(lKa ~ 1, lCl ~ I(log(Wt / 70)), lV ~ 1), random = pdDiag(lKa + lCl + lV ~ 1), start = c(0.5, 1, 0.75, 3.4))
g <- fixef(wt); cat("wtKa", exp(g[[1]]), "\\n"); cat("wtCl", exp(g[[2]]), "\\n"); cat("wtBeta", g[[3]], "\\n"); cat("wtV", exp(g[[4]]), "\\n")`);
    fits = await kernelInChild(
      "theoph.csv",
      `const start = { omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, importanceSamples: 0 };
const perKg = kernel.fitSaem("pk1cmt_oral", data, { ...start, theta: { KA: 1, CL: 0.04, V: 0.5 }, covariates: { offsets: { CL: (c) => Math.log(c.WT), V: (c) => Math.log(c.WT) } } });
const wt = kernel.fitSaem("pk1cmt_oral", data, { ...start, theta: { KA: 1, CL: 3, V: 30 }, covariates: { effects: { CL_WT: { parameter: "CL", value: 0.75, x: (c) => Math.log(c.WT / 70) } } } });
return { perKg: { theta: perKg.theta }, wt: { theta: wt.theta, beta: wt.beta, text: wt.toString() } };`,
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
});

describe("fitSaem covariates: bad input", () => {
  const theoph = readDataset(readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8"));
  const base = { theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, iterations: [1, 0] as [number, number], importanceSamples: 0 };
  it("names the problem: an effect on an unknown parameter, an effect named as a parameter, a covariate that does not vary, a missing covariate", () => {
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { B: { parameter: "Q", value: 1, x: () => 1 } } } })).toThrow(/acts on "Q", which is not one of theta/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { V: { parameter: "CL", value: 1, x: (c) => c.WT } } } })).toThrow(/has the name of a parameter/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { effects: { B: { parameter: "CL", value: 1, x: () => 2 } } } })).toThrow(/cannot be told apart from its typical value/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { ...base, covariates: { offsets: { CL: (c) => Math.log(c.HEIGHT) } } })).toThrow(/the offset of CL is NaN for ID 1/);
  });
});
