import { describe, expect, it } from "vitest";
import { concentrationTimePlot, PLOTLY_MIME, show, toMimeBundle } from "../../src/plot/index.js";
import type { PlotSource } from "../../src/plot/index.js";

const columns: PlotSource = {
  id: Float64Array.of(1, 1, 1, 2, 2, 2),
  time: Float64Array.of(0, 1, 2, 0, 1, 2),
  outputs: { CP: Float64Array.of(10, 5, 2.5, 20, 10, 5) },
  states: { central: Float64Array.of(250, 125, 62.5, 500, 250, 125) },
  model: { name: "m", timeUnit: "h", outputs: [{ name: "CP", unit: "mg/L", label: "plasma concentration" }] },
};

describe("concentrationTimePlot", () => {
  const fig = concentrationTimePlot(columns, { observed: [{ time: 1, dv: 6 }] });

  it("draws one line per subject with that subject's rows", () => {
    const lines = fig.data.filter((t) => t.mode === "lines");
    expect(lines.map((t) => t.name)).toEqual(["ID 1", "ID 2"]);
    expect(lines[0].x).toEqual([0, 1, 2]);
    expect(lines[0].y).toEqual([10, 5, 2.5]);
    expect(lines[1].y).toEqual([20, 10, 5]);
  });

  it("labels the axes with units", () => {
    expect(fig.layout.xaxis.title?.text).toBe("time (h)");
    expect(fig.layout.yaxis.title?.text).toBe("plasma concentration (mg/L)");
  });

  it("offers linear and log buttons for the y axis", () => {
    const buttons = (fig.layout.updatemenus as { buttons: { label: string; args: Record<string, string>[] }[] }[])[0].buttons;
    expect(buttons.map((b) => [b.label, b.args[0]["yaxis.type"]])).toEqual([["linear", "linear"], ["log", "log"]]);
    expect(concentrationTimePlot(columns, { log: true }).layout.yaxis.type).toBe("log");
  });

  it("overlays observed data as markers", () => {
    const observed = fig.data.find((t) => t.mode === "markers");
    expect(observed?.x).toEqual([1]);
    expect(observed?.y).toEqual([6]);
  });

  it("plots a state by name and names a missing column", () => {
    expect(concentrationTimePlot(columns, { output: "central" }).data[0].y).toEqual([250, 125, 62.5]);
    expect(() => concentrationTimePlot(columns, { output: "CX" })).toThrow(/no column "CX".*CP, central/);
  });
});

describe("display", () => {
  const fig = concentrationTimePlot(columns);
  it("bundles the figure with a text fallback that survives JSON", () => {
    const bundle = toMimeBundle(fig);
    expect(JSON.parse(JSON.stringify(bundle[PLOTLY_MIME]))).toEqual(JSON.parse(JSON.stringify(fig)));
    expect(bundle["text/plain"]).toMatch(/2 line trace\(s\) of plasma concentration \(mg\/L\)/);
  });
  it("sends the plotly JSON through tslab's display.raw", () => {
    const sent: [string, string][] = [];
    show(fig, { display: { raw: (mime, value) => sent.push([mime, value]) } });
    expect(sent).toHaveLength(1);
    expect(sent[0][0]).toBe("application/vnd.plotly.v1+json");
    expect(JSON.parse(sent[0][1]).data).toHaveLength(2);
  });
});
