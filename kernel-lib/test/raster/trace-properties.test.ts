// The PNG fallback is what a notebook shows where plotly.js is not available, so it must not
// silently drop what pmxlab's plots say with a trace property (dashed VPC and tornado lines
// were once drawn solid). This test collects every trace property that the plot functions
// emit and checks that each one the renderer is said to draw changes the image when it is
// taken away; a property that a plot starts to use must be added to one of the two lists.
import { describe, expect, it } from "vitest";
import { concentrationTimePlot, vpcPlot, type PlotlyFigure, type PlotlyTrace } from "../../src/plot/index.js";
import { simulatePopulation } from "../../src/population/index.js";
import { figureToPng } from "../../src/raster/index.js";
import { spider, spiderPlot, tornado, tornadoPlot } from "../../src/sensitivity/index.js";
import { simulate } from "../../src/simulation/index.js";

/** Properties whose removal must change the image, wherever a plot uses them with a value other than plotly's default. */
const DRAWN = ["line.color", "line.width", "line.dash", "marker.color", "marker.size", "marker.symbol", "fill", "fillcolor", "name", "showlegend"];
/** Properties with nothing to draw in a static image, or required ones every raster test draws. */
const NOT_DRAWN: Record<string, string> = {
  type: "always scatter",
  mode: "required; lines and markers are drawn by every raster test",
  x: "required; the data",
  y: "required; the data",
  text: "hover text, shown only on interaction",
};

const f = (p: Record<string, number>) => 2 * p.b ** 2 + p.a - p.c;
const base = { a: 2, b: 3, c: 1 };
const sim = simulate("pk1cmt_oral", { regimen: "100 mg q12h x 3", times: { end: 48, step: 1 } });
const observed = { time: [1, 1, 2, 2, 2, 4, 5, 6], dv: [10, 8, 6, 4, 2, 3, 1, 2] };

const FIGURES: Record<string, PlotlyFigure> = {
  "simulation.plot": sim.plot({ log: true }) as PlotlyFigure,
  "concentrationTimePlot with observations": concentrationTimePlot(sim, { observed: [{ time: 2, dv: 2 }, { time: 10, dv: 1 }] }),
  "population.plot": simulatePopulation("pk1cmt_oral", { regimen: "100 mg", times: { end: 24, step: 2 }, n: 20, seed: 1, omega: { CL: 0.09 } }, { summaries: { percentiles: { quantiles: [0.05, 0.5, 0.95] } } }).plot() as PlotlyFigure,
  vpcPlot: vpcPlot(observed, { dv: [1, 2, 3].map((k) => observed.dv.map((v) => k * v)) }, { bins: [0, 3, 6] }) as PlotlyFigure,
  tornadoPlot: tornadoPlot(tornado(f, base), { response: "f" }) as PlotlyFigure,
  spiderPlot: spiderPlot(spider(f, base), { response: "f" }),
};

/** Leaf property paths of a trace ("line.dash"); arrays are leaves. */
function paths(value: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? paths(v as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function without(trace: PlotlyTrace, path: string): PlotlyTrace {
  const copy = structuredClone(trace) as unknown as Record<string, Record<string, unknown>>;
  const [head, leaf] = path.split(".");
  if (leaf === undefined) delete copy[head];
  else delete copy[head][leaf];
  return copy as unknown as PlotlyTrace;
}

/** Every (figure, trace, path) the plots emit. */
const uses = Object.entries(FIGURES).flatMap(([figure, fig]) => fig.data.flatMap((trace, index) => paths(trace as unknown as Record<string, unknown>).map((path) => ({ figure, fig, index, path }))));

describe("the PNG fallback and the trace properties pmxlab's plots use", () => {
  it("knows every property the plots emit, as drawn or as not drawn", () => {
    const unknown = [...new Set(uses.map((u) => u.path))].filter((path) => !DRAWN.includes(path) && !(path in NOT_DRAWN));
    expect(unknown, "a plot uses a trace property the PNG fallback has not been checked for: draw it (and list it in DRAWN) or say in NOT_DRAWN why not").toEqual([]);
  });

  it.each(DRAWN)("draws %s: taking it away from a plot's trace changes the image", (path) => {
    const found = uses.filter((u) => u.path === path);
    expect(found.length, `no plot uses ${path} any more: remove it from DRAWN`).toBeGreaterThan(0);
    const png = (fig: PlotlyFigure) => Buffer.from(figureToPng(fig)).toString("base64");
    const changes = found.some(({ fig, index }) => png({ ...fig, data: fig.data.map((trace, i) => (i === index ? without(trace, path) : trace)) }) !== png(fig));
    expect(changes, `removing ${path} from ${found.map((u) => `${u.figure} data[${u.index}]`).join(", ")} leaves the image as it was`).toBe(true);
  });
});
