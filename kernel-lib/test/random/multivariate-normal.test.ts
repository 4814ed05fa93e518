import { describe, expect, it } from "vitest";
import { cholesky } from "../../src/linalg/index.js";
import { MultivariateNormal, RandomStream } from "../../src/index.js";

const OMEGA = [
  [0.09, 0.045, 0.0135],
  [0.045, 0.09, 0.027],
  [0.0135, 0.027, 0.09],
];

describe("cholesky", () => {
  it("factors a positive definite matrix: L·Lᵀ = A", () => {
    const l = cholesky([[4, 2], [2, 3]]);
    expect(l[0]).toEqual([2, 0]);
    expect(l[1][0]).toBe(1);
    expect(l[1][1]).toBeCloseTo(Math.SQRT2, 15);
  });

  it("accepts a semi-definite matrix (perfect correlation) with a zero column", () => {
    const l = cholesky([[0.04, 0.06], [0.06, 0.09]]);
    expect(l[0][0]).toBeCloseTo(0.2, 15);
    expect(l[1][0]).toBeCloseTo(0.3, 15);
    expect(l[1][1]).toBe(0);
  });

  it("refuses a matrix that is not positive semi-definite, naming it and the row", () => {
    expect(() => cholesky([[0.09, 0.1], [0.1, 0.09]], { name: "OMEGA", labels: ["CL", "V"] })).toThrow(
      "OMEGA is not positive semi-definite (row 2 (V): pivot",
    );
  });

  it("refuses a matrix that is not square", () => {
    expect(() => cholesky([[1, 0], [0]], { name: "OMEGA" })).toThrow("OMEGA is not square: it has 2 rows but row 2 has 1 entries");
  });

  it("refuses a matrix that is not symmetric", () => {
    expect(() => cholesky([[1, 0.5], [0.4, 1]], { name: "SIGMA" })).toThrow("SIGMA is not symmetric: entry (2, 1) is 0.4 but (1, 2) is 0.5");
  });
});

describe("MultivariateNormal", () => {
  it("the sample covariance of 100,000 ETAs is within 1% of a correlated 3×3 OMEGA", () => {
    // Tolerance: relative 1% for variances; absolute 0.01·sqrt(ωii·ωjj) for covariances
    // (about 2.2 and 2.8 standard errors at n = 100,000).
    const n = 100_000;
    const mvn = new MultivariateNormal(OMEGA);
    const rng = RandomStream.fromSeed(3);
    const eta = new Float64Array(3);
    const sum = [0, 0, 0];
    const cross = OMEGA.map((row) => row.map(() => 0));
    for (let s = 0; s < n; s++) {
      mvn.sample(rng, eta);
      for (let i = 0; i < 3; i++) {
        sum[i] += eta[i];
        for (let j = 0; j < 3; j++) cross[i][j] += eta[i] * eta[j];
      }
    }
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const cov = (cross[i][j] - (sum[i] * sum[j]) / n) / (n - 1);
        if (i === j) expect(Math.abs(cov / OMEGA[i][i] - 1)).toBeLessThan(0.01);
        else expect(Math.abs(cov - OMEGA[i][j])).toBeLessThan(0.01 * Math.sqrt(OMEGA[i][i] * OMEGA[j][j]));
      }
    }
  });

  it("draws x = L·z from the stream's normals in order", () => {
    const mvn = new MultivariateNormal([[4, 2], [2, 3]]);
    const z = RandomStream.fromSeed(5);
    const z1 = z.normal();
    const z2 = z.normal();
    const x = mvn.sample(RandomStream.fromSeed(5), new Float64Array(2));
    expect(x[0]).toBe(2 * z1);
    expect(x[1]).toBeCloseTo(z1 + Math.SQRT2 * z2, 14);
  });
});
