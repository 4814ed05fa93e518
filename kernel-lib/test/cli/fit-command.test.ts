import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Runs the real command through its npm bin (built by `npm run build`, which `npm test` runs
// first), asynchronously: a fit can take seconds and must not block the test worker.
const bin = resolve(__dirname, "../../bin/pmxlab.js");
const pmxlab = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 300_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });

// Eight subjects, 100 mg IV bolus, 1-compartment: CL = 5·e^η L/h (η listed), V = 50 L,
// concentrations by the closed form 100/50·e^(−CL/50·t) with ±5 % deterministic errors.
const ETAS = [-0.4, -0.25, -0.1, 0, 0.05, 0.15, 0.3, 0.45];
const TIMES = [1, 4, 8, 12];
const ERRORS = [0.05, -0.03, 0.02, -0.05, -0.02, 0.04, -0.04, 0.01];
const dir = mkdtempSync(join(tmpdir(), "pmxlab-fit-"));
const data = join(dir, "data.csv");
const rows = ["ID,TIME,EVID,AMT,CMT,DV,MDV"];
ETAS.forEach((eta, i) => {
  rows.push(`${i + 1},0,1,100,1,.,1`);
  const cl = 5 * Math.exp(eta);
  TIMES.forEach((t, j) => rows.push(`${i + 1},${t},0,0,1,${(2 * Math.exp((-cl / 50) * t) * (1 + ERRORS[(i + j) % ERRORS.length])).toFixed(5)},0`));
});
writeFileSync(data, rows.join("\n") + "\n");
// The same with V = 50·e^η too (η listed), for SAEM, which needs variability on every parameter.
const V_ETAS = [0.2, -0.1, 0.15, -0.2, 0.05, -0.05, 0.1, -0.15];
const dataBoth = join(dir, "data-cl-v.csv");
const rowsBoth = ["ID,TIME,EVID,AMT,CMT,DV,MDV"];
ETAS.forEach((eta, i) => {
  rowsBoth.push(`${i + 1},0,1,100,1,.,1`);
  const [cl, v] = [5 * Math.exp(eta), 50 * Math.exp(V_ETAS[i])];
  TIMES.forEach((t, j) => rowsBoth.push(`${i + 1},${t},0,0,1,${((100 / v) * Math.exp((-cl / v) * t) * (1 + ERRORS[(i + j) % ERRORS.length])).toFixed(5)},0`));
});
writeFileSync(dataBoth, rowsBoth.join("\n") + "\n");

