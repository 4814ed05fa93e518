import { describe, expect, it } from "vitest";
import { concentrationTimePlot, percentileBandPlot } from "../../src/plot/index.js";
import type { PlotSource } from "../../src/plot/index.js";

// An oral profile with a 0 before absorption (t = 0) and a 0 after washout (t = 48).
const oral: PlotSource = {
  id: Float64Array.of(1, 1, 1, 1, 1),
  time: Float64Array.of(0, 1, 4, 24, 48),
  outputs: { CP: Float64Array.of(0, 8, 20, 0.5, 0) },
  states: {},
};

describe("log axes", () => {
  it("a concentration of 0 is a gap on the log axis (plotly would draw it at the bottom edge), not on the linear one", () => {
    const fig = concentrationTimePlot(oral, { log: true });
    expect(fig.data[0].y).toEqual([null, 8, 20, 0.5, null]);
    const [linear, log] = fig.layout.updatemenus![0].buttons;
    expect(linear.method).toBe("update");
    expect(linear.args[0]).toEqual({ y: [[0, 8, 20, 0.5, 0]] });
    expect(log.args[0]).toEqual({ y: [[null, 8, 20, 0.5, null]] });
    expect(linear.args[2]).toEqual([0]);
    const lin = concentrationTimePlot(oral);
    expect(lin.data[0].y).toEqual([0, 8, 20, 0.5, 0]);
  });

  it("log ticks are the powers of ten over the data, with 2 and 5 only on a short range (never every digit)", () => {
    // 0.5 to 20 mg/L holds only two powers of ten, so 0.5, 2, 5 and 20 are labelled too (1–2–5), and no other digit.
    const fig = concentrationTimePlot(oral, { log: true });
    expect(fig.layout.yaxis).toMatchObject({ type: "log", tickmode: "array", tickvals: [0.5, 1, 2, 5, 10, 20], ticktext: ["0.5", "1", "2", "5", "10", "20"] });
    // Over 0.01 to 300, five powers of ten: those alone.
    const wide: PlotSource = { ...oral, outputs: { CP: Float64Array.of(0.01, 8, 20, 0.5, 300) } };
    const axis = concentrationTimePlot(wide, { log: true }).layout.yaxis;
    expect(axis.tickvals).toEqual([0.01, 0.1, 1, 10, 100]);
    const logButton = concentrationTimePlot(wide).layout.updatemenus![0].buttons[1];
    expect(logButton.method).toBe("relayout");
    expect(logButton.args[0]).toEqual({ "yaxis.type": "log", "yaxis.tickmode": "array", "yaxis.tickvals": [0.01, 0.1, 1, 10, 100], "yaxis.ticktext": ["0.01", "0.1", "1", "10", "100"] });
    expect(concentrationTimePlot(wide).layout.updatemenus![0].buttons[0].args[0]).toEqual({ "yaxis.type": "linear", "yaxis.tickmode": "auto" });
  });

  it("a short log range gets 1, 2, 5 multiples rather than every digit", () => {
    const short: PlotSource = { ...oral, outputs: { CP: Float64Array.of(1, 3, 30, 12, 2) } };
    expect(concentrationTimePlot(short, { log: true }).layout.yaxis.tickvals).toEqual([1, 2, 5, 10, 20]);
  });
});

describe("reference lines and a therapeutic window", () => {
  it("draws the window as a filled band under the lines and each reference line dashed across the time range", () => {
    const fig = concentrationTimePlot(oral, { therapeuticWindow: { lower: 5, upper: 15 }, referenceLines: [{ y: 2, label: "MIC" }] });
    expect(fig.data).toHaveLength(3);
    expect(fig.data[0]).toMatchObject({ name: "therapeutic window", fill: "toself", x: [0, 48, 48, 0, 0], y: [5, 5, 15, 15, 5] });
    expect(fig.data[1].name).toBe("ID 1");
    expect(fig.data[2]).toMatchObject({ name: "MIC", x: [0, 48], y: [2, 2], line: { dash: "dash" } });
  });

  it("percentile band plots take them too", () => {
    const fig = percentileBandPlot({ times: [0, 1], quantiles: [0.05, 0.5, 0.95], values: [[1, 2], [2, 3], [3, 4]] }, { referenceLines: [{ y: 2.5 }] });
    expect(fig.data.at(-1)).toMatchObject({ name: "y = 2.5", y: [2.5, 2.5] });
  });

  it("refuses a window whose lower end is not below its upper one", () => {
    expect(() => concentrationTimePlot(oral, { therapeuticWindow: { lower: 15, upper: 5 } })).toThrow(/therapeuticWindow needs finite lower < upper/);
    expect(() => concentrationTimePlot(oral, { referenceLines: [{ y: NaN }] })).toThrow(/referenceLines\[0\]\.y is NaN/);
  });
});
