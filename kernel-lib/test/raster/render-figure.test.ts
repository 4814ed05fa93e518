import { describe, expect, it } from "vitest";
import { figureToPng, RasterError } from "../../src/raster/index.js";
import type { PlotlyFigure, PlotlyTrace } from "../../src/plot/index.js";
import { decodePng, pixel, type DecodedPng } from "./png-reader.js";

// Plotly's default template: white paper, plot area #E5ECF6.
const PAPER = [255, 255, 255, 255];
const PLOT_AREA = [229, 236, 246];

const line = (x: number[], y: number[], color?: string): PlotlyTrace => ({ type: "scatter", mode: "lines", x, y, ...(color ? { line: { color } } : {}) });

function figure(data: PlotlyTrace[], yaxis: Record<string, unknown> = { type: "linear" }, xaxis: Record<string, unknown> = {}): PlotlyFigure {
  return { data, layout: { xaxis: { title: { text: "time (h)" }, ...xaxis }, yaxis: { title: { text: "CP (mg/L)" }, ...yaxis }, showlegend: false } };
}

const draw = (fig: PlotlyFigure): DecodedPng => decodePng(figureToPng(fig));

/** The plot area as found in the image: the bounding box of its background colour. */
function plotArea(image: DecodedPng) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [r, g, b] = pixel(image, x, y);
      if (r === PLOT_AREA[0] && g === PLOT_AREA[1] && b === PLOT_AREA[2]) {
        [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
      }
    }
  }
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * How strongly a pixel shows pure red over the blue-grey plot area (0 none, 1 full): red at
 * coverage a turns blue 246 into 246·(1 − a) and keeps red ≥ 229; the blue trace, the white
 * grid and the dark text fail one or the other.
 */
const redness = (p: number[]) => (p[0] >= PLOT_AREA[0] ? Math.max(0, 1 - p[2] / PLOT_AREA[2]) : 0);

/** The coverage-weighted centre row of the red pixels in column x (pixel row j spans [j, j + 1)). */
function redCentre(image: DecodedPng, x: number): number {
  let weight = 0;
  let sum = 0;
  for (let y = 0; y < image.height; y++) {
    const w = redness(pixel(image, x, y));
    weight += w;
    sum += w * (y + 0.5);
  }
  return sum / weight;
}

