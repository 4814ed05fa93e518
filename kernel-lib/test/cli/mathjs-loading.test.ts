import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ONE_CMT } from "../model/fixtures.js";
import { PMXLAB_BIN } from "./run-bin.js";

const dir = mkdtempSync(join(tmpdir(), "pmxlab-mathjs-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// Preloaded into the command's process: at exit, says whether mathjs's build was loaded.
const probe = file(
  "probe.cjs",
  `process.on("exit", () => require("node:fs").writeSync(2, "mathjs loaded: " + Object.keys(require.cache).some((f) => f.includes("mathjs/lib/")) + "\\n"));\n`,
);
const events = file("events.csv", ["ID,TIME,EVID,AMT,CMT,DV", "1,0,1,600,1,.", "1,3,0,0,1,.", ""].join("\n"));

function simulate(model: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["-r", probe, PMXLAB_BIN, "simulate", "--model", model, "--data", events], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pmxlab simulate and mathjs", () => {
  it("simulates a built-in model without loading mathjs (the model is precompiled), with the closed-form value", () => {
    const r = simulate("pk1cmt_iv");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("mathjs loaded: false\n");
    // 600 mg into V 25 L with CL 6 L/h (the model's defaults): 24·e^(−0.24·3) mg/L at 3 h.
    const cp = Number(r.stdout.trim().split("\n")[1].split(",")[2]);
    expect(cp).toBeCloseTo(24 * Math.exp(-0.24 * 3), 12);
  });

  it("loads mathjs when a model file has to be compiled", () => {
    const r = simulate(file("one.model", ONE_CMT));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("mathjs loaded: true\n");
  });
});

// Preloaded into the command's process: at exit, lists the pmxlab files it loaded (relative to dist/).
const listing = file(
  "listing.cjs",
  `process.on("exit", () => require("node:fs").writeSync(2, Object.keys(require.cache).filter((f) => f.includes("/kernel-lib/dist/")).map((f) => f.slice(f.indexOf("/dist/") + 6)).sort().join("\\n") + "\\n"));\n`,
);

describe("pmxlab simulate's start-up", () => {
  it("loads the library as one bundled file, not the compiled library's modules, and still gives the closed-form value", () => {
    const r = spawnSync(process.execPath, ["-r", listing, PMXLAB_BIN, "simulate", "--model", "pk1cmt_iv", "--data", events], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(0);
    const loaded = r.stderr.trim().split("\n");
    expect(loaded).toContain("cli/simulate-bundle.js");
    expect(loaded.filter((f) => f.startsWith("cjs/"))).toEqual([]);
    // 600 mg into V 25 L with CL 6 L/h (the model's defaults): 24·e^(−0.24·3) mg/L at 3 h.
    expect(Number(r.stdout.trim().split("\n")[1].split(",")[2])).toBeCloseTo(24 * Math.exp(-0.24 * 3), 12);
  });
});
