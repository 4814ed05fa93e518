import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { subjectObservations } from "../../src/estimation/observations.js";
import { predict } from "../../src/estimation/predict.js";
import { getModel } from "../../src/library/index.js";

const dataset = (name: string) => readDataset(readFileSync(resolve(__dirname, "../../../datasets", name), "utf8"));

/** Central difference of g at x with relative step 1e-6 (g is a closed form: smooth and exact to rounding). */
const slope = (g: (x: number) => number, x: number) => {
  const h = 1e-6 * x;
  return (g(x + h) - g(x - h)) / (2 * h);
};

describe("predict: prepared predictions and sensitivities at the observations", () => {
  // Theoph subject 1: 319.992 mg orally at t = 0 (datasets/theoph.csv), 11 samples.
  const theoph = subjectObservations(dataset("theoph.csv"))[0];
  const dose = 319.992;
  // Bateman function (1-compartment, first-order absorption; Rowland & Tozer 2011).
  const bateman = (t: number, ka: number, cl: number, v: number) => ((dose * ka) / (v * (ka - cl / v))) * (Math.exp((-cl / v) * t) - Math.exp(-ka * t));
  const model = getModel("pk1cmt_oral");
  const options = {};

  it("gives the Bateman function and its derivatives by KA, CL, V at Theoph subject 1's sampling times, for successive parameter values", () => {
    for (const [ka, cl, v] of [[1.5, 2.8, 31], [0.9, 3.4, 27], [2.2, 2.1, 35]]) {
      const p = predict(model, theoph, { KA: ka, CL: cl, V: v }, ["KA", "CL", "V"], "CP", options);
      expect(p.f.length).toBe(11);
      theoph.time.forEach((t, j) => {
        const reference = bateman(t, ka, cl, v);
        expect(Math.abs(p.f[j] - reference)).toBeLessThan(1e-9 * Math.max(1, reference));
        const d = [slope((x) => bateman(t, x, cl, v), ka), slope((x) => bateman(t, ka, x, v), cl), slope((x) => bateman(t, ka, cl, x), v)];
        d.forEach((expected, k) => expect(Math.abs(p.jacobian[k][j] - expected), `t ${t}, parameter ${k}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(expected))));
      });
    }
  });

  it("keeps each result: a later call does not overwrite an earlier prediction", () => {
    const first = predict(model, theoph, { KA: 1.5, CL: 2.8, V: 31 }, ["KA", "CL", "V"], "CP", options);
    const kept = Float64Array.from(first.f);
    predict(model, theoph, { KA: 0.5, CL: 5, V: 20 }, ["KA", "CL", "V"], "CP", options);
    expect(Array.from(first.f)).toEqual(Array.from(kept));
  });

  it("gives superposed IV boluses and their derivatives for phenobarbital subject 1 (doses every 12 h)", () => {
    const data = dataset("pheno.csv");
    const subject = subjectObservations(data)[0];
    const doses = data.subjects[0].records.filter((r) => r.evid === 1).map((r) => [r.time, r.amt]);
    const conc = (t: number, cl: number, v: number) => doses.reduce((c, [td, amt]) => c + (t >= td ? (amt / v) * Math.exp((-cl / v) * (t - td)) : 0), 0);
    const [cl, v] = [0.0066, 1.4];
    const p = predict(getModel("pk1cmt_iv"), subject, { CL: cl, V: v }, ["CL", "V"], "CP", options);
    subject.time.forEach((t, j) => {
      expect(p.f[j] / conc(t, cl, v)).toBeCloseTo(1, 10);
      expect(p.jacobian[0][j] / slope((x) => conc(t, x, v), cl)).toBeCloseTo(1, 6);
      expect(p.jacobian[1][j] / slope((x) => conc(t, cl, x), v)).toBeCloseTo(1, 6);
    });
  });

  it("differentiates a lag time by finite differences (the dose moves): same values as without derivatives", () => {
    const p = predict(model, theoph, { KA: 1.5, CL: 2.8, V: 31, ALAG1: 0.1 }, ["ALAG1"], "CP", options);
    const lagged = (t: number, lag: number) => (t > lag ? bateman(t - lag, 1.5, 2.8, 31) : 0);
    theoph.time.forEach((t, j) => {
      expect(p.f[j]).toBeCloseTo(lagged(t, 0.1), 8);
      expect(p.jacobian[0][j]).toBeCloseTo(slope((x) => lagged(t, x), 0.1), 3);
    });
  });
});
