import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parameterRules } from "../../src/model/check-parameters.js";
import { parseModel } from "../../src/model/parse-model.js";
import { outputCodeOf } from "../../src/model/output-code.js";
import { rhsCodeOf } from "../../src/model/rhs-code.js";
import type { Model } from "../../src/model/types.js";
import { PRECOMPILED_FILE, precompiledSource } from "../../src/library/precompile.js";
import { PRECOMPILED } from "../../src/library/precompiled.js";
import { precompiledModel } from "../../src/library/precompiled-model.js";
import { SOURCES } from "../../src/library/sources.js";
import { getModel } from "../../src/library/index.js";

/** A seeded uniform generator in (0, 1) (Numerical Recipes' LCG), so a failure reproduces. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
}

/** Both ways of building a built-in model: compiled now with mathjs, and as the build precompiled it. */
function bothWays(name: string): { compiled: Model; precompiled: Model } {
  const entry = PRECOMPILED.get(name);
  if (!entry) throw new Error(`no precompiled entry for ${name}`);
  return { compiled: parseModel(SOURCES.get(name) as string), precompiled: precompiledModel(entry) };
}

describe("the precompiled built-in models", () => {
  it("precompiled.ts is exactly what the build generates from the model files (rebuild after editing a model)", () => {
    const committed = readFileSync(resolve(__dirname, "../..", PRECOMPILED_FILE), "utf8");
    expect(committed === precompiledSource(), `${PRECOMPILED_FILE} is stale: run npm run build and commit it`).toBe(true);
  });

  it("has one entry per built-in model, compiled from that model's current source", () => {
    expect([...PRECOMPILED.keys()]).toEqual([...SOURCES.keys()]);
    for (const [name, entry] of PRECOMPILED) expect(entry.data.source, name).toBe(SOURCES.get(name));
  });

  it("computes bit for bit what the mathjs-compiled functions compute, on 200 random inputs per model", () => {
    const random = uniform(20261206);
    for (const name of SOURCES.keys()) {
      const { compiled, precompiled } = bothWays(name);
      const n = compiled.compartments.length;
      const inputs = [...compiled.parameters, ...compiled.covariateSpecs];
      for (let trial = 0; trial < 200; trial++) {
        // Values spread over two decades around the defaults (and around 1 for a default of 0), states from 0 to 100.
        const p = Float64Array.from(inputs, (q) => (q.value === 0 ? 1 : q.value) * Math.exp(4.6 * (random() - 0.5)));
        const y = Float64Array.from({ length: n }, () => 100 * random());
        const t = 100 * random();
        const run = (m: Model) => {
          const dydt = new Float64Array(n);
          const jac = new Float64Array(n * n);
          const y0 = new Float64Array(n);
          const out = new Float64Array(m.outputs.length);
          m.rhs(t, y, p, dydt);
          m.jacobian(t, y, p, jac);
          m.init(p, y0);
          m.output(t, y, p, out);
          return { dydt: [...dydt], jac: [...jac], y0: [...y0], out: [...out] };
        };
        // toEqual tells NaN from a number and -0 from 0 (Object.is), so equal means the same doubles.
        expect(run(precompiled), `${name}, trial ${trial}`).toEqual(run(compiled));
      }
    }
  });

  it("carries the compiled model's data, inlinable right-hand side and outputs and parameter rules", () => {
    const state = (i: number) => `y[${i}]`;
    const rate = (i: number) => `f[${i}]`;
    for (const name of SOURCES.keys()) {
      const { compiled, precompiled } = bothWays(name);
      const data = (m: Model) => {
        const { rhs: _rhs, jacobian: _jacobian, init: _init, output: _output, ...rest } = m;
        return rest;
      };
      expect(data(precompiled), name).toEqual(data(compiled));
      const a = rhsCodeOf(compiled.rhs);
      const b = rhsCodeOf(precompiled.rhs);
      expect(b?.setup, name).toBe(a?.setup);
      expect(b?.derivative(state, rate), name).toBe(a?.derivative(state, rate));
      expect(outputCodeOf(compiled.output), name).toBeDefined();
      expect(outputCodeOf(precompiled.output), name).toEqual(outputCodeOf(compiled.output));
      expect(parameterRules(precompiled), name).toEqual(parameterRules(compiled));
    }
  });

  it("is what getModel hands out", () => {
    const model = getModel("pk2cmt_oral");
    expect(model.rhs).toBe((PRECOMPILED.get("pk2cmt_oral") as { rhs: unknown }).rhs);
  });
});
