import { describe, expect, test } from "vitest";
import { modelResponse, SensitivityError, spider, spiderPlot, tornado, tornadoPlot } from "../../src/index.js";

// f = a·b² + c: at a = 2, b = 3, c = 1 the baseline is 19.
const f = ({ a, b, c }: Record<string, number>) => a * b * b + c;
const base = { a: 2, b: 3, c: 1 };

describe("tornado", () => {
  test("±20 % of each parameter, bars sorted by swing", () => {
    const t = tornado(f, base, { change: 0.2 });
    expect(t.baseline).toBe(19);
    // Swings: b: 2·(3.6² − 2.4²) = 14.4; a: 0.8·9 = 7.2; c: 0.4.
    expect(t.bars.map((bar) => bar.parameter)).toEqual(["b", "a", "c"]);
    const b = t.bars[0];
    expect(b.low).toBeCloseTo(2.4, 12);
    expect(b.high).toBeCloseTo(3.6, 12);
    expect(b.outputLow).toBeCloseTo(2 * 2.4 ** 2 + 1, 12);
    expect(b.outputHigh).toBeCloseTo(2 * 3.6 ** 2 + 1, 12);
    expect(b.swing).toBeCloseTo(14.4, 12);
    expect(t.bars[1].swing).toBeCloseTo(7.2, 12);
    expect(t.bars[2].swing).toBeCloseTo(0.4, 12);
  });

  test("a given range replaces ±change for that parameter", () => {
    const t = tornado(f, base, { ranges: { c: [-20, 30] } });
    expect(t.bars[0]).toEqual({ parameter: "c", low: -20, high: 30, outputLow: -2, outputHigh: 48, swing: 50 });
  });

  test("Cmax of an IV bolus is D/V: only V moves it", () => {
    const cmax = modelResponse("pk1cmt_iv", { regimen: "100 mg", times: [0, 1, 2] }, { summary: "cmax" });
    const t = tornado(cmax, { CL: 6, V: 25 }, { change: 0.1 });
    expect(t.bars[0].parameter).toBe("V");
    expect(t.bars[0].outputLow).toBeCloseTo(100 / 22.5, 10);
    expect(t.bars[0].outputHigh).toBeCloseTo(100 / 27.5, 10);
    expect(t.bars[1].swing).toBeLessThan(1e-12);
  });

  test("the plot draws each bar from the baseline, the largest on top, parameters on the y axis", () => {
    const t = tornado(f, base, { change: 0.2 });
    const fig = tornadoPlot(t, { response: "f" });
    expect(fig.layout.yaxis.ticktext).toEqual(["b [2.4, 3.6]", "a [1.6, 2.4]", "c [0.8, 1.2]"]);
    expect(fig.layout.yaxis.tickvals).toEqual([2, 1, 0]);
    const [bLow, bHigh] = fig.data;
    expect(bLow.x).toEqual([19, t.bars[0].outputLow]);
    expect(bHigh.x).toEqual([19, t.bars[0].outputHigh]);
    expect(bLow.y).toEqual([2, 2]);
    expect(bLow.text).toEqual(["b = 3", "b = 2.4"]);
    expect(fig.data.filter((trace) => trace.showlegend).map((trace) => trace.name)).toEqual(["low value", "high value"]);
    expect(fig.data.at(-1)?.x).toEqual([19, 19]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });
});

describe("spider", () => {
  test("each parameter's line is f along base·(1 + change), all through the baseline", () => {
    const s = spider(f, base, { changes: [0.5, -0.5, 0] });
    expect(s.changes).toEqual([-0.5, 0, 0.5]);
    const b = s.lines.find((line) => line.parameter === "b");
    expect(b?.values).toEqual([1.5, 3, 4.5]);
    expect(b?.outputs).toEqual([2 * 1.5 ** 2 + 1, 19, 2 * 4.5 ** 2 + 1]);
    for (const line of s.lines) expect(line.outputs[1]).toBe(s.baseline);
  });

  test("the plot puts % change on x and the response on y, one trace per parameter", () => {
    const fig = spiderPlot(spider(f, base), { response: "f" });
    expect(fig.data.map((trace) => trace.name)).toEqual(["a", "b", "c"]);
    expect(fig.data[0].x).toEqual([-50, -40, -30, -20, -10, 0, 10, 20, 30, 40, 50]);
    expect(fig.data[2].y[10]).toBeCloseTo(2 * 9 + 1.5, 12);
    expect(fig.layout.yaxis.title?.text).toBe("f");
  });
});

describe("one-at-a-time input errors", () => {
  test("a non-positive or too large change", () => {
    expect(() => tornado(f, base, { change: 0 })).toThrow(new SensitivityError("change = 0: the relative change must lie between 0 and 1 (0.2 = ±20 %)"));
  });

  test("a range for a parameter without a base value", () => {
    expect(() => tornado(f, base, { ranges: { d: [0, 1] } })).toThrow(new SensitivityError('tornado: range given for "d", which has no base value; base parameters: a, b, c'));
  });

  test("an empty range", () => {
    expect(() => tornado(f, base, { ranges: { a: [3, 1] } })).toThrow(new SensitivityError("tornado: range of a is [3, 1]; it needs low < high"));
  });

  test("a change of −100 % or less", () => {
    expect(() => spider(f, base, { changes: [-1, 0] })).toThrow(/spider: change -1 is not a finite number above −1/);
  });

  test("a non-finite base value", () => {
    expect(() => spider(f, { a: NaN })).toThrow(new SensitivityError("spider: base value of a is NaN, not a finite number"));
  });

  test("a model response with an unknown parameter or summary", () => {
    const cmax = modelResponse("pk1cmt_iv", { regimen: "100 mg", times: [0, 1] }, { summary: "cmax" });
    expect(() => cmax({ CLL: 3 })).toThrow(new SensitivityError('unknown parameter "CLL" for model pk1cmt_iv; known: CL, V, F1, ALAG1'));
    expect(() => modelResponse("pk1cmt_iv", { regimen: "100 mg" }, { summary: "AUC" as "auc" })).toThrow(/unknown summary "AUC"; use cmax, cmin, tmax, last, auc or a function/);
  });
});
