import { describe, expect, it } from "vitest";
import type { RunSource } from "../../src/cell/error-text.js";
import { LocalModules } from "../../src/modules/local-modules.js";

function host(files: Record<string, string>, builtins: Record<string, unknown> = {}) {
  const reads: string[] = [];
  const registered = new Map<string, RunSource>();
  return {
    reads,
    registered,
    builtinNames: new Set(Object.keys(builtins)),
    builtin: async (name: string) => builtins[name],
    readFile: async (path: string) => (reads.push(path), files[path]),
    register: (url: string, source: RunSource) => registered.set(url, source),
  };
}

describe("LocalModules", () => {
  it("loads a TypeScript module with its local and built-in imports, once per session", async () => {
    const files = {
      "course/checks.ts": 'import { k } from "./material";\nimport { scale } from "lib";\nexport const checks: number = scale(k);\nexport default "dflt";',
      "course/material.ts": "export const k: number = 21;",
    };
    const h = host(files, { lib: { scale: (x: number) => 2 * x } });
    const modules = new LocalModules(h);
    const first = (await modules.import("./checks", "course")) as Record<string, unknown>;
    expect(first.checks).toBe(42);
    expect(first.default).toBe("dflt");
    const again = await modules.import("./checks.js", "course");
    expect(again).toBe(first);
    expect(h.reads.filter((p) => p === "course/checks.ts")).toHaveLength(1);
  });

  it("tries the candidates in order and names them all when none exists", async () => {
    const h = host({});
    await expect(new LocalModules(h).import("./nothing", "c")).rejects.toThrow(/none of c\/nothing\.ts, c\/nothing\.tsx, .*c\/nothing\/index\.js exists/);
  });

  it("resolves a cycle as Node does: the second module sees the first one's exports object", async () => {
    const files = {
      "a.ts": 'import * as b from "./b";\nexport const name = "a";\nexport function other() { return b.name; }',
      "b.ts": 'import * as a from "./a";\nexport const name = "b";\nexport function other() { return a.name; }',
    };
    const a = (await new LocalModules(host(files)).import("./a", "")) as { other(): string };
    expect(a.other()).toBe("b");
  });

  it("a syntax error in a module names the file, line and column", async () => {
    await expect(new LocalModules(host({ "bad.ts": "export const x = 1;\nexport const = 2;" })).import("./bad", "")).rejects.toThrow(/^bad\.ts 2:\d+ - /);
  });

  it("registers each module's line map so that errors show its TypeScript lines", async () => {
    const h = host({ "m.ts": "interface I { a: number }\n\nexport function boom(): never {\n  throw new Error('x');\n}" });
    const m = (await new LocalModules(h).import("./m", "")) as { boom(): never };
    const [[url, source]] = [...h.registered];
    let stack = "";
    try {
      m.boom();
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    const frameLine = Number(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:(\\d+):`).exec(stack)?.[1]);
    expect(source.name).toBe("m.ts");
    expect(source.line(frameLine)).toBe(4);
  });

  it("reads JSON files as data", async () => {
    expect(await new LocalModules(host({ "card.json": '{"rows": 12}' })).import("./card.json", "")).toEqual({ rows: 12 });
  });
});
