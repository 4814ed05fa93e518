import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The check library as the kernel (require), the browser bundle and the server (import) load it.
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: resolve(__dirname, "../../.."), encoding: "utf8", timeout: 30_000 });
const probe = 'numericAnswer("30 min", { value: 0.5, unit: "h" }).passed';

describe("@pmxlab/kernel/exercise", () => {
  it("loads with require() and with import, and compares quantities", () => {
    const cjs = node(["-e", `const { numericAnswer } = require("@pmxlab/kernel/exercise"); console.log(${probe})`]);
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout.trim()).toBe("true");
    const esm = node(["--input-type=module", "-e", `import { numericAnswer } from "@pmxlab/kernel/exercise"; console.log(${probe})`]);
    expect(esm.stderr).toBe("");
    expect(esm.stdout.trim()).toBe("true");
  });
});
