import { describe, expect, it } from "vitest";
import {
  INTERACTIVE_MIME,
  InteractiveError,
  interactive,
  interactiveCode,
  interactiveFigure,
  interactiveSettings,
  parseInteractiveSpec,
  show,
  type InteractiveSpec,
  type TslabModule,
} from "../../src/display/index.js";
import { getModel, modelSource } from "../../src/library/index.js";
import { defineModel, parseModel } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";

const TIMES = { end: 24, step: 1 };

/** One-compartment IV bolus, first principles: C(t) = D/V · exp(-CL/V · t). */
function bolus(dose: number, cl: number, v: number, t: number): number {
  return (dose / v) * Math.exp((-cl / v) * t);
}

/** A model that is not the library's: pk1cmt_iv renamed, with characters a template literal must escape. */
const CUSTOM = modelSource("pk1cmt_iv").replace("$MODEL pk1cmt_iv", "$MODEL my_iv\n# a `backtick` and ${braces} in a comment");

function specOf(bundle: ReturnType<typeof interactive>): InteractiveSpec {
  return bundle[INTERACTIVE_MIME];
}

describe("interactive", () => {
  it("writes a versioned spec, the figure of the starting values (plotly and PNG) and a text summary", () => {
    const bundle = interactive("pk1cmt_iv", { regimen: "600 mg", times: TIMES, params: { CL: [1, 20], V: { min: 5, max: 100, log: true } }, dose: { min: 100, max: 1000 } });
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.plotly.v1+json", INTERACTIVE_MIME, "image/png", "text/plain"]);
    expect(bundle["image/png"]?.startsWith("iVBORw0KGgo")).toBe(true); // the PNG signature in base64
    const spec = specOf(bundle);
    expect(spec).toStrictEqual({
      version: 1,
      model: { library: "pk1cmt_iv" },
      regimen: "600 mg",
      times: TIMES,
      params: { CL: { min: 1, max: 20, step: 0.1, value: 6, log: false }, V: { min: 5, max: 100, step: 0.5, value: 25, log: true } },
      fixed: {},
      dose: { min: 100, max: 1000, step: 5, value: 600, log: false },
      outputs: ["CP"],
      logY: false,
    });
    const y = bundle["application/vnd.plotly.v1+json"].data[0].y;
    y.forEach((c, t) => expect(c).toBeCloseTo(bolus(600, 6, 25, t), 9));
    expect(bundle["text/plain"]).toBe("interactive simulation of pk1cmt_iv, 600 mg; sliders: CL 1–20, V 5–100, dose (mg) 100–1000 (moved in JupyterLab with pmxlab)");
    expect(parseInteractiveSpec(JSON.stringify(bundle[INTERACTIVE_MIME]))).toStrictEqual(spec);
  });

  it("labels the dose slider with the regimen's own dose unit and refuses one on a continuous infusion", () => {
    expect(interactive("tmdd", { regimen: "10 nmol", dose: [1, 20] })["text/plain"]).toMatch(/sliders: dose \(nmol\) 1–20/);
    expect(() => interactive("pk1cmt_iv", { regimen: "10 mg/h", dose: [1, 20] })).toThrow(/continuous infusion, which has no dose amount to scale/);
  });

  it("sends a library model by name and any other model by its text", () => {
    expect(specOf(interactive(getModel("pk1cmt_iv"), { regimen: "1 mg" })).model).toEqual({ library: "pk1cmt_iv" });
    expect(specOf(interactive(parseModel(CUSTOM), { regimen: "1 mg" })).model).toEqual({ text: CUSTOM });
    expect(specOf(interactive(CUSTOM, { regimen: "1 mg", params: { V: 30 } })).fixed).toEqual({ V: 30 });
  });

  it("rejects a model without source text", () => {
    const model = defineModel({
      name: "bare",
      description: "no text",
      parameters: { K: { value: 1, unit: "1/h" } },
      compartments: { c: { unit: "mg" } },
      odes: { c: "-K*c" },
      outputs: { CP: { expr: "c", unit: "mg" } },
    });
    expect(() => interactive(model, { regimen: "1 mg" })).toThrow(
      "interactive: model bare has no source text (made with defineModel?); pass a library model name or model text (parseModel format)",
    );
  });

  it("names an unknown parameter and the known ones", () => {
    expect(() => interactive("pk1cmt_iv", { regimen: "1 mg", params: { K: [1, 2] } })).toThrow(
      new InteractiveError("params.K: pk1cmt_iv has no parameter K; known: CL, V, F1, ALAG1"),
    );
  });

  it("rejects a range that leaves out the model's value unless a value is given", () => {
    expect(() => interactive("pk1cmt_iv", { regimen: "1 mg", params: { CL: [10, 20] } })).toThrow(
      "interactive: params.CL: the default value 6 is outside [10, 20]; widen the range or give a value",
    );
    expect(specOf(interactive("pk1cmt_iv", { regimen: "1 mg", params: { CL: { min: 10, max: 20, value: 12 } } })).params.CL.value).toBe(12);
  });

  it("rejects a log slider reaching zero", () => {
    expect(() => interactive("pk1cmt_iv", { regimen: "1 mg", params: { V: { min: 0, max: 50, log: true } } })).toThrow(
      "interactive: params.V: a log slider needs min > 0, got 0",
    );
  });

  it("rejects an empty range", () => {
    expect(() => interactive("pk1cmt_iv", { regimen: "1 mg", params: { V: { min: 50, max: 50, value: 50 } } })).toThrow("interactive: params.V: min 50 must be below max 50");
  });

  it("rejects a dose slider without doses", () => {
    expect(() => interactive("pk1cmt_iv", { regimen: "none", dose: [1, 2] })).toThrow('interactive: dose: the regimen has no doses to scale; give one such as "100 mg"');
  });
});

