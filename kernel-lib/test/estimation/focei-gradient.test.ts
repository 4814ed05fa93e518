import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { FoceiProblem, type IndividualModel } from "../../src/estimation/focei.js";
import { subjectObservations } from "../../src/estimation/observations.js";
import type { SigmaName } from "../../src/estimation/residual-variance.js";
import { parameterTransform } from "../../src/estimation/transform.js";
import { getModel } from "../../src/library/index.js";

const dataset = (name: string) => readDataset(readFileSync(resolve(__dirname, "../../../datasets", name), "utf8"));

/** Theoph's first four subjects: enough for every term, small enough to difference the OFV many times. */
const theoph = dataset("theoph.csv");
const four = { covariates: theoph.covariates, subjects: theoph.subjects.slice(0, 4) };

function problem(thetaNames: string[], individual: IndividualModel, omega: { names: string[]; matrix: number[][] }, sigmaNames: SigmaName[]): FoceiProblem {
  const transforms = thetaNames.map((name) => parameterTransform(name, { value: 1 }));
  return new FoceiProblem(getModel("pk1cmt_oral"), subjectObservations(four), "CP", {}, thetaNames, transforms, individual, omega, sigmaNames);
}

/** Central differences of the OFV (every mode re-found at each point), step 1e-4 on the search scale. */
function differenced(p: FoceiProblem, u: Float64Array): Float64Array {
  const h = 1e-4;
  return u.map((_, k) => {
    const up = Float64Array.from(u);
    const down = Float64Array.from(u);
    up[k] += h;
    down[k] -= h;
    return (p.ofv(up) - p.ofv(down)) / (2 * h);
  });
}

function expectClose(analytic: Float64Array | undefined, reference: Float64Array) {
  expect(analytic).toBeDefined();
  const scale = Math.max(...reference.map(Math.abs));
  reference.forEach((r, k) => expect(Math.abs((analytic as Float64Array)[k] - r), `component ${k}: ${analytic?.[k]} vs ${r}`).toBeLessThan(2e-4 * scale + 1e-4 * Math.abs(r)));
}

describe("FOCE-I gradient: analytic (implicit mode, second-order sensitivities) against differences of the OFV", () => {
  it("block OMEGA, combined error, CL and V through weight (THETA per kg)", () => {
    const individual: IndividualModel = (th, c) => ({ KA: th.KA, CL: th.CL * c.WT, V: th.V * c.WT });
    const omega = { names: ["KA", "CL", "V"], matrix: [[0.4, 0, 0], [0, 0.08, 0.03], [0, 0.03, 0.05]] };
    const p = problem(["KA", "CL", "V"], individual, omega, ["additive", "proportional"]);
    const u = p.encode({ theta: { KA: 1.6, CL: 0.04, V: 0.45 }, omega, sigma: [0.2, 0.01] });
    p.ofv(u);
    expectClose(p.gradient(u), differenced(p, u));
  });

  it("diagonal OMEGA, additive error, away from the optimum", () => {
    const omega = { names: ["KA", "CL", "V"], matrix: [[0.3, 0, 0], [0, 0.1, 0], [0, 0, 0.1]] };
    const p = problem(["KA", "CL", "V"], (th) => ({ KA: th.KA, CL: th.CL, V: th.V }), omega, ["additive"]);
    const u = p.encode({ theta: { KA: 1, CL: 3, V: 30 }, omega, sigma: [0.5] });
    p.ofv(u);
    expectClose(p.gradient(u), differenced(p, u));
  });

  it("a THETA on a parameter without η: no analytic gradient (the caller differences the OFV)", () => {
    const omega = { names: ["CL", "V"], matrix: [[0.1, 0], [0, 0.1]] };
    const p = problem(["KA", "CL", "V"], (th) => ({ KA: th.KA, CL: th.CL, V: th.V }), omega, ["additive"]);
    const u = p.encode({ theta: { KA: 1.5, CL: 2.8, V: 31 }, omega, sigma: [0.5] });
    expect(Number.isFinite(p.ofv(u))).toBe(true);
    expect(p.gradient(u)).toBeUndefined();
  });
});