describe("pmxlab fit", () => {
  it("writes estimates, standard errors, the table and the EBEs to --out, with progress on stderr", async () => {
    const out = join(dir, "run");
    const r = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--theta", "V=40", "--omega", "CL=0.1", "--sigma", "proportional=0.01", "--out", out);
    expect(r.stderr).toMatch(/iteration 1 {2}OFV/);
    expect(r.code).toBe(0);
    for (const file of ["summary.txt", "estimates.csv", "table.csv", "etas.csv"]) expect(existsSync(join(out, file))).toBe(true);
    const estimates = readFileSync(join(out, "estimates.csv"), "utf8").trim().split("\n");
    expect(estimates[0]).toBe("parameter,estimate,se,rse");
    const cl = Number(estimates.find((line) => line.startsWith("CL,"))!.split(",")[1]);
    const v = Number(estimates.find((line) => line.startsWith("V,"))!.split(",")[1]);
    // The data were made with a typical CL of 5 L/h (η mean 0.025) and V 50 L.
    expect(cl).toBeGreaterThan(4.3);
    expect(cl).toBeLessThan(5.8);
    expect(v).toBeGreaterThan(46);
    expect(v).toBeLessThan(54);
    const table = readFileSync(join(out, "table.csv"), "utf8").trim().split("\n");
    expect(table[0]).toBe("ID,TIME,DV,PRED,IPRED,RES,IWRES,CWRES");
    expect(table.length).toBe(1 + ETAS.length * TIMES.length);
    expect(readFileSync(join(out, "etas.csv"), "utf8").split("\n")[0]).toBe("ID,ETA_CL");
  }, 300_000);

  it("--npde N and --vpc N write npde.csv and vpc.csv from N replicates of the fitted model; without --out they are refused", async () => {
    const out = join(dir, "checks");
    const r = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--theta", "V=40", "--omega", "CL=0.1", "--sigma", "proportional=0.01", "--no-covariance", "--npde", "100", "--vpc", "20", "--out", out);
    expect(r.code).toBe(0);
    const npde = readFileSync(join(out, "npde.csv"), "utf8").trim().split("\n");
    expect(npde[0]).toBe("ID,TIME,DV,PD,PDE,NPDE");
    expect(npde.length).toBe(1 + ETAS.length * TIMES.length);
    // pde are fractions of 100 replicates, clipped to [1/100, 99/100].
    for (const line of npde.slice(1)) {
      const pde = Number(line.split(",")[4]);
      expect(pde).toBeGreaterThanOrEqual(0.01);
      expect(pde).toBeLessThanOrEqual(0.99);
    }
    const vpc = readFileSync(join(out, "vpc.csv"), "utf8").trim().split("\n");
    expect(vpc[0]).toBe("BIN_LOWER,BIN_UPPER,TIME,N,OBS_P5,SIM_P5_LO,SIM_P5_MED,SIM_P5_HI,OBS_P50,SIM_P50_LO,SIM_P50_MED,SIM_P50_HI,OBS_P95,SIM_P95_LO,SIM_P95_MED,SIM_P95_HI");
    // The bins hold every observation once.
    expect(vpc.slice(1).reduce((s, line) => s + Number(line.split(",")[3]), 0)).toBe(ETAS.length * TIMES.length);
    const refused = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--npde", "100");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--npde and --vpc write files: give --out DIR/);
    const bad = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--vpc", "many", "--out", out);
    expect(bad.stderr).toMatch(/--vpc many: give the number of simulated replicates/);
  }, 300_000);

  it("prints the summary without --out", async () => {
    const r = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--theta", "V=40", "--omega", "CL=0.1", "--sigma", "proportional=0.01", "--no-covariance");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/FOCE-I fit of pk1cmt_iv: converged/);
    expect(r.stdout).toMatch(/covariance step not run/);
  }, 300_000);

  it("fits by SAEM with --method saem and writes estimates with SEs by linearisation, the table and the EBEs", async () => {
    const out = join(dir, "saem-se");
    const r = await pmxlab("fit", "--method", "saem", "--model", "pk1cmt_iv", "--data", dataBoth, "--theta", "CL=3", "--theta", "V=40", "--omega", "CL=0.1", "--omega", "V=0.05", "--sigma", "proportional=0.01", "--out", out);
    expect(r.code).toBe(0);
    const estimates = readFileSync(join(out, "estimates.csv"), "utf8").trim().split("\n");
    const [, estimate, se] = estimates.find((line) => line.startsWith("CL,"))!.split(",").map(Number);
    // CL was made 5·e^η with η of SD ≈ 0.28 over 8 subjects: SE(CL) near 5·0.28/√8 ≈ 0.5 L/h.
    expect(se).toBeGreaterThan(0.1);
    expect(se).toBeLessThan(1.5);
    expect(estimate).toBeGreaterThan(4.3);
    expect(readFileSync(join(out, "table.csv"), "utf8").trim().split("\n")).toHaveLength(1 + ETAS.length * TIMES.length);
    expect(readFileSync(join(out, "summary.txt"), "utf8")).toMatch(/FOCE-I linearisation at SAEM's estimates/);
  }, 300_000);

  it("fits by SAEM with --method saem --no-covariance and writes estimates (without SEs) and EBEs", async () => {
    const out = join(dir, "saem");
    const r = await pmxlab("fit", "--method", "saem", "--no-covariance", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--theta", "V=40", "--omega", "CL=0.1", "--omega", "V=0.05", "--sigma", "proportional=0.01", "--out", out);
    expect(r.code).toBe(0);
    const estimates = readFileSync(join(out, "estimates.csv"), "utf8").trim().split("\n");
    const cl = Number(estimates.find((line) => line.startsWith("CL,"))!.split(",")[1]);
    expect(cl).toBeGreaterThan(4.3);
    expect(cl).toBeLessThan(5.8);
    expect(estimates.find((line) => line.startsWith("CL,"))!.endsWith(",.,.")).toBe(true);
    expect(readFileSync(join(out, "etas.csv"), "utf8").split("\n")).toHaveLength(ETAS.length + 2);
  }, 300_000);

  it("refuses bad usage with one message: no --theta, an unknown method, an unknown THETA", async () => {
    expect((await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data)).stderr).toMatch(/missing --theta/);
    const method = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "CL=3", "--method", "fo");
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/--method fo: expected focei or saem/);
    const unknown = await pmxlab("fit", "--model", "pk1cmt_iv", "--data", data, "--theta", "KA=1");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/theta names "KA"/);
    expect(unknown.stdout).toBe("");
  });

  it("is listed by pmxlab --help", async () => {
    expect((await pmxlab("--help")).stdout).toMatch(/pmxlab fit --model/);
  });
});