describe("parseInteractiveSpec", () => {
  const spec = specOf(interactive("pk1cmt_iv", { regimen: "600 mg", params: { CL: [1, 20] } }));

  it("rejects another spec version", () => {
    expect(() => parseInteractiveSpec({ ...spec, version: 2 })).toThrow("interactive: spec version 2 is not supported (this pmxlab reads version 1)");
  });

  it("names a field that is not a number", () => {
    expect(() => parseInteractiveSpec({ ...spec, params: { CL: { ...spec.params.CL, max: "20" } } })).toThrow('interactive: params.CL.max must be a finite number, got "20"');
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseInteractiveSpec("{")).toThrow(/^interactive: the spec is not JSON/);
  });
});

describe("interactiveSettings", () => {
  const spec = specOf(interactive("pk1cmt_iv", { regimen: "600 mg", params: { CL: [1, 20], V: [5, 100] }, dose: [100, 1000], logY: true }));

  it("starts from the spec's values", () => {
    expect(interactiveSettings(spec)).toStrictEqual({ params: { CL: 6, V: 25 }, dose: 600, logY: true });
  });

  it("takes stored values that fit the sliders and ignores the rest", () => {
    const stored = { params: { CL: 8, V: 500, KA: 1 }, dose: "200", logY: false };
    expect(interactiveSettings(spec, stored)).toStrictEqual({ params: { CL: 8, V: 25 }, dose: 600, logY: false });
  });
});

