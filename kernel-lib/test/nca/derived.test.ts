import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

const subject = { time: [0, 0.5, 1, 2, 4, 6, 8, 12], conc: [0, 3.2, 5.1, 4.6, 3.1, 2.2, 1.5, 0.7], dose: 250 };

describe("dose-based and derived parameters", () => {
  const r = nca(subject);

  it("CL/F = dose/AUC and Vz/F = CL/F ÷ λz", () => {
    expect(r["cl.obs"]).toBeCloseTo(250 / r["aucinf.obs"], 12);
    expect(r["cl.pred"]).toBeCloseTo(250 / r["aucinf.pred"], 12);
    expect(r["cl.last"]).toBeCloseTo(250 / r.auclast, 12);
    expect(r["vz.obs"]).toBeCloseTo(250 / r["aucinf.obs"] / r["lambda.z"], 12);
  });

  it("AUCinf,pred uses Clast,pred and AUMCinf adds Clast·Tlast/λz + Clast/λz²", () => {
    const l = r["lambda.z"];
    expect(r["aucinf.pred"]).toBeCloseTo(r.auclast + r["clast.pred"] / l, 12);
    expect(r["aumcinf.obs"]).toBeCloseTo(r.aumclast + (0.7 * 12) / l + 0.7 / (l * l), 10);
  });

  it("MRT = AUMC/AUC; mrt.iv.* is NaN for an extravascular dose", () => {
    expect(r["mrt.last"]).toBeCloseTo(r.aumclast / r.auclast, 12);
    expect(r["mrt.obs"]).toBeCloseTo(r["aumcinf.obs"] / r["aucinf.obs"], 12);
    expect(r["mrt.iv.obs"]).toBeNaN();
  });

  it("dose-normalised values divide by the dose", () => {
    expect(r["cmax.dn"]).toBeCloseTo(5.1 / 250, 15);
    expect(r["clast.obs.dn"]).toBeCloseTo(0.7 / 250, 15);
    expect(r["auclast.dn"]).toBeCloseTo(r.auclast / 250, 15);
    expect(r["aucinf.obs.dn"]).toBeCloseTo(r["aucinf.obs"] / 250, 15);
    // doubling the dose and the concentrations (linear PK) leaves them unchanged
    const doubled = nca({ ...subject, conc: subject.conc.map((c) => 2 * c), dose: 500 });
    expect(doubled["auclast.dn"]).toBeCloseTo(r["auclast.dn"], 12);
    expect(doubled["cmax.dn"]).toBeCloseTo(r["cmax.dn"], 15);
  });

  it("without a dose, dose-based values are NaN and say why", () => {
    const noDose = nca({ time: subject.time, conc: subject.conc });
    expect(noDose["cl.obs"]).toBeNaN();
    expect(noDose["cmax.dn"]).toBeNaN();
    expect(noDose.auclast).toBeCloseTo(r.auclast, 15);
    expect(noDose.exclude.dose).toMatch(/no dose given/);
  });

  it("times are relative to the dose", () => {
    const late = nca({ ...subject, time: subject.time.map((t) => t + 100), doseTime: 100 });
    expect(late.tmax).toBe(1);
    expect(late.auclast).toBeCloseTo(r.auclast, 10);
  });
});
