import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { tslabHost } from "../../src/display/tslab-host.js";
import { tslabShim, type DisplayContent } from "../../src/display/tslab-shim.js";
import { LocalModules } from "../../src/modules/local-modules.js";
import { session } from "../cell/run-cells.js";

// The repository's top folder stands for the site's files: the course's checks.ts is read as the kernel reads it from the drive.
const top = fileURLToPath(new URL("../../../../", import.meta.url));

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
});

async function checkSession() {
  const sent: DisplayContent[] = [];
  const write = (content: DisplayContent) => sent.push(content);
  const tslab = tslabShim(write, "");
  const builtins: Record<string, () => Promise<unknown>> = {
    "@pmxlab/kernel": () => import("@pmxlab/kernel"),
    "@pmxlab/kernel/exercise": () => import("@pmxlab/kernel/exercise"),
    tslab: async () => tslab,
  };
  const modules = new LocalModules({
    builtinNames: new Set(Object.keys(builtins)),
    builtin: (name) => builtins[name](),
    readFile: async (path) => (existsSync(top + path) ? readFileSync(top + path, "utf8") : undefined),
    register: () => undefined,
  });
  const s = session({ import: (specifier) => modules.import(specifier, "courses/pk-basics") });
  (globalThis as { __tslab__?: unknown }).__tslab__ = tslabHost(s.scope, tslab, write);
  const { checkCellCode, CHECK_MIME } = await import("@pmxlab/kernel/exercise");
  const check = async () => {
    await s.run(checkCellCode({ id: "pk-basics/half-life", check: "halfLife" }, { checksModule: "./checks" }));
    const report = sent.at(-1)?.data[CHECK_MIME] as { result: { passed: boolean; items: { name: string; passed: boolean }[] } };
    return report.result;
  };
  // The course's own drug parameters (CL in L/h, V in L), so the answers follow the course if it changes them.
  const { THEOPHYLLINE } = (await modules.import("./checks", "courses/pk-basics")) as { THEOPHYLLINE: { CL: number; V: number } };
  return { s, sent, check, ke: THEOPHYLLINE.CL / THEOPHYLLINE.V };
}

describe("*Check* in the browser kernel", () => {
  // One compartment: ke = CL/V (1/h) and t½ = ln 2 / ke (h), from the course's theophylline parameters.
  it("the check code of the extension runs the course's checks.ts on the cells' variables and passes right answers", async () => {
    const { s, check, ke } = await checkSession();
    await s.run(`const ke = ${ke};\nconst halfLife = Math.LN2 / ke;`);
    const result = await check();
    expect(result.items.map((i) => [i.name, i.passed])).toEqual([
      ["ke (1/h)", true],
      ["half-life (h)", true],
    ]);
    expect(result.passed).toBe(true);
  });

  it("fails a half-life that forgot ln 2, and leaves no variable behind", async () => {
    const { s, check, ke } = await checkSession();
    await s.run(`const ke = ${ke};\nconst halfLife = 1 / ke;`);
    const names = Object.keys(s.scope).sort();
    const result = await check();
    expect(result.passed).toBe(false);
    expect(result.items.find((i) => i.name === "half-life (h)")?.passed).toBe(false);
    expect(Object.keys(s.scope).sort()).toEqual(names);
  });
});