describe("interactiveFigure", () => {
  it("simulates the settings with the regimen scaled to the dose slider", () => {
    const spec = specOf(interactive("pk1cmt_iv", { regimen: "600 mg", times: TIMES, params: { CL: [1, 20] }, dose: [100, 1000] }));
    const fig = interactiveFigure(spec, { params: { CL: 3 }, dose: 300, logY: true });
    expect(fig.layout.yaxis.type).toBe("log");
    expect(fig.layout.title?.text).toBe("pk1cmt_iv: 300 mg at 0 h");
    fig.data[0].y.forEach((c, t) => expect(c).toBeCloseTo(bolus(300, 3, 25, t), 9));
  });

  it("keeps the ratio of a loading dose to the maintenance doses", () => {
    const spec = specOf(interactive("pk1cmt_iv", { regimen: "200 mg then 100 mg q12h x 2", times: [0, 12, 24, 30], dose: [100, 1000] }));
    const fig = interactiveFigure(spec, { params: {}, dose: 400, logY: false });
    // Superposition of boluses of 400 mg at 0 h and 200 mg at 12 and 24 h (CL 6, V 25).
    const expected = [0, 12, 24, 30].map((t) => [0, 12, 24].filter((d) => d <= t).reduce((c, d) => c + bolus(d === 0 ? 400 : 200, 6, 25, t - d), 0));
    fig.data[0].y.forEach((c, k) => expect(c).toBeCloseTo(expected[k], 9));
  });

  it("draws one named line per output", () => {
    const spec = specOf(interactive("pk1cmt_iv", { regimen: "600 mg", times: TIMES, outputs: ["CP", "central"] }));
    const fig = interactiveFigure(spec, interactiveSettings(spec));
    expect(fig.data.map((trace) => trace.name)).toEqual(["CP", "central"]);
    expect(fig.data[1].y[0]).toBeCloseTo(600, 9);
    expect(fig.layout.yaxis.title?.text).toBe("CP (mg/L), central (mg)");
  });
});

describe("interactiveCode", () => {
  /** Runs generated cell code with the library's functions in place of its imports; returns what it showed. */
  function run(code: string): unknown[] {
    const shown: unknown[] = [];
    const body = code.replace(/^import .*$/gm, "");
    new Function("simulate", "parseModel", "show", "tslab", body)(simulate, parseModel, (fig: unknown) => shown.push(fig), {});
    return shown;
  }

  it("reproduces the curves of the settings it was made from", () => {
    const spec = specOf(interactive("pk1cmt_iv", { regimen: "600 mg q12h x 2", times: TIMES, params: { CL: [1, 20], F1: 0.9 }, dose: [100, 1000] }));
    const settings = { params: { CL: 7.3 }, dose: 450, logY: true };
    const code = interactiveCode(spec, settings);
    expect(code).toBe(
      [
        'import * as tslab from "tslab";',
        'import { simulate, show } from "@pmxlab/kernel";',
        "",
        'const sim = simulate("pk1cmt_iv", {',
        '  regimen: "450 mg q12h x 2 at 0 h",',
        "  times: { end: 24, step: 1 },",
        "  params: { F1: 0.9, CL: 7.3 },",
        "});",
        'show(sim.plot({ output: "CP", log: true }), tslab);',
        "",
      ].join("\n"),
    );
    const [fig] = run(code) as ReturnType<typeof interactiveFigure>[];
    expect(fig.data[0].y).toEqual(interactiveFigure(spec, settings).data[0].y);
    expect(fig.layout.yaxis.type).toBe("log");
  });

  it("carries custom model text intact through a template literal", () => {
    const spec = specOf(interactive(CUSTOM, { regimen: "10 mg", times: TIMES, params: { CL: [1, 20] } }));
    expect(spec.model).toEqual({ text: CUSTOM });
    const [fig] = run(interactiveCode(spec, { params: { CL: 3.5 }, logY: false })) as ReturnType<typeof interactiveFigure>[];
    fig.data[0].y.forEach((c, t) => expect(c).toBeCloseTo(bolus(10, 3.5, 25, t), 9));
  });
});

describe("show with an interactive bundle", () => {
  const bundle = interactive("pk1cmt_iv", { regimen: "600 mg", params: { CL: [1, 20] } });

  it("returns the bundle outside tslab", () => {
    expect(show(bundle)).toBe(bundle);
  });

  it("falls back to display.raw with the spec when tslab's writer is not found", () => {
    const raw: [string, unknown][] = [];
    const tslab: TslabModule = { display: { raw: (mime, value) => raw.push([mime, value]) } };
    expect(show(bundle, tslab)).toBeUndefined();
    expect(raw).toEqual([[INTERACTIVE_MIME, bundle[INTERACTIVE_MIME]]]);
  });
});
