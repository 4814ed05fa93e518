import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { npde, replaceObservations, simulateDesign, subjectNpde } from "../../src/estimation/index.js";
import { RandomStream } from "../../src/random/index.js";
import { runR } from "./r-reference.js";

const theophText = readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8");

/** K draws of the linear mixed model y_j = θ + η + ε_j (n observations): Var = ω²·J + σ²·I. */
function linearReplicates(k: number, n: number, theta: number, omega2: number, sigma2: number, seed: number): Float64Array[] {
  const stream = RandomStream.fromSeed(seed);
  return Array.from({ length: k }, () => {
    const eta = Math.sqrt(omega2) * stream.normal();
    return Float64Array.from({ length: n }, () => theta + eta + Math.sqrt(sigma2) * stream.normal());
  });
}

describe("subjectNpde", () => {
  it("one observation of a linear model: pde is the normal CDF Φ((y − θ)/√(ω² + σ²)) (R's pnorm), within 4 binomial SDs", () => {
    const k = 20000;
    const [theta, omega2, sigma2] = [10, 4, 1];
    const ys = [7.1, 9.2, 10, 11.5, 14.9];
    const r = runR(`y <- c(${ys.join(",")}); p <- pnorm((y - ${theta}) / sqrt(${omega2 + sigma2})); for (i in seq_along(p)) cat("p", i, " ", format(p[i], digits = 15), "\\n", sep = "")`);
    ys.forEach((y, i) => {
      const d = subjectNpde({ observed: [y], simulated: linearReplicates(k, 1, theta, omega2, sigma2, 100 + i) });
      const exact = r[`p${i + 1}`];
      // The pde is the fraction of K replicates below y: binomial SD √(p(1−p)/K) ≤ 0.0036.
      expect(Math.abs(d.pde[0] - exact), `y = ${y}`).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / k) + 1e-9);
      expect(d.pd[0]).toBe(d.pde[0]); // one observation: decorrelation is a monotone standardisation
    });
  });

  it("three observations of a linear mixed model: pde = Φ(L⁻¹(y − θ)) with L the Cholesky factor of ω²J + σ²I (R's chol and pnorm)", () => {
    const k = 20000;
    const [theta, omega2, sigma2] = [5, 1, 0.5];
    const y = [6.2, 4.1, 5.9];
    // R's chol gives the upper factor U with UᵀU = V, so L = Uᵀ and L⁻¹(y − θ) = solve(t(U), y − θ).
    const r = runR(`V <- matrix(${omega2}, 3, 3) + diag(${sigma2}, 3); z <- solve(t(chol(V)), c(${y.join(",")}) - ${theta}); p <- pnorm(z); for (i in 1:3) cat("p", i, " ", format(p[i], digits = 15), "\\n", sep = "")`);
    const d = subjectNpde({ observed: y, simulated: linearReplicates(k, 3, theta, omega2, sigma2, 7) });
    // Binomial error (≤ 0.0036 for K = 20000) plus the error of the replicates' mean and covariance
    // (relative O(1/√K) ≈ 0.007 on the decorrelated scale, ≤ 0.003 on the probability scale): 0.02 is over 4 SD.
    [0, 1, 2].forEach((j) => expect(Math.abs(d.pde[j] - r[`p${j + 1}`]), `observation ${j + 1}`).toBeLessThan(0.02));
    // The second observation is below the mean, but after removing the shared η (the first is high) it is further below.
    expect(d.npde[1]).toBeLessThan(0);
  });

  it("clips pde to [1/K, 1 − 1/K] so that npde stay finite (Comets et al. 2008)", () => {
    const d = subjectNpde({ observed: [1e6], simulated: linearReplicates(100, 1, 0, 1, 1, 3) });
    expect(d.pde[0]).toBe(1 - 1 / 100);
    expect(Number.isFinite(d.npde[0])).toBe(true);
  });

  it("names the problem: fewer replicates than observations, a replicate of the wrong length, an observation that never varies", () => {
    expect(() => subjectNpde({ observed: [1, 2, 3], simulated: linearReplicates(3, 3, 0, 1, 1, 1) })).toThrow(/more replicates than observations per subject: 3 replicates for 3 observations/);
    expect(() => subjectNpde({ observed: [1, 2], simulated: [Float64Array.of(1, 2), Float64Array.of(1), Float64Array.of(3, 4)] })).toThrow(/replicate 1 has 1 values/);
    expect(() => subjectNpde({ observed: [1, 2], simulated: Array.from({ length: 10 }, (_, r) => Float64Array.of(0, r)) })).toThrow(/observation 1 .*does not vary/);
  });
});

