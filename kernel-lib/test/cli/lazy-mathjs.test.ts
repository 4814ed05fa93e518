// The `pmxlab` launcher hands the model compiler mathjs's single-file build (bin/lazy-mathjs.js)
// instead of the package entry. That build exports no `all`, so the compiler's create(all) is
// create(undefined) there: it must build the same instance as the entry's create(all).
import { createRequire } from "node:module";
import { resolve } from "node:path";
import * as entry from "mathjs";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const lazy = require(resolve(__dirname, "../../bin/lazy-mathjs.js")) as typeof entry;

describe("the launcher's lazy mathjs", () => {
  it("has no `all`, and its create(undefined) builds every function and unit of the entry's create(all)", () => {
    expect(lazy.all).toBeUndefined();
    const fromBuild = lazy.create(lazy.all, {});
    const fromEntry = entry.create(entry.all, {});
    expect(Object.keys(fromBuild).sort()).toEqual(Object.keys(fromEntry).sort());
    expect(Object.keys(fromEntry).length).toBeGreaterThan(400);
    // Units and symbolic derivatives, which the model compiler uses.
    expect(fromBuild.unit("2 h").toNumber("min")).toBe(120);
    expect(fromBuild.derivative("x^2", "x").toString()).toBe("2 * x");
  });
});
