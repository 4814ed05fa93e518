import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: resolve(root, ".."), encoding: "utf8", timeout: 30_000 });
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("@pmxlab/kernel as a package", () => {
  it("loads with require() (CommonJS, as the tslab kernel does) and simulates", () => {
    const r = node(["-e", 'const k = require("@pmxlab/kernel"); console.log(k.simulate("pk1cmt_iv", { regimen: "600 mg", times: [0] }).outputs.CP[0])']);
    expect(r.stderr).toBe("");
    expect(Number(r.stdout)).toBe(24);
  });

  it("loads with import (ESM) and simulates", () => {
    const r = node(["--input-type=module", "-e", 'import { simulate } from "@pmxlab/kernel"; console.log(simulate("pk1cmt_iv", { regimen: "600 mg", times: [0] }).outputs.CP[0])']);
    expect(r.stderr).toBe("");
    expect(Number(r.stdout)).toBe(24);
  });

  it("keeps Node-only modules out of the core so it runs in the browser", () => {
    const offenders = sources(join(root, "src")).filter((file) =>
      /from\s+["'](node:|fs|path|os|child_process|worker_threads)["']|\brequire\(|\bprocess\.|\bBuffer\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