describe("renderFigure, through the PNG it gives", () => {
  it("paints the paper white in the corners", () => {
    const image = draw(figure([line([0, 10], [0, 10])]));
    for (const [x, y] of [[0, 0], [639, 0], [0, 399], [639, 399]]) expect(pixel(image, x, y)).toEqual(PAPER);
  });

  it("draws y = 2.5 at the row its axis range puts it on", () => {
    // Data span 0–10 plus 5 % each side (the documented autorange): the axis shows −0.5 to 10.5.
    const image = draw(figure([line([0, 10], [0, 10]), line([0, 10], [2.5, 2.5], "#ff0000")]));
    const area = plotArea(image);
    expect(area.width).toBeGreaterThan(400);
    const expected = area.top + ((10.5 - 2.5) / 11) * area.height;
    for (const x of [area.left + area.width / 4, area.left + area.width / 2, area.left + (3 * area.width) / 4]) {
      expect(Math.abs(redCentre(image, Math.round(x)) - expected)).toBeLessThanOrEqual(1);
    }
  });

  it("draws a trace in its own colour, and one without a colour in plotly's first", () => {
    const image = draw(figure([line([0, 10], [0, 10]), line([0, 10], [5, 3], "rgb(44, 160, 44)")]));
    const colours = new Set<string>();
    for (let i = 0; i < image.rgba.length; i += 4) colours.add(image.rgba.subarray(i, i + 3).join(","));
    expect(colours.has("44,160,44")).toBe(true);
    expect(colours.has("31,119,180")).toBe(true); // #1f77b4
  });

  it("puts y = 10 at mid-height of a log axis from 1 to 100", () => {
    const image = draw(figure([line([0, 1], [1, 100]), line([0, 1], [10, 10], "red")], { type: "log" }));
    const area = plotArea(image);
    expect(Math.abs(redCentre(image, area.left + Math.round(area.width / 3)) - (area.top + area.height / 2))).toBeLessThanOrEqual(2);
  });

  it("keeps a trace inside the plot area when its data leave the axis range", () => {
    // A steep red line through explicit ranges of about 0–1 on both axes: most of it lies outside.
    // (Ranges a little wider than the ticks 0 and 1, so no grid line sits on the area's edge.)
    const range = [-0.03, 1.03];
    const image = draw(figure([line([-5, 6], [-50, 60], "#ff0000")], { type: "linear", range }, { range }));
    const area = plotArea(image);
    let inside = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (redness(pixel(image, x, y)) === 0) continue;
        const within = x >= area.left && x < area.left + area.width && y >= area.top && y < area.top + area.height;
        expect(within, `red pixel at (${x}, ${y})`).toBe(true);
        inside++;
      }
    }
    expect(inside).toBeGreaterThan(50);
  });

  it("fills a toself band with its translucent colour over the plot area", () => {
    const band = { ...line([0, 10, 10, 0], [0, 0, 10, 10]), fill: "toself", fillcolor: "rgba(255, 0, 0, 0.5)", line: { width: 0 } } as PlotlyTrace;
    const image = draw(figure([band]));
    const area = plotArea(image);
    // Centre of the square, off the white grid lines: red at alpha 128/255 over #E5ECF6.
    const p = pixel(image, area.left + Math.round(area.width * 0.45), area.top + Math.round(area.height * 0.45));
    const a = Math.round(0.5 * 255) / 255;
    expect(p.slice(0, 3)).toEqual([Math.round(229 + (255 - 229) * a), Math.round(236 * (1 - a)), Math.round(246 * (1 - a))]);
  });

  it("draws open markers as rings and others as discs", () => {
    const marker = (symbol: string): PlotlyTrace => ({ type: "scatter", mode: "markers", x: [5], y: [5], marker: { color: "#ff0000", size: 16, symbol } });
    const centre = (image: DecodedPng) => {
      const area = plotArea(image);
      return pixel(image, Math.floor(area.left + area.width / 2), Math.floor(area.top + area.height / 2));
    };
    const withRange = (trace: PlotlyTrace) => figure([trace], { type: "linear", range: [-0.5, 10.5] }, { range: [-0.5, 10.5] });
    expect(redness(centre(draw(withRange(marker("circle")))))).toBe(1);
    expect(redness(centre(draw(withRange(marker("circle-open")))))).toBe(0);
  });

  it("draws a dashed line as plotly does: 3w on, 3w off with w = max(width, 3)", () => {
    // A 2 px red line at y = 2.5 with dash "dash": 9 px dashes and 9 px gaps (plotly.js
    // Drawing.dashStyle); round ends add 1 px each side, so the covered runs are about 11 px.
    const dashed: PlotlyTrace = { ...line([0, 10], [2.5, 2.5], "#ff0000"), line: { color: "#ff0000", dash: "dash" } };
    const image = draw(figure([line([0, 10], [0, 10]), dashed]));
    const area = plotArea(image);
    const row = Math.floor(area.top + ((10.5 - 2.5) / 11) * area.height);
    const runs: number[] = [];
    let run = 0;
    for (let x = area.left; x < area.left + area.width; x++) {
      if (redness(pixel(image, x, row)) > 0.5) run++;
      else if (run > 0) runs.push(run), (run = 0);
    }
    if (run > 0) runs.push(run);
    // The line spans 10/11 of the plot width (autorange 5 % each side), one dash per 18 px.
    const length = (10 / 11) * area.width;
    expect(Math.abs(runs.length - Math.ceil(length / 18))).toBeLessThanOrEqual(1);
    for (const r of runs.slice(0, -1)) expect(Math.abs(r - 11)).toBeLessThanOrEqual(2);
  });

  it("names the trace and the dash it cannot read", () => {
    const fig = figure([{ ...line([0, 1], [0, 1]), line: { dash: "wavy" } }]);
    expect(() => figureToPng(fig)).toThrow('data[0].line.dash is "wavy"; use solid, dot, dash, longdash, dashdot, longdashdot or pixel lengths such as "5px,10px"');
  });

  it("names the trace and the colour it cannot read", () => {
    const fig = figure([line([0, 1], [0, 1]), line([0, 1], [1, 0], "not-a-colour")]);
    expect(() => figureToPng(fig)).toThrow(RasterError);
    expect(() => figureToPng(fig)).toThrow('data[1].line.color: cannot read the colour "not-a-colour"; use #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a basic colour name');
  });
});
