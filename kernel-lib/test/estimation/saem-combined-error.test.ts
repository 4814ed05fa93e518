import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { simulateDesign } from "../../src/estimation/index.js";
import { kernelInChild } from "./kernel-in-child.js";
import { runR } from "./r-reference.js";

// 40 subjects, 100 mg IV bolus, 8 samples from 0.25 to 24 h: concentrations from 2 down to
// ~0.2 mg/L, so the additive and the proportional part of the error can both be seen.
// Made from CL 5 L/h, V 50 L, ω² 0.1 and 0.05, σ²_add 0.01 (mg/L)², σ²_prop 0.04.
const TIMES = [0.25, 0.5, 1, 2, 4, 8, 12, 24];
const SUBJECTS = 40;
const truth = { theta: { CL: 5, V: 50 }, omega: { CL: 0.1, V: 0.05 }, sigma: { additive: 0.01, proportional: 0.04 } };

function csv(dv: (i: number, j: number) => number): string {
  const lines = ["ID,TIME,EVID,AMT,CMT,DV,MDV"];
  for (let i = 0; i < SUBJECTS; i++) {
    lines.push(`${i + 1},0,1,100,1,.,1`);
    TIMES.forEach((t, j) => lines.push(`${i + 1},${t},0,0,1,${dv(i, j)},0`));
  }
  return lines.join("\n") + "\n";
}

describe("fitSaem with combined error (v = σ²_add + σ²_prop·f²) against R nlme's varConstProp", () => {
  let fit: Record<string, any>;
  let nlme: Record<string, number>;
  beforeAll(async () => {
    const sim = simulateDesign("pk1cmt_iv", readDataset(csv(() => 0)), truth, { replicates: 1, seed: 42 });
    const file = join(mkdtempSync(join(tmpdir(), "pmxlab-saem-")), "combined.csv");
    writeFileSync(file, csv((i, j) => sim.dv[i][0][j]));
    // nlme's varConstProp is Var = const² + prop²·μ² with σ fixed at 1: the same combined model.
    nlme = runR(`suppressMessages(library(nlme))
d <- read.csv("${file}"); o <- d[d$EVID == 0, ]; o$DV <- as.numeric(o$DV)
g <- groupedData(DV ~ TIME | ID, data = o)
fm <- nlme(DV ~ 100 / exp(lV) * exp(-exp(lCl - lV) * TIME), data = g, fixed = lCl + lV ~ 1, random = pdDiag(lCl + lV ~ 1), start = c(lCl = log(3), lV = log(30)), weights = varConstProp(), control = nlmeControl(sigma = 1, maxIter = 200, msMaxIter = 200))
v <- coef(fm$modelStruct$varStruct, unconstrained = FALSE)^2
cat("CL", exp(fixef(fm)[["lCl"]]), "\\n"); cat("V", exp(fixef(fm)[["lV"]]), "\\n"); cat("add", v[["const"]], "\\n"); cat("prop", v[["prop"]], "\\n")`);
    fit = await kernelInChild(file, `const fit = kernel.fitSaem("pk1cmt_iv", data, { theta: { CL: 3, V: 30 }, omega: { CL: 0.3, V: 0.3 }, sigma: { additive: 0.1, proportional: 0.1 }, importanceSamples: 0 }); return { theta: fit.theta, sigma: fit.sigma, text: fit.toString() };`);
  }, 900_000);

  it("CL and V within 2 % of nlme's", () => {
    expect(Math.abs(fit.theta.CL / nlme.CL - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.theta.V / nlme.V - 1)).toBeLessThan(0.02);
  });

  it("both residual variances within 10 % of nlme's, and within 30 % of the values that made the data", () => {
    // A variance from ~320 residuals has a relative SE near √(2/320) ≈ 8 % and more when two
    // components share the residuals; the two ML estimators (SAEM exact, nlme linearised in η)
    // differ by far less than that, the estimate and the truth by about that.
    expect(Math.abs(fit.sigma.additive / nlme.add - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.sigma.proportional / nlme.prop - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.sigma.additive / truth.sigma.additive - 1)).toBeLessThan(0.3);
    expect(Math.abs(fit.sigma.proportional / truth.sigma.proportional - 1)).toBeLessThan(0.3);
    expect(fit.text).toContain("SIGMA proportional");
  });
});
