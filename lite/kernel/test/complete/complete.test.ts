import { describe, expect, it } from "vitest";
import { completeAt } from "../../src/complete/complete.js";

class Simulation {
  outputs = { CP: [1] };
  plot() {
    return "fig";
  }
  toTable() {
    return "table";
  }
}

const scope = Object.assign(Object.create(null) as Record<string, unknown>, { sim: new Simulation(), simulate: () => 0, halfLife: 7.9, _private: 1 });
const globals = { Math, simpleGlobal: 1 };

describe("completeAt", () => {
  it("completes the kernel's variables and globals by prefix, replacing the word", () => {
    const code = "const x = sim";
    expect(completeAt(code, code.length, scope, globals)).toEqual({ matches: ["sim", "simpleGlobal", "simulate"], start: code.length - 3, end: code.length });
  });

  it("after a dot, lists the value's properties and its class's methods", () => {
    const code = "sim.";
    expect(completeAt(code, 4, scope, globals).matches).toEqual(["outputs", "plot", "toTable"]);
    expect(completeAt("sim.outputs.C", 13, scope, globals)).toEqual({ matches: ["CP"], start: 12, end: 13 });
    expect(completeAt("Math.PI", 7, scope, globals).matches).toEqual(["PI"]);
  });

  it("completes at the cursor, not at the end of the code", () => {
    const code = "halfL + 1";
    expect(completeAt(code, 5, scope, globals)).toEqual({ matches: ["halfLife"], start: 0, end: 5 });
  });

  it("hides names starting with _ unless the word does, and finds nothing after an unknown name", () => {
    expect(completeAt("_", 1, scope, globals).matches).toEqual(["_private"]);
    expect(completeAt("", 0, scope, globals).matches).not.toContain("_private");
    expect(completeAt("nothing.", 8, scope, globals).matches).toEqual([]);
  });
});
