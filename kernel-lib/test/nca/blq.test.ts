import { describe, expect, it } from "vitest";
import { nca } from "../../src/nca/index.js";

const lin = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c1 + c2)) / 2;
const log = (t1: number, c1: number, t2: number, c2: number) => ((t2 - t1) * (c2 - c1)) / Math.log(c2 / c1);

// BLQ (0) before the first quantified sample, in the middle, and after the last one.
const subject = { time: [0, 1, 2, 3, 4, 6, 8], conc: [0, 5, 0, 4, 2, 0, 0] };

describe("BLQ rules", () => {
  it("default (PKNCA): keep leading and trailing BLQ as 0, drop BLQ between quantified samples", () => {
    const r = nca(subject);
    expect(r.auclast).toBeCloseTo(lin(0, 0, 1, 5) + log(1, 5, 3, 4) + log(3, 4, 4, 2), 12);
    expect(r.aucall).toBeCloseTo(r.auclast + lin(4, 2, 6, 0), 12); // the trailing 0 at 6 is kept
    expect(r.tlast).toBe(4);
    expect(r.notes).toContain("1 BLQ sample(s) dropped by the BLQ rules");
  });

  it('"keep" everywhere integrates through the middle zero', () => {
    const r = nca(subject, { concBlq: "keep" });
    expect(r.auclast).toBeCloseTo(lin(0, 0, 1, 5) + lin(1, 5, 2, 0) + lin(2, 0, 3, 4) + log(3, 4, 4, 2), 12);
  });

  it("before Tmax kept as 0, from Tmax on dropped", () => {
    const r = nca(subject, { concBlq: { "before.tmax": "keep", "after.tmax": "drop" } });
    expect(r.auclast).toBeCloseTo(lin(0, 0, 1, 5) + log(1, 5, 3, 4) + log(3, 4, 4, 2), 12);
    expect(r.aucall).toBeCloseTo(r.auclast, 12); // no trailing zeros left for the AUCall triangle
    expect(r.notes).toContain("3 BLQ sample(s) dropped by the BLQ rules");
  });

  it("dropping the leading BLQ starts the area at the first quantified sample", () => {
    const r = nca(subject, { concBlq: { first: "drop", middle: "drop", last: "keep" } });
    expect(r.auclast).toBeCloseTo(log(1, 5, 3, 4) + log(3, 4, 4, 2), 12);
  });

  it("a number replaces BLQ values (e.g. LLOQ/2) and they then count as concentrations", () => {
    const r = nca(subject, { concBlq: { first: "keep", middle: 0.5, last: "keep" } });
    expect(r.auclast).toBeCloseTo(lin(0, 0, 1, 5) + log(1, 5, 2, 0.5) + lin(2, 0.5, 3, 4) + log(3, 4, 4, 2), 12);
    expect(r.notes).toContain("1 BLQ sample(s) replaced by the BLQ rules");
  });

  it("samples below lloq are BLQ", () => {
    const r = nca({ ...subject, conc: [0.02, 5, 0.05, 4, 2, 0.04, 0.01], lloq: 0.1 });
    expect(r.auclast).toBeCloseTo(nca(subject).auclast, 12);
    expect(r.notes).toContain("4 sample(s) below lloq set to 0 (BLQ)");
  });

  it("all BLQ: AUC 0, Tlast and λz NaN with reasons", () => {
    const r = nca({ time: [0, 1, 2], conc: [0, 0, 0], dose: 5 });
    expect(r.auclast).toBe(0);
    expect(r.cmax).toBe(0);
    expect(r.tmax).toBeNaN();
    expect(r.tlast).toBeNaN();
    expect(r["cl.last"]).toBeNaN();
    expect(r.exclude.tlast).toBe("every concentration is BLQ");
    expect(r.exclude["lambda.z"]).toMatch(/too few points/);
  });
});
