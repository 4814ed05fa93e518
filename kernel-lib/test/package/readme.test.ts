// The README's TypeScript blocks are what a newcomer pastes first: each is type-checked
// against the built @pmxlab/kernel declarations and run in Node, as written. Needs the build
// (`npm run build`), like the other package tests.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repo = resolve(__dirname, "../../..");
const readme = readFileSync(resolve(repo, "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** Type errors of `code` as if it were a file at the repository root (so @pmxlab/kernel resolves from node_modules). */
function typeErrors(code: string): string[] {
  const fileName = resolve(repo, "README-block.ts");
  const host = ts.createCompilerHost(compilerOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (name === fileName ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], compilerOptions, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

/**
 * Two-compartment model with first-order absorption after a unit oral dose, in closed form
 * (Gibaldi M, Perrier D. Pharmacokinetics, 2nd ed. 1982, eq. 2.80 with the rate constants of
 * the micro-constants k10 = CL/V1, k12 = Q/V1, k21 = Q/V2); concentration per mg, 1/L.
 */
function pk2cmtOralUnit(t: number, { KA, CL, V1, Q, V2 }: Record<"KA" | "CL" | "V1" | "Q" | "V2", number>): number {
  const k10 = CL / V1;
  const k12 = Q / V1;
  const k21 = Q / V2;
  const sum = k10 + k12 + k21;
  const root = Math.sqrt(sum * sum - 4 * k10 * k21);
  const alpha = (sum + root) / 2;
  const beta = (sum - root) / 2;
  return (
    (KA / V1) *
    (((k21 - alpha) / ((KA - alpha) * (beta - alpha))) * Math.exp(-alpha * t) +
      ((k21 - beta) / ((KA - beta) * (alpha - beta))) * Math.exp(-beta * t) +
      ((k21 - KA) / ((alpha - KA) * (beta - KA))) * Math.exp(-KA * t))
  );
}

describe("the README's TypeScript", () => {
  it("has the blocks this test expects", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((code, index) => [index + 1, code]))("block %i type-checks and runs as pasted", (_, code) => {
    expect(typeErrors(code)).toEqual([]);
    const js = ts.transpileModule(code, { compilerOptions: { ...compilerOptions, noEmit: false } }).outputText;
    const run = spawnSync(process.execPath, ["-e", js], { cwd: repo, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("states the trough of its first example as the closed-form two-compartment solution gives it", () => {
    // pk2cmt_oral's defaults (KA 1 /h, Q 2 L/h, V2 100 L) with the README's CL 5 L/h and V1 50 L,
    // 100 mg every 12 h from 0 to 156 h, superposed; the README shows three significant digits.
    const claim = /sim\.outputs\.CP\[(\d+)\];\s*\/\/\s*([\d.]+) mg\/L/.exec(blocks[0]);
    expect(claim).not.toBeNull();
    const hour = Number(claim![1]);
    const doses = Array.from({ length: 14 }, (_, i) => 12 * i);
    const exact = doses.reduce((c, t) => c + 100 * pk2cmtOralUnit(hour - t, { KA: 1, CL: 5, V1: 50, Q: 2, V2: 100 }), 0);
    expect(hour).toBe(168);
    expect(Math.abs(Number(claim![2]) - exact)).toBeLessThan(5e-4);
  });
});
