// @vitest-environment jsdom
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import { createPlotlyRendererFactory, PLOTLY_MIME_TYPE, PlotlyRenderer, themedLayout, type PlotlyApi } from "../src/plotly/index.js";

/** A stand-in for plotly.js (jsdom has no layout engine to draw SVG with) that records calls. */
function fakePlotly() {
  const api = {
    react: vi.fn(async (node: HTMLElement) => {
      node.innerHTML = '<svg class="main-svg"></svg>';
    }),
    purge: vi.fn(),
    Plots: { resize: vi.fn() },
  };
  return { api, load: vi.fn(async (): Promise<PlotlyApi> => api) };
}

function mimeModel(value: unknown): IRenderMime.IMimeModel {
  return { trusted: true, data: { [PLOTLY_MIME_TYPE]: value } as IRenderMime.IMimeModel["data"], metadata: {}, setData: () => undefined };
}

function renderer(load: () => Promise<PlotlyApi>): PlotlyRenderer {
  const options = { mimeType: PLOTLY_MIME_TYPE } as IRenderMime.IRendererOptions;
  return new PlotlyRenderer(options, load);
}

describe("PlotlyRenderer", () => {
  it("draws a figure object with plotly, on a transparent background and without the plotly logo", async () => {
    const { api, load } = fakePlotly();
    const widget = renderer(load);
    await widget.renderModel(mimeModel({ data: [{ x: [0, 1], y: [5, 2] }], layout: { title: { text: "CP" } } }));
    expect(api.react).toHaveBeenCalledTimes(1);
    const [node, data, layout, config] = api.react.mock.calls[0] as unknown as [HTMLElement, unknown[], Record<string, unknown>, Record<string, unknown>];
    expect(node).toBe(widget.node);
    expect(data).toEqual([{ x: [0, 1], y: [5, 2] }]);
    expect(layout).toMatchObject({ title: { text: "CP" }, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)" });
    expect(config).toEqual({ responsive: true, displaylogo: false });
    expect(widget.node.querySelector("svg.main-svg")).not.toBeNull();
  });

  it("draws a figure sent as a JSON string, letting the figure's config win", async () => {
    const { api, load } = fakePlotly();
    await renderer(load).renderModel(mimeModel(JSON.stringify({ data: [{ y: [1, 2] }], config: { displaylogo: true } })));
    const config = (api.react.mock.calls[0] as unknown[] | undefined)?.[3];
    expect(config).toEqual({ responsive: true, displaylogo: true });
  });

  it("shows what is wrong with a payload that is not a figure, without loading plotly", async () => {
    const { api, load } = fakePlotly();
    const widget = renderer(load);
    await widget.renderModel(mimeModel({ traces: [] }));
    expect(load).not.toHaveBeenCalled();
    expect(api.react).not.toHaveBeenCalled();
    expect(widget.hasClass("pmx-mod-error")).toBe(true);
    expect(widget.node.querySelector("pre")?.textContent).toBe('plotly figure: "data" must be an array of trace objects, got undefined');
  });

  it("shows a visible error, not a blank output, when plotly.js cannot be loaded", async () => {
    const load = vi.fn(async (): Promise<PlotlyApi> => {
      throw new Error("Loading chunk plotly failed");
    });
    const widget = renderer(load);
    await expect(widget.renderModel(mimeModel({ data: [{ y: [1] }] }))).resolves.toBeUndefined();
    expect(widget.hasClass("pmx-mod-error")).toBe(true);
    expect(widget.node.querySelector("pre")?.textContent).toMatch(/^pmxlab could not load plotly\.js: Loading chunk plotly failed\. Reload the page/);
  });

  it("shows a visible error when plotly.js cannot draw the figure", async () => {
    const { api, load } = fakePlotly();
    api.react.mockRejectedValueOnce(new Error("unknown trace type"));
    const widget = renderer(load);
    await widget.renderModel(mimeModel({ data: [{ type: "nope" }] }));
    expect(widget.hasClass("pmx-mod-error")).toBe(true);
    expect(widget.node.querySelector("pre")?.textContent).toBe("plotly.js could not draw this figure: unknown trace type");
  });

  it("replaces an error message by the plot when a valid figure follows", async () => {
    const { load } = fakePlotly();
    const widget = renderer(load);
    await widget.renderModel(mimeModel("not json"));
    await widget.renderModel(mimeModel({ data: [] }));
    expect(widget.hasClass("pmx-mod-error")).toBe(false);
    expect(widget.node.querySelector("pre")).toBeNull();
  });

  it("redraws the plot with the new colours when the JupyterLab theme changes", async () => {
    const { api, load } = fakePlotly();
    const widget = renderer(load);
    await widget.renderModel(mimeModel({ data: [{ y: [1] }] }));
    widget.node.style.setProperty("--jp-ui-font-color1", "rgb(1, 2, 3)");
    document.body.dataset.jpThemeName = "JupyterLab Dark";
    await vi.waitFor(() => expect(api.react).toHaveBeenCalledTimes(2));
    expect((api.react.mock.calls[1] as unknown[] | undefined)?.[2]).toMatchObject({ font: { color: "rgb(1, 2, 3)" } });
    widget.dispose();
    document.body.dataset.jpThemeName = "JupyterLab Light";
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.react).toHaveBeenCalledTimes(2);
  });

  it("frees plotly's resources when disposed", async () => {
    const { api, load } = fakePlotly();
    const widget = renderer(load);
    await widget.renderModel(mimeModel({ data: [] }));
    widget.dispose();
    expect(api.purge).toHaveBeenCalledWith(widget.node);
  });
});

describe("themedLayout", () => {
  it("takes font and grid colours from the JupyterLab theme variables", () => {
    const host = document.createElement("div");
    host.style.setProperty("--jp-ui-font-color1", "rgb(240, 240, 240)");
    host.style.setProperty("--jp-border-color2", "rgb(80, 80, 80)");
    document.body.append(host);
    const layout = themedLayout({ yaxis: { type: "log" } }, host);
    expect(layout.font).toEqual({ color: "rgb(240, 240, 240)" });
    expect(layout.yaxis).toEqual({ gridcolor: "rgb(80, 80, 80)", zerolinecolor: "rgb(80, 80, 80)", type: "log" });
  });

  it("leaves a figure with its own plotly template as it is", () => {
    const layout = { template: { layout: { font: { color: "red" } } } };
    expect(themedLayout(layout, document.body)).toBe(layout);
  });
});

describe("createPlotlyRendererFactory", () => {
  it("offers a safe renderer for the plotly MIME type", () => {
    const factory = createPlotlyRendererFactory(fakePlotly().load);
    expect(factory.mimeTypes).toEqual(["application/vnd.plotly.v1+json"]);
    expect(factory.safe).toBe(true);
    expect(factory.createRenderer({ mimeType: PLOTLY_MIME_TYPE } as IRenderMime.IRendererOptions)).toBeInstanceOf(PlotlyRenderer);
  });
});
