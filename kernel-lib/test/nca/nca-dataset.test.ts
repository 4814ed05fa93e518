import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { nca, ncaDataset, ncaTable, ncaToCsv, NCA_PARAMETERS } from "../../src/nca/index.js";

const data = (lines: string[]) => readDataset(["ID,TIME,EVID,AMT,RATE,DV,MDV", ...lines, ""].join("\n"));

describe("ncaDataset", () => {
  it("takes the dose from the EVID=1 row and DV of EVID=0 rows, ignoring MDV=1 and pre-dose rows", () => {
    const d = data([
      "1,23,0,0,0,0.3,0", // pre-dose sample: before the dose at 24
      "1,24,1,100,0,.,1",
      "1,25,0,0,0,6,0",
      "1,26,0,0,0,99,1", // MDV=1: not a sample
      "1,26,2,0,0,.,1", // other event
      "1,28,0,0,0,4,0",
      "1,32,0,0,0,2,0",
      "1,36,0,0,0,1,0",
    ]);
    const [r] = ncaDataset(d);
    const direct = nca({ time: [1, 4, 8, 12], conc: [6, 4, 2, 1], dose: 100 });
    expect(r.ID).toBe(1);
    expect(r.dose).toBe(100);
    expect(r.tmax).toBe(1); // relative to the dose
    expect(r.cmax).toBe(6);
    expect(r.auclast).toBeCloseTo(direct.auclast, 12);
    expect(r["cl.obs"]).toBeCloseTo(direct["cl.obs"], 12);
    expect(r.notes).toContain("1 observation(s) before the dose at time 24 ignored");
  });

  it("gives an infusion its duration AMT/RATE", () => {
    const d = data(["1,0,1,100,50,.,1", "1,1,0,0,0,4,0", "1,2,0,0,0,6,0", "1,3,0,0,0,5,0", "1,5,0,0,0,3,0"]);
    const [r] = ncaDataset(d, { route: "iv-infusion" });
    expect(r["mrt.iv.last"]).toBeCloseTo(r["mrt.last"] - 1, 12);
  });

  it("rejects an infusion analysed as extravascular", () => {
    const d = data(["1,0,1,100,50,.,1", "1,1,0,0,0,4,0", "1,2,0,0,0,2,0"]);
    expect(() => ncaDataset(d)).toThrow("ID 1: row 1 is an infusion (RATE 50) but the route is extravascular; use route iv-infusion");
  });

  it("rejects more than one dose per subject", () => {
    const d = data(["1,0,1,100,0,.,1", "1,1,0,0,0,4,0", "1,12,1,100,0,.,1", "1,13,0,0,0,4,0"]);
    expect(() => ncaDataset(d)).toThrow("ID 1: 2 dose rows (rows 1, 3); NCA here is for a single dose per subject");
  });

  it("names the dataset row of a negative or missing concentration", () => {
    expect(() => ncaDataset(data(["1,0,1,100,0,.,1", "1,1,0,0,0,4,0", "1,2,0,0,0,-2,0"]))).toThrow("ID 1: row 3: concentration -2 at time 2 is negative");
    expect(() => ncaDataset(data(["1,0,1,100,0,.,1", "1,1,0,0,0,4,0", "1,2,0,0,0,.,0"]))).toThrow("ID 1: row 3: the concentration at time 2 is missing");
  });

  it("without a dose row gives NaN dose-based values and says so", () => {
    const [r] = ncaDataset(data(["1,0,0,0,0,0,0", "1,1,0,0,0,4,0", "1,2,0,0,0,2,0"]));
    expect(r["cl.last"]).toBeNaN();
    expect(r.auclast).toBeCloseTo(2 + 2 / Math.LN2, 12);
    expect(r.notes[0]).toMatch(/no dose row/);
  });
});

describe("ncaTable and ncaToCsv", () => {
  const results = ncaDataset(data(["1,0,1,100,0,.,1", "1,1,0,0,0,6,0", "1,2,0,0,0,4,0", "1,4,0,0,0,2,0", "1,8,0,0,0,0.5,0", "2,0,1,50,0,.,1", "2,1,0,0,0,3,0", "2,2,0,0,0,2,0"]), {
    partialAuc: [[0, 2], [1, Infinity]],
  });

  it("has PKNCA's column names, ID first, partial AUCs, exclude and notes last", () => {
    const { header, rows } = ncaTable(results);
    expect(header.slice(0, 13)).toEqual(["ID", "cmax", "tmax", "tlast", "clast.obs", "auclast", "lambda.z", "r.squared", "adj.r.squared", "half.life", "aucinf.obs", "cl.obs", "vz.obs"]);
    expect(header.slice(-6)).toEqual(["aucint.last_0_2", "aucint.inf.obs_0_2", "aucint.last_1_Inf", "aucint.inf.obs_1_Inf", "exclude", "notes"]);
    expect(header.length).toBe(1 + NCA_PARAMETERS.length + 6);
    expect(rows[0][header.indexOf("auclast")]).toBe(results[0].auclast);
    expect(rows[1][header.indexOf("exclude")]).toMatch(/^lambda\.z: too few points/);
  });

  it("names the subject and parameter of an infinite result (an AUC that underflowed: CL = dose / AUC)", () => {
    const tiny = ncaDataset(data(["7,0,1,100,0,.,1", "7,1,0,0,0,1e-320,0", "7,2,0,0,0,1e-321,0", "7,4,0,0,0,1e-322,0"]));
    expect(() => ncaToCsv(tiny)).toThrow(/^ncaToCsv: ID 7: [\w.]+ is Infinity: its concentrations or times are beyond what double precision can take/);
  });

  it("writes CSV with NaN as '.'", () => {
    const lines = ncaToCsv(results).trim().split("\n");
    expect(lines).toHaveLength(3);
    const header = lines[0].split(",");
    const second = lines[2].split(",");
    expect(second[0]).toBe("2");
    expect(second[header.indexOf("lambda.z")]).toBe(".");
    expect(Number(lines[1].split(",")[header.indexOf("cmax")])).toBe(6);
  });
});
