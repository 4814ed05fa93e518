import { describe, expect, it } from "vitest";
import { parseOmega, PopulationError, simulatePopulation } from "../../src/index.js";

const NAMES = ["KA", "CL", "V1", "Q", "V2"];

describe("OMEGA", () => {
  it("takes a diagonal as variances by name", () => {
    expect(parseOmega({ CL: 0.09, V1: 0.04 }, NAMES)).toEqual({ names: ["CL", "V1"], matrix: [[0.09, 0], [0, 0.04]] });
  });

  it("takes a block as a lower triangle (NONMEM order) or a full matrix, with the same result", () => {
    const lower = parseOmega({ names: ["CL", "V1"], matrix: [[0.09], [0.03, 0.04]] }, NAMES);
    const full = parseOmega({ names: ["CL", "V1"], matrix: [[0.09, 0.03], [0.03, 0.04]] }, NAMES);
    expect(lower).toEqual({ names: ["CL", "V1"], matrix: [[0.09, 0.03], [0.03, 0.04]] });
    expect(full).toEqual(lower);
  });

  it("places a list of blocks and diagonals block-diagonally", () => {
    const omega = parseOmega([{ names: ["CL", "V1"], matrix: [[0.09], [0.03, 0.04]] }, { KA: 0.16 }], NAMES);
    expect(omega.names).toEqual(["CL", "V1", "KA"]);
    expect(omega.matrix).toEqual([[0.09, 0.03, 0], [0.03, 0.04, 0], [0, 0, 0.16]]);
  });

  it("refuses a block that is not square", () => {
    expect(() => parseOmega({ names: ["CL", "V1"], matrix: [[0.09, 0.01, 0], [0.01, 0.04, 0]] }, NAMES)).toThrow(
      "OMEGA block 1 (CL, V1) is not square: 2 names but 2 rows of lengths 3, 3; give an 2×2 matrix or its lower triangle",
    );
  });

  it("refuses an OMEGA that is not positive semi-definite, naming the row", () => {
    expect(() => parseOmega({ names: ["CL", "V1"], matrix: [[0.09], [0.1, 0.04]] }, NAMES)).toThrow(
      /^OMEGA is not positive semi-definite \(row 2 \(V1\): pivot -0\.07111 < 0\)/,
    );
  });

  it("refuses a name that is not a parameter of the model", () => {
    expect(() => parseOmega({ CLX: 0.09 }, NAMES)).toThrow('OMEGA names "CLX", which is not a parameter of the model; parameters: KA, CL, V1, Q, V2');
  });

  it("refuses a parameter named twice", () => {
    expect(() => parseOmega([{ CL: 0.09 }, { CL: 0.04 }], NAMES)).toThrow('OMEGA names "CL" twice; give each parameter one ETA');
  });

  it("refuses a negative variance", () => {
    expect(() => parseOmega({ CL: -0.09 }, NAMES)).toThrow("OMEGA variance of CL is -0.09; variances must be ≥ 0");
  });

  it("errors are PopulationErrors", () => {
    expect(() => parseOmega({ CLX: 0.09 }, NAMES)).toThrow(PopulationError);
  });
});

describe("simulatePopulation input checks", () => {
  const base = { regimen: "100 mg", times: [1, 2], n: 10 };

  it("refuses n ≤ 0", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, n: 0 })).toThrow("n = 0: the number of subjects must be a whole number ≥ 1");
  });

  it("refuses an unknown parameter in OMEGA with the model's parameters listed", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, omega: { KA: 0.1 } })).toThrow(
      'OMEGA names "KA", which is not a parameter of the model; parameters: CL, V, F1, ALAG1',
    );
  });

  it("refuses a negative SIGMA", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, sigma: { additive: -1 } })).toThrow("SIGMA additive = -1: a variance must be a finite number ≥ 0");
  });

  it("refuses a target time that is not simulated", () => {
    expect(() =>
      simulatePopulation("pk1cmt_iv", base, { summaries: { attainment: [{ kind: "concentration", time: 3, atLeast: 1 }] } }),
    ).toThrow("target 1 (concentration): time = 3 is not one of the simulated times; add it to `times`");
  });

  it("refuses percentiles of DV without a residual error model", () => {
    expect(() => simulatePopulation("pk1cmt_iv", base, { summaries: { percentiles: { of: "DV" } } })).toThrow(
      'percentiles of "DV" need a residual error model (`sigma`)',
    );
  });

  it("refuses a THETA covariance that is not positive semi-definite, calling it by its name", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, uncertainty: { names: ["CL", "V"], covariance: [[1], [2, 1]] } })).toThrow(
      /^THETA covariance is not positive semi-definite \(row 2 \(V\)/,
    );
  });

  it("refuses a seed that is not an integer", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, seed: 1.5 })).toThrow("random seed 1.5 is not an integer (use a whole number such as 20261125)");
  });

  it("refuses a distribution for a parameter without an ETA", () => {
    expect(() => simulatePopulation("pk1cmt_iv", { ...base, omega: { CL: 0.1 }, distributions: { V: "normal" } })).toThrow(
      'distributions names "V", which has no ETA in OMEGA or IOV (CL)',
    );
  });
});
