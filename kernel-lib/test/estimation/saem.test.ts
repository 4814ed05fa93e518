import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { fitSaem } from "../../src/estimation/index.js";
import { fitInChild } from "./fit-in-child.js";

describe("fitSaem", () => {
  it("Theoph, 1-compartment oral, log-normal BSV on KA, CL, V, additive error: fixed effects within 2 % of nlmixr2's SAEM (KA 1.57 /h, CL 2.76 L/h, V 31.5 L)", { timeout: 900_000 }, async () => {
    // nlmixr2's theo_sd example (Fidler et al. 2019, CPT Pharmacometrics Syst Pharmacol 8:621–633).
    const fit = await fitInChild("pk1cmt_oral", "theoph.csv", "{ theta: { KA: 1, CL: 3, V: 30 }, omega: { KA: 0.3, CL: 0.1, V: 0.1 }, sigma: { additive: 0.5 }, seed: 1 }", "fitSaem");
    expect(Math.abs(fit.theta.KA / 1.57 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.theta.CL / 2.76 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.theta.V / 31.5 - 1)).toBeLessThan(0.02);
    expect(fit.etas).toHaveLength(12);
    expect(fit.text).toContain("OMEGA(CL,CL)");
  });

  it("names the problem: a THETA that is not a model parameter, a missing OMEGA", () => {
    const theoph = readDataset(readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8"));
    expect(() => fitSaem("pk1cmt_oral", theoph, { theta: { KAA: 1 }, omega: { KAA: 0.1 }, sigma: { additive: 1 } })).toThrow(/theta names "KAA"/);
    expect(() => fitSaem("pk1cmt_oral", theoph, { theta: { KA: 1, CL: 3 }, omega: { KA: 0.1 }, sigma: { additive: 1 } })).toThrow(/omega CL = undefined/);
  });
});
