import { describe, expect, it } from "vitest";
import { PopulationFit, qqPlot, residualPlot } from "../../src/estimation/index.js";
import { runR } from "./r-reference.js";

const f64 = (...x: number[]) => Float64Array.from(x);

/** A PopulationFit with a hand-made table and EBEs: only the plots are exercised. */
function handMadeFit(): PopulationFit {
  return new PopulationFit({
    model: "pk1cmt_iv",
    method: "focei",
    status: "converged",
    message: "",
    iterations: 1,
    ofv: 0,
    observations: 4,
    subjects: 2,
    theta: { CL: 1, V: 10 },
    omega: { names: ["CL", "V"], matrix: [[0.04, 0], [0, 0.25]] },
    sigma: { additive: 1 },
    estimates: [],
    covarianceMessage: "",
    etaNames: ["CL", "V"],
    etas: [[0.1, -0.5], [-0.2, 0.25]],
    etaShrinkage: [0, 0],
    epsilonShrinkage: 0,
    table: { id: f64(1, 1, 2, 2), time: f64(1, 4, 1, 4), dv: f64(5, 2, 6, 3), pred: f64(4.5, 2.5, 5.5, 2.5), ipred: f64(4.8, 2.1, 6.2, 2.9), res: f64(0.5, -0.5, 0.5, 0.5), iwres: f64(0.2, -0.1, -0.2, 0.1), cwres: f64(0.3, -1.2, 0.9, 0.4) },
  });
}

describe("goodness-of-fit plots of a population fit", () => {
  it("CWRES against PRED and against time, with a zero line", () => {
    const fit = handMadeFit();
    const byPred = fit.cwresVsPredPlot();
    expect(byPred.data[0].x).toEqual([4.5, 2.5, 5.5, 2.5]);
    expect(byPred.data[0].y).toEqual([0.3, -1.2, 0.9, 0.4]);
    expect(byPred.data[1].y).toEqual([0, 0]);
    expect(byPred.layout.xaxis?.title?.text).toBe("PRED");
    expect(fit.cwresPlot().data[0].x).toEqual([1, 4, 1, 4]);
  });

  it("hands its model to npde and vpc as `population`", () => {
    const individual = (th: Record<string, number>) => ({ CL: th.CL, V: th.V });
    const fit = new PopulationFit({ ...handMadeFit(), individual, output: "CP" });
    expect(fit.population).toEqual({ theta: { CL: 1, V: 10 }, individual, omega: fit.omega, sigma: { additive: 1 }, output: "CP" });
  });

  it("|IWRES| against IPRED, without a reference line", () => {
    const fig = handMadeFit().absIwresPlot();
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].x).toEqual([4.8, 2.1, 6.2, 2.9]);
    expect(fig.data[0].y).toEqual([0.2, 0.1, 0.2, 0.1]);
  });

  it("ETA QQ plot: η̂/√ω sorted against R's qqnorm positions, one series per ETA", () => {
    const fig = handMadeFit().etaQqPlot();
    // η_CL/0.2 = 0.5, −1; η_V/0.5 = −1, 0.5. R: qqnorm of two values uses ppoints(2) = (1 − 3/8)/(2 + 1 − 3/4).
    const r = runR(`q <- qqnorm(c(0.5, -1), plot.it = FALSE); cat("x1", format(sort(q$x)[1], digits = 15), "\\n"); cat("x2", format(sort(q$x)[2], digits = 15), "\\n")`);
    expect(fig.data[0].name).toBe("ETA CL");
    expect(fig.data[0].y).toEqual([-1, 0.5]);
    expect(fig.data[1].y).toEqual([-1, 0.5]);
    expect(fig.data[0].x[0]).toBeCloseTo(r.x1, 10);
    expect(fig.data[0].x[1]).toBeCloseTo(r.x2, 10);
  });
});

describe("qqPlot and residualPlot", () => {
  it("qqPlot matches R's qqnorm for n > 10 (positions (i − ½)/n)", () => {
    const values = [0.3, -1.1, 2.2, 0.05, -0.4, 1.3, -2.0, 0.8, 0.1, -0.7, 1.7, -0.2];
    const r = runR(`q <- qqnorm(c(${values.join(",")}), plot.it = FALSE); o <- order(q$y); for (i in seq_along(o)) cat("x", i, " ", format(q$x[o[i]], digits = 15), "\\n", sep = "")`);
    const fig = qqPlot([{ name: "sample", values }]);
    fig.data[0].x.forEach((x, i) => expect(x).toBeCloseTo(r[`x${i + 1}`], 10));
    expect(fig.data[0].y).toEqual([...values].sort((a, b) => a - b));
    expect(fig.data.at(-1)?.name).toBe("identity");
  });

  it("residualPlot draws the reference line where asked", () => {
    const fig = residualPlot({ x: [1, 2], y: [3, 4] }, { x: "a", y: "b" }, { reference: 1 });
    expect(fig.data[1].y).toEqual([1, 1]);
  });
});
