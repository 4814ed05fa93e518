import { describe, expect, it } from "vitest";
import { folderOf, ModuleNotFoundError, resolveImport } from "../../src/modules/resolve.js";

const builtins = new Set(["@pmxlab/kernel", "@pmxlab/kernel/exercise", "tslab", "fs"]);

describe("resolveImport", () => {
  it("serves the kernel's own modules by name, with node: dropped", () => {
    expect(resolveImport("@pmxlab/kernel/exercise", "a", builtins)).toEqual({ kind: "builtin", name: "@pmxlab/kernel/exercise" });
    expect(resolveImport("node:fs", "a", builtins)).toEqual({ kind: "builtin", name: "fs" });
  });

  it("tries a relative path as TypeScript does, from the notebook's folder", () => {
    const dir = "courses/pk-basics";
    expect(resolveImport("./checks", dir, builtins)).toEqual({
      kind: "file",
      candidates: [`${dir}/checks.ts`, `${dir}/checks.tsx`, `${dir}/checks.js`, `${dir}/checks.json`, `${dir}/checks/index.ts`, `${dir}/checks/index.js`],
    });
  });

  it("goes up with .. and takes an absolute path from the top of the drive", () => {
    expect(resolveImport("../shared/./util.ts", "courses/pk-basics", builtins)).toEqual({ kind: "file", candidates: ["courses/shared/util.ts"] });
    expect(resolveImport("/datasets/card.json", "courses/pk-basics", builtins)).toEqual({ kind: "file", candidates: ["datasets/card.json"] });
  });

  it("reads ./x.js as ./x.ts first (TypeScript's ES module convention)", () => {
    expect(resolveImport("./data.js", "", builtins)).toEqual({ kind: "file", candidates: ["data.ts", "data.js"] });
  });

  it("keeps the drive of the notebook's folder", () => {
    expect(resolveImport("./checks.ts", "drive:course", builtins)).toEqual({ kind: "file", candidates: ["drive:course/checks.ts"] });
  });

  it("refuses a package it does not serve, naming it and what it serves", () => {
    expect(() => resolveImport("lodash", "", builtins)).toThrow(ModuleNotFoundError);
    expect(() => resolveImport("lodash", "", builtins)).toThrow(/"lodash".*@pmxlab\/kernel, @pmxlab\/kernel\/exercise, fs, tslab/);
  });

  it("refuses a path above the top folder", () => {
    expect(() => resolveImport("../../x", "a", builtins)).toThrow(/above the top folder/);
  });

  it("folderOf gives a file's folder", () => {
    expect([folderOf("a/b/c.ts"), folderOf("c.ts"), folderOf("d:a/c.ts")]).toEqual(["a/b", "", "d:a"]);
  });
});
