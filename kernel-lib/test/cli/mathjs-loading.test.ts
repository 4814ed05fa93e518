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
