import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { EstimationError, fitIndividual } from "../../src/estimation/index.js";
import { runR } from "./r-reference.js";

// Theoph subject 1 (datasets/theoph.csv): 319.992 mg orally, weight 79.6 kg, 11 samples.
const theoph = readDataset(readFileSync(resolve(__dirname, "../../../datasets/theoph.csv"), "utf8"));
const WT = 79.6;
const start = { KA: 1, CL: 3, V: 30 };

// R's nls on the same data with the self-starting first-order model SSfol (Pinheiro & Bates
// 2000): log Ke, log Ka, log Cl with Cl per kg (R's Dose is mg/kg). confint() profiles the
// sum of squares (MASS). Printed as `name value` lines.
const NLS = `
d <- Theoph[Theoph$Subject == 1, ]
f <- nls(conc ~ SSfol(Dose, Time, lKe, lKa, lCl), data = d)
co <- coef(f); V <- vcov(f); ci <- suppressMessages(confint(f))
out <- c(lKe = co[["lKe"]], lKa = co[["lKa"]], lCl = co[["lCl"]],
  se_lKa = sqrt(V["lKa", "lKa"]), se_lCl = sqrt(V["lCl", "lCl"]),
  se_lV = sqrt(V["lCl", "lCl"] + V["lKe", "lKe"] - 2 * V["lCl", "lKe"]),
  sigma = summary(f)$sigma, m2ll = -2 * as.numeric(logLik(f)),
  ka_low = ci["lKa", 1], ka_high = ci["lKa", 2], cl_low = ci["lCl", 1], cl_high = ci["lCl", 2])
for (k in names(out)) cat(k, format(out[[k]], digits = 15), "\\n")
`;

describe("fitIndividual: least squares against R's nls (Theoph subject 1, 1-compartment oral)", () => {
  const r = runR(NLS);
  const fit = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: start, profile: ["KA", "CL"] });
  const row = (name: string) => fit.parameters.find((p) => p.name === name)!;

  it("converges to nls's estimates (KA = e^lKa, CL = e^lCl·WT, V = e^(lCl − lKe)·WT)", () => {
    expect(fit.status).toBe("converged");
    expect(row("KA").estimate).toBeCloseTo(Math.exp(r.lKa), 4);
    expect(row("CL").estimate / (Math.exp(r.lCl) * WT)).toBeCloseTo(1, 5);
    expect(row("V").estimate / (Math.exp(r.lCl - r.lKe) * WT)).toBeCloseTo(1, 5);
  });

  it("gives nls's standard errors (on the log scale SE(log x) = SE(x)/x) and residual SE", () => {
    expect(row("KA").se / row("KA").estimate / r.se_lKa).toBeCloseTo(1, 3);
    expect(row("CL").se / row("CL").estimate / r.se_lCl).toBeCloseTo(1, 3);
    expect(row("V").se / row("V").estimate / r.se_lV).toBeCloseTo(1, 3);
    expect(fit.residualStandardError).toBeCloseTo(r.sigma, 5);
    expect(fit.degreesOfFreedom).toBe(8);
  });

  it("gives nls's log-likelihood", () => {
    expect(fit.minus2LogLikelihood).toBeCloseTo(r.m2ll, 4);
    expect(fit.aic).toBeCloseTo(r.m2ll + 2 * 4, 4);
  });

  it("gives the profile-likelihood intervals of R's confint (which interpolates its profile: 0.2 %)", () => {
    const [kaLow, kaHigh] = row("KA").profile!;
    const [clLow, clHigh] = row("CL").profile!;
    expect(kaLow / Math.exp(r.ka_low)).toBeCloseTo(1, 2);
    expect(kaHigh / Math.exp(r.ka_high)).toBeCloseTo(1, 2);
    expect(clLow / (Math.exp(r.cl_low) * WT)).toBeCloseTo(1, 2);
    expect(clHigh / (Math.exp(r.cl_high) * WT)).toBeCloseTo(1, 2);
    expect(row("V").profile).toBeUndefined();
  });

  it("prints a summary table with every parameter and the correlations", () => {
    const text = fit.toString();
    for (const word of ["KA", "CL", "V", "RSE%", "profile low", "correlation", "converged"]) expect(text).toContain(word);
    expect(fit.correlation![0][0]).toBeCloseTo(1, 12);
    expect(fit.plot().data[0].x).toHaveLength(11);
  });
});

