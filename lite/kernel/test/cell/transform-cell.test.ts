import { describe, expect, it } from "vitest";
import { CellSyntaxError } from "../../src/cell/cell-syntax-error.js";
import { errorText } from "../../src/cell/error-text.js";
import { newScope, runCell } from "../../src/cell/run-cell.js";
import { transformCell } from "../../src/cell/transform-cell.js";
import { session } from "./run-cells.js";

describe("top-level declarations persist across cells", () => {
  it("a function of one cell uses the constants of that cell from a later cell", async () => {
    const s = session();
    await s.run("const a: number = 2;\nlet b = 3;\nfunction f(x: number): number { return a * x + b; }");
    expect(await s.run("f(10)")).toBe(2 * 10 + 3);
  });

  it("destructuring declarations bind every name", async () => {
    const s = session();
    await s.run("const { p, q: [r, , t] } = { p: 1, q: [5, 6, 7] };");
    expect([s.scope.p, s.scope.r, s.scope.t]).toEqual([1, 5, 7]);
    expect("q" in s.scope).toBe(false);
  });

  it("classes (with TypeScript parameter properties) and enums are kept", async () => {
    const s = session();
    await s.run("class Dose { constructor(public mg: number) {} }\nenum Route { Oral, IV }");
    expect(await s.run("new Dose(250).mg + Route.IV")).toBe(250 + 1);
  });

  it("a function can be called above its definition in the same cell", async () => {
    const s = session();
    expect(await s.run("const y = twice(4);\nfunction twice(x: number) { return 2 * x; }\ny")).toBe(8);
  });

  it("functions of an earlier cell see later assignments (live bindings)", async () => {
    const s = session();
    await s.run("let n = 1;\nconst get = () => n;");
    await s.run("n = 7;");
    expect(await s.run("get()")).toBe(7);
  });

  it("a const may be declared again by a later cell; var keeps its value, let starts undefined", async () => {
    const s = session();
    await s.run("const c = 1; var v = 5; let l = 6;");
    await s.run("const c = 2; var v; let l;");
    expect([s.scope.c, s.scope.v, s.scope.l]).toEqual([2, 5, undefined]);
  });

  it("export is dropped: an exported declaration is an ordinary variable", async () => {
    const s = session();
    await s.run("export const e = 3;\nexport function g() { return e; }");
    expect(await s.run("g()")).toBe(3);
  });

  it("assigning an undeclared name is a ReferenceError, as in TypeScript's strict code", async () => {
    await expect(session().run("undeclaredName = 1;")).rejects.toThrow(ReferenceError);
  });

  it("a name declared inside a block stays local", async () => {
    const s = session();
    await s.run("{ const inner = 1; }\nfor (const i of [1, 2]) {}");
    expect("inner" in s.scope || "i" in s.scope).toBe(false);
  });
});

describe("top-level await and the last expression", () => {
  it("awaits at the top level and returns the last expression's value", async () => {
    const s = session();
    expect(await s.run("const v = await new Promise<number>((resolve) => setTimeout(() => resolve(42), 5));\nv + 1")).toBe(43);
  });

  it("a cell ending in a declaration or a statement has no value", async () => {
    const s = session();
    expect(await s.run("1 + 1;\nconst z = 3;")).toBeUndefined();
    expect(await s.run("if (z > 2) { z; }")).toBeUndefined();
  });

  it("a last expression over several lines is returned whole", async () => {
    expect(await session().run("[1, 2, 3]\n  .map((x) => x * x)\n  .reduce((a, b) => a + b)")).toBe(1 + 4 + 9);
  });

  it("says whether the body returns the last value, and which names the cell declares", () => {
    const program = transformCell("import { a } from 'm';\nconst [b, c] = [1, 2];\nfunction d() {}\nclass E {}\nb");
    expect(program.returnsLast).toBe(true);
    expect(program.declared.sort()).toEqual(["E", "a", "b", "c", "d"]);
  });
});

describe("imports", () => {
  it("static imports of every form go to the kernel's loader in order and bind their names", async () => {
    const loaded: string[] = [];
    const modules: Record<string, Record<string, unknown>> = { m: { default: "D", a: "A" }, n: { z: 26 }, side: {} };
    const s = session({ import: async (spec) => (loaded.push(spec), modules[spec]) });
    await s.run('import d, { a as b } from "m";\nimport * as ns from "n";\nimport "side";');
    expect(loaded).toEqual(["m", "n", "side"]);
    expect([s.scope.d, s.scope.b, s.scope.ns]).toEqual(["D", "A", modules.n]);
  });

  it("type-only imports load nothing; a value import the cell does not use is still loaded for later cells", async () => {
    const loaded: string[] = [];
    const s = session({ import: async (spec) => (loaded.push(spec), { simulate: () => "ran" }) });
    await s.run('import type { PlotlyFigure } from "types";\nimport { type X, simulate } from "lib";\nconst t: PlotlyFigure | X | undefined = undefined;');
    expect(loaded).toEqual(["lib"]);
    expect(await s.run("simulate()")).toBe("ran");
  });

  it("dynamic import() inside a block goes to the kernel's loader (the form *Check* sends)", async () => {
    const loaded: string[] = [];
    const s = session({ import: async (spec) => (loaded.push(spec), { value: 9 }) });
    await s.run('let r;\n{\n  const m = await import("./checks");\n  r = m.value;\n}');
    expect(loaded).toEqual(["./checks"]);
    expect(s.scope.r).toBe(9);
  });
});

describe("errors point at the user's line of the cell", () => {
  // Interfaces, blank lines and comments vanish from the transpiled code, so its lines differ from the cell's.
  const cell = ["interface Subject {", "  weight: number;", "}", "", "// a comment", "const s: Subject = { weight: 70 };", "", "function dose(x: Subject): number {", '  throw new RangeError("no dose for " + x.weight + " kg");', "}", "dose(s);"];
  const throwLine = cell.findIndex((l) => l.includes("throw")) + 1;
  const callLine = cell.length;

  it("maps each stack frame of the cell back to its TypeScript line", async () => {
    const program = transformCell(cell.join("\n"));
    const url = "map-test-cell.js";
    const error = await runCell(program, newScope(), { import: async () => ({}) }, url).catch((e: unknown) => e);
    const text = errorText(error, new Map([[url, { name: "cell", line: program.cellLine }]]));
    const lines = text.split("\n");
    expect(lines[0]).toBe("RangeError: no dose for 70 kg");
    expect(lines[1]).toBe(`    at dose (cell line ${throwLine})`);
    expect(lines[2]).toBe(`    at cell line ${callLine}`);
  });

  it("a syntax error names the cell's line and column, as tslab prints diagnostics", () => {
    const source = "const ok = 1;\nconst = 2;";
    const error = (() => {
      try {
        transformCell(source);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CellSyntaxError);
    expect((error as CellSyntaxError).line).toBe(2);
    expect((error as CellSyntaxError).message).toMatch(/^2:\d+ - /);
  });

  it("a thrown value that is not an Error is shown as Uncaught and its text", () => {
    expect(errorText("plain", new Map(), (v) => JSON.stringify(v))).toBe('Uncaught "plain"');
  });
});