describe("npde of a dataset", () => {
  it("refuses more replicates than it may hold before simulating any (--npde 1e9 grew without bound)", () => {
    const truth = { theta: { KA: 1.5, CL: 2.8, V: 32 }, omega: { KA: 0.4, CL: 0.07, V: 0.02 }, sigma: { additive: 0.5 } };
    const design = readDataset(theophText); // 132 observations
    const message = "1000000000 replicates of 132 observations are 132000000000 simulated values, more than the 50,000,000 one simulation may hold; give at most 378,787 replicates for this dataset";
    expect(() => npde("pk1cmt_oral", design, truth, { replicates: 1e9 })).toThrow(message);
    expect(() => simulateDesign("pk1cmt_oral", design, truth, { replicates: 1e9 })).toThrow(message);
  });

  it("data simulated from the model itself (Theoph design, 1-compartment oral, additive error): npde have mean ≈ 0, variance ≈ 1, and R's Shapiro–Wilk and KS tests do not reject N(0, 1)", { timeout: 120_000 }, () => {
    const truth = { theta: { KA: 1.5, CL: 2.8, V: 32 }, omega: { KA: 0.4, CL: 0.07, V: 0.02 }, sigma: { additive: 0.5 } };
    const design = readDataset(theophText);
    const simulated = simulateDesign("pk1cmt_oral", design, truth, { replicates: 1, seed: 2024 });
    const data = replaceObservations(design, simulated.dv.map((subject) => subject[0]));
    const result = npde("pk1cmt_oral", data, truth, { replicates: 500, seed: 99 });
    const n = result.npde.length;
    expect(n).toBe(132);
    // Under the model the npde are independent N(0, 1): the mean has SD 1/√132 = 0.087, the variance SD √(2/131) = 0.12.
    expect(Math.abs(result.mean)).toBeLessThan(3 / Math.sqrt(n));
    expect(Math.abs(result.variance - 1)).toBeLessThan(3 * Math.sqrt(2 / (n - 1)));
    const r = runR(`x <- c(${Array.from(result.npde).join(",")}); cat("mean", format(mean(x), digits = 15), "\\n"); cat("sw", shapiro.test(x)$p.value, "\\n"); cat("ks", ks.test(x, "pnorm")$p.value, "\\n")`);
    expect(r.mean).toBeCloseTo(result.mean, 10);
    expect(r.sw).toBeGreaterThan(0.01);
    expect(r.ks).toBeGreaterThan(0.01);
    expect(result.plot().data[0].y).toHaveLength(n);
    expect(result.qqPlot().data[0].x).toHaveLength(n);
  });

  it("a misspecified model is caught: data from CL 2.8 L/h judged with CL 1.4 L/h give npde far from N(0, 1)", { timeout: 120_000 }, () => {
    const truth = { theta: { KA: 1.5, CL: 2.8, V: 32 }, omega: { KA: 0.4, CL: 0.07, V: 0.02 }, sigma: { additive: 0.5 } };
    const wrong = { ...truth, theta: { ...truth.theta, CL: 1.4 } };
    const result = npde("pk1cmt_oral", readDataset(theophText), wrong, { replicates: 200, seed: 5 });
    // Halving CL doubles the late concentrations: the observations sit low in the simulated
    // distribution. Under the model the mean would have SD 1/√132 = 0.087: −0.3 is 3.4 SD away.
    expect(result.mean).toBeLessThan(-0.3);
    const r = runR(`x <- c(${Array.from(result.npde).join(",")}); cat("ks", ks.test(x, "pnorm")$p.value, "\\n")`);
    expect(r.ks).toBeLessThan(0.001);
  });
});
