import { describe, expect, it } from "vitest";
import { getModel, modelSource } from "../../src/library/index.js";
import { parameterVector } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";

// Issue 11: simulate("__proto__") and the model name "constructor" threw internal TypeErrors
// ("source.split is not a function"); a literal { __proto__: 5 } was silently ignored.
describe("built-in model names are looked up in a Map", () => {
  it.each(["__proto__", "constructor", "hasOwnProperty", "toString"])("%s is an unknown model, listing the known ones", (name) => {
    expect(() => getModel(name)).toThrow(new RegExp(`^unknown model "${name}"; known models: pk1cmt_iv, `));
    expect(() => modelSource(name)).toThrow(/unknown model/);
    expect(() => simulate(name, { regimen: "1 mg", times: [1] })).toThrow(/unknown model/);
  });
});

describe("parameter records", () => {
  it("a __proto__ key in an object literal is refused, not silently ignored", () => {
    const values = { __proto__: { CL: 5 } } as unknown as Record<string, number>;
    expect(() => parameterVector(getModel("pk1cmt_iv"), values)).toThrow(/"__proto__".*not a parameter; known: CL, V/);
  });

  it("a null-prototype record is read like a plain one", () => {
    const values = Object.assign(Object.create(null) as Record<string, number>, { CL: 4 });
    expect(parameterVector(getModel("pk1cmt_iv"), values)[0]).toBe(4);
  });
});