describe("fitIndividual: maximum likelihood", () => {
  it("with additive error has the least-squares estimates and σ² = RSS/n (closed form of the ML variance)", () => {
    const ls = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: start });
    const ml = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: start, estimator: "maximum-likelihood", error: { additive: 1 } });
    const rss = ls.table.res.reduce((s, x) => s + x * x, 0);
    expect(ml.status).toBe("converged");
    for (const name of ["KA", "CL", "V"]) expect(ml.estimates[name] / ls.estimates[name]).toBeCloseTo(1, 5);
    expect(ml.estimates["SIGMA additive"] / (rss / 11)).toBeCloseTo(1, 5);
    expect(ml.minus2LogLikelihood).toBeCloseTo(ls.minus2LogLikelihood, 5);
  });

  it("with combined error reaches the minimum −2LL that R's optim finds on the closed form", () => {
    const r = runR(`
d <- Theoph[Theoph$Subject == 1, ]; dose <- d$Dose[1] * d$Wt[1]; t <- d$Time; y <- d$conc
m2ll <- function(p) { ka <- exp(p[1]); cl <- exp(p[2]); v <- exp(p[3]); ke <- cl / v
  f <- dose * ka / (v * (ka - ke)) * (exp(-ke * t) - exp(-ka * t)); s2 <- exp(p[4]) + exp(p[5]) * f^2
  sum(log(2 * pi * s2) + (y - f)^2 / s2) }
o <- optim(c(log(1.8), log(1.6), log(29), log(0.3), log(0.01)), m2ll, method = "BFGS", control = list(reltol = 1e-14, maxit = 1000))
o <- optim(o$par, m2ll, method = "Nelder-Mead", control = list(reltol = 1e-14, maxit = 5000))
cat("m2ll", format(o$value, digits = 15), "\\nka", exp(o$par[1]), "\\ncl", exp(o$par[2]), "\\nv", exp(o$par[3]), "\\n")`);
    const ml = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: start, estimator: "maximum-likelihood", error: { additive: 0.5, proportional: 0.01 } });
    expect(ml.status).toBe("converged");
    expect(ml.minus2LogLikelihood).toBeLessThanOrEqual(r.m2ll + 1e-4);
    expect(ml.minus2LogLikelihood).toBeCloseTo(r.m2ll, 3);
    expect(ml.estimates.KA / r.ka).toBeCloseTo(1, 2);
    expect(ml.estimates.CL / r.cl).toBeCloseTo(1, 2);
    expect(ml.estimates.V / r.v).toBeCloseTo(1, 2);
  });
});

describe("fitIndividual: bounds, scales and bad input", () => {
  it("keeps a bounded parameter inside its bounds, at the bound when the data push past it", () => {
    const fit = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: { KA: { value: 1, upper: 1.2 }, CL: 3, V: 30 } });
    expect(fit.estimates.KA).toBeLessThanOrEqual(1.2);
    expect(fit.estimates.KA).toBeGreaterThan(1.19);
  });

  it("fits on a linear scale when asked, to the same estimates", () => {
    const fit = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: { KA: { value: 1, scale: "linear" }, CL: { value: 3, scale: "linear" }, V: { value: 30, scale: "linear" } } });
    const log = fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: start });
    for (const name of ["KA", "CL", "V"]) expect(fit.estimates[name] / log.estimates[name]).toBeCloseTo(1, 5);
    // The delta method makes the SE scale-invariant at the optimum.
    expect(fit.parameters[1].se / log.parameters[1].se).toBeCloseTo(1, 4);
  });

  it("names the problem: unknown parameter, several subjects, bad weights, start outside bounds", () => {
    expect(() => fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: { CLL: 3 } })).toThrow(/unknown parameter "CLL"/);
    expect(() => fitIndividual("pk1cmt_oral", theoph, { parameters: start })).toThrow(/12 subjects.*`id`/);
    expect(() => fitIndividual("pk1cmt_oral", theoph, { id: 2, parameters: start, weights: "1/y" })).toThrow(/weight 1 of subject 2 .*DV 0/);
    expect(() => fitIndividual("pk1cmt_oral", theoph, { id: 1, parameters: { KA: { value: 5, upper: 2 } } })).toThrow(EstimationError);
    expect(() => fitIndividual("pk1cmt_oral", theoph, { id: 99, parameters: start })).toThrow(/no subject with id 99/);
  });
});
