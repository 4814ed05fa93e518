import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Real tslab (1.0.22) executing cells that import the built @pmxlab/kernel, as in a notebook.
const harness = fileURLToPath(new URL("./tslab-cells.cjs", import.meta.url));
const root = fileURLToPath(new URL("../../../", import.meta.url));

type CellResult = { ok: boolean; printed: { stream: string; text: string }[] };

function runCells(cells: string[], env: NodeJS.ProcessEnv = {}): CellResult[] {
  const out = execFileSync(process.execPath, [harness, JSON.stringify(cells)], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 180_000 });
  return JSON.parse(out) as CellResult[];
}

describe("errors in the tslab kernel", () => {
  const cells = [
    'import { simulate, nca } from "@pmxlab/kernel";',
    'const sim = simulate("pk1cmt_iv", { regimen: "100 mgg", times: [1] });',
    "function mine() { return nca({ time: [0, 1], conc: [1] }); }\nmine();",
    'throw new Error("my own error");',
    'simulate("pk1cmt_iv", { regimen: "100 mg", times: [0, 1] })',
  ];
  const results = runCells(cells);

  it("a pmxlab error shows its message and the function the cell called, not pmxlab's frames or tslab's", () => {
    const { ok, printed } = results[1];
    expect(ok).toBe(false);
    expect(printed).toHaveLength(1);
    const text = printed[0].text;
    expect(text).toMatch(/^RegimenError: cannot read regimen: expected an amount unit .* at "mgg"/);
    expect(text).toMatch(/\n {4}in simulate\(\), called from the cell\n/);
    expect(text).toMatch(/pmxlab and kernel frames hidden; PMXLAB_STACK=full shows them\)$/);
    expect(text).not.toMatch(/kernel-lib[\\/]dist|tslab[\\/]dist|node:internal|regimen-text\.js/);
    // The error's own fields (text, index, word) are not dumped after it.
    expect(text).not.toMatch(/word: 'mgg'/);
  });

  it("an error thrown from the user's own function names the pmxlab function it called", () => {
    const text = results[2].printed[0].text;
    expect(text).toMatch(/^NcaError: 2 times but 1 concentrations/);
    expect(text).toMatch(/in nca\(\), called from the cell/);
  });

  it("errors that are not pmxlab's keep their usual stack, and results still print as tables", () => {
    // tslab and Node print it as before: the source line, then the message and the stack.
    expect(results[3].printed[0].text).toMatch(/\nError: my own error\n\s+at evalmachine/);
    expect(results[4].printed[0].text).toMatch(/^Simulation of pk1cmt_iv \(closed-form\)\nID TIME +CP\n/);
  });

  it("PMXLAB_STACK=full keeps the whole stack", () => {
    // Plain Node posing as tslab (the hook only looks for globalThis.__tslab__): quicker than a second kernel.
    const script = 'globalThis.__tslab__ = {}; const k = require("@pmxlab/kernel"); try { k.simulate("pk1cmt_iv", { regimen: "1 mgg" }); } catch (e) { console.log(require("node:util").inspect(e)); }';
    const run = (env: NodeJS.ProcessEnv) => execFileSync(process.execPath, ["-e", script], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
    expect(run({ PMXLAB_STACK: "full" })).toMatch(/at RegimenReader\.fail \(.*regimen-text\.js/);
    expect(run({ PMXLAB_STACK: "" })).toMatch(/in simulate\(\), called from /);
  });
});
