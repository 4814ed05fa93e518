// Imports the parser's own module: the folder's index also loads the widget, which needs a DOM.
import { describe, expect, it } from "vitest";
import { parsePlotlyFigure } from "../src/plotly/plotlyFigure.js";

describe("parsePlotlyFigure", () => {
  it("accepts a figure object and defaults layout and config to empty objects", () => {
    const trace = { x: [0, 1], y: [2, 1], mode: "lines" };
    expect(parsePlotlyFigure({ data: [trace] })).toEqual({ data: [trace], layout: {}, config: {} });
  });

  it("accepts the same figure sent as a JSON string", () => {
    const figure = { data: [{ y: [3, 2, 1] }], layout: { title: { text: "CP" } }, config: { responsive: false } };
    expect(parsePlotlyFigure(JSON.stringify(figure))).toEqual(figure);
  });

  it("names the problem when the string is not JSON", () => {
    expect(() => parsePlotlyFigure("{data: [")).toThrow(/plotly figure: the string is not JSON/);
  });

  it("names the problem when data is not an array of traces", () => {
    expect(() => parsePlotlyFigure({ data: { y: [1] } })).toThrow(/"data" must be an array of trace objects, got object/);
    expect(() => parsePlotlyFigure({ data: [1, 2] })).toThrow(/"data" must be an array of trace objects/);
  });

  it("rejects null, arrays and a layout that is not an object", () => {
    expect(() => parsePlotlyFigure(null)).toThrow(/expected an object \{ data, layout \}, got null/);
    expect(() => parsePlotlyFigure([])).toThrow(/got an array/);
    expect(() => parsePlotlyFigure({ data: [], layout: "wide" })).toThrow(/"layout" must be an object/);
  });
});
