// @vitest-environment jsdom
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { afterEach, describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import type { ICellModel } from "@jupyterlab/cells";
import { YCodeCell } from "@jupyter/ydoc";
import { Widget } from "@lumino/widgets";
import { INTERACTIVE_MIME, interactive, modelSource, simulate, type InteractiveSpec } from "@pmxlab/kernel";
import { cellState, type IPmxlabCellState } from "../src/cell-state/index.js";
// The modules, not the folder's index: its plugin loads @jupyterlab/rendermime, which needs a browser.
import { InteractiveRenderer } from "../src/interactive/InteractiveRenderer.js";
import { INTERACTIVE_MIME_TYPE } from "../src/interactive/mimeType.js";
import { createInteractiveRendererFactory } from "../src/interactive/rendererFactory.js";
import type { PlotlyApi } from "../src/plotly/index.js";

type ReactCall = [HTMLElement, { x: number[]; y: number[]; name?: string }[], Record<string, any>, Record<string, unknown>];

/** A stand-in for plotly.js (jsdom cannot lay out SVG) that records what it is asked to draw. */
function fakePlotly() {
  const api = { react: vi.fn(async (..._args: ReactCall) => undefined), purge: vi.fn(), Plots: { resize: vi.fn() } };
  return { api, load: async () => api as unknown as PlotlyApi, last: () => api.react.mock.calls[api.react.mock.calls.length - 1] as ReactCall };
}

const REGIMEN = "100 mg q12h x 28";
const TIMES = { end: 336, step: 1 };
const BUNDLE = interactive("pk2cmt_oral", { regimen: REGIMEN, times: TIMES, params: { CL: [1, 20], V1: { min: 10, max: 500, log: true } }, dose: [25, 400] });

function mimeModel(bundle: object = BUNDLE, trusted = true): IRenderMime.IMimeModel {
  return { trusted, data: bundle as IRenderMime.IMimeModel["data"], metadata: {}, setData: () => undefined };
}

async function rendered(options: { cell?: ICellModel; saveDelay?: number; bundle?: object; trusted?: boolean } = {}) {
  const plotly = fakePlotly();
  const state: IPmxlabCellState | null = options.cell ? { ...cellState, cellOf: () => options.cell ?? null } : null;
  const widget = new InteractiveRenderer({ mimeType: INTERACTIVE_MIME_TYPE } as IRenderMime.IRendererOptions, { loadPlotly: plotly.load, cellState: state, saveDelay: options.saveDelay });
  await widget.renderModel(mimeModel(options.bundle, options.trusted));
  Widget.attach(widget, document.body);
  return { widget, plotly };
}

function slider(widget: Widget, name: string): HTMLInputElement {
  return widget.node.querySelector(`.pmx-SliderControl[data-name="${name}"] input[type="range"]`) as HTMLInputElement;
}

function numberBox(widget: Widget, name: string): HTMLInputElement {
  return widget.node.querySelector(`.pmx-SliderControl[data-name="${name}"] input[type="number"]`) as HTMLInputElement;
}

function move(input: HTMLInputElement, value: string, event = "input"): void {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

function button(widget: Widget, label: string): HTMLButtonElement {
  const found = [...widget.node.querySelectorAll("button")].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** CP of pk2cmt_oral simulated here, independently of the renderer, for the given settings. */
function expectedCP(params: Record<string, number>, dose = 100): number[] {
  return Array.from(simulate("pk2cmt_oral", { regimen: REGIMEN.replace("100", String(dose)), times: TIMES, params }).outputs.CP);
}

/** On a log axis a concentration ≤ 0 (before absorption) is a gap, null (docs/figures.md). */
const onLog = (y: number[]): (number | null)[] => y.map((v) => (v > 0 ? v : null));

afterEach(() => {
  document.body.replaceChildren();
});

describe("InteractiveRenderer", () => {
  it("builds a slider and a number box per parameter and for the dose, with units, and draws the starting values", async () => {
    const { widget, plotly } = await rendered();
    const labels = [...widget.node.querySelectorAll(".pmx-SliderControl-label")].map((l) => l.textContent);
    expect(labels).toEqual(["CL (L/h)", "V1 (L)", "dose (mg)"]);
    expect(slider(widget, "CL")).toMatchObject({ min: "1", max: "20", step: "0.1", value: "5" });
    expect(numberBox(widget, "V1").value).toBe("50");
    expect(plotly.api.react).toHaveBeenCalledTimes(1);
    const [node, data, layout] = plotly.last();
    expect(node.classList.contains("pmx-Interactive-plot")).toBe(true);
    expect(data[0].y).toEqual(expectedCP({}));
    expect(layout.updatemenus).toBeUndefined();
    expect(layout.yaxis.type).toBe("linear");
    // JupyterLab's command-mode shortcuts (arrows, digits) must not take the controls' keys.
    expect(widget.node.querySelector(".pmx-Interactive-controls")?.getAttribute("data-lm-suppress-shortcuts")).toBe("true");
  });

  it("re-simulates in the browser when a slider moves, once per animation frame", async () => {
    const { widget, plotly } = await rendered();
    move(slider(widget, "CL"), "7.5");
    move(slider(widget, "CL"), "8");
    await vi.waitFor(() => expect(plotly.api.react).toHaveBeenCalledTimes(2));
    expect(plotly.last()[1][0].y).toEqual(expectedCP({ CL: 8 }));
    expect(numberBox(widget, "CL").value).toBe("8");
    expect(widget.settings).toEqual({ params: { CL: 8, V1: 50 }, dose: 100, logY: false });
  });

  it("moves a log slider evenly in log(value) and scales every dose with the dose slider", async () => {
    const { widget, plotly } = await rendered();
    move(slider(widget, "V1"), "500"); // half way from 10 to 500 L in log scale: √5000 = 70.7 L
    move(numberBox(widget, "dose"), "200");
    await vi.waitFor(() => expect(widget.settings).toMatchObject({ params: { V1: 70.7 }, dose: 200 }));
    await vi.waitFor(() => expect(plotly.last()[1][0].y).toEqual(expectedCP({ V1: 70.7 }, 200)));
  });

  it("ignores a typed value outside the range and marks it invalid", async () => {
    const { widget } = await rendered();
    move(numberBox(widget, "CL"), "25");
    expect(numberBox(widget, "CL").classList.contains("pmx-mod-invalid")).toBe(true);
    expect(widget.settings?.params.CL).toBe(5);
    move(numberBox(widget, "CL"), "25", "change");
    expect(numberBox(widget, "CL").value).toBe("5");
  });

  it("switches the y axis to log and back", async () => {
    const { widget, plotly } = await rendered();
    const toggle = button(widget, "Log scale");
    toggle.click();
    await vi.waitFor(() => expect(plotly.last()[2].yaxis.type).toBe("log"));
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    toggle.click();
    await vi.waitFor(() => expect(plotly.last()[2].yaxis.type).toBe("linear"));
  });

  it("resets every control to the spec's starting values", async () => {
    const { widget, plotly } = await rendered();
    move(slider(widget, "CL"), "12");
    button(widget, "Log scale").click();
    button(widget, "Reset").click();
    expect(widget.settings).toEqual({ params: { CL: 5, V1: 50 }, dose: 100, logY: false });
    expect(slider(widget, "CL").value).toBe("5");
    await vi.waitFor(() => expect(plotly.last()[1][0].y).toEqual(expectedCP({})));
  });

  it("copies cell code for the current settings, which simulates the same curve, and shows it", async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { widget } = await rendered();
    move(slider(widget, "CL"), "8");
    button(widget, "Copy as code").click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const code = writeText.mock.calls[0][0];
    expect(code).toContain('simulate("pk2cmt_oral", {');
    expect(code).toContain("params: { CL: 8, V1: 50 }");
    const shown: { data: { y: number[] }[] }[] = [];
    new Function("simulate", "show", "tslab", code.replace(/^import .*$/gm, ""))(simulate, (fig: never) => shown.push(fig), {});
    expect(shown[0].data[0].y).toEqual(expectedCP({ CL: 8 }));
    const pre = widget.node.querySelector(".pmx-Interactive-code") as HTMLPreElement;
    expect(pre.hidden).toBe(false);
    expect(pre.textContent).toBe(code);
    expect(widget.node.querySelector(".pmx-Interactive-status")?.textContent).toBe("Code copied to the clipboard");
  });

  it("keeps its settings in the cell metadata: applies them on load, writes user changes debounced, follows remote changes", async () => {
    const cell = YCodeCell.create() as unknown as ICellModel;
    cellState.set(cell, "interactive", { params: { CL: 12, V1: 50 }, dose: 100, logY: true });
    const { widget, plotly } = await rendered({ cell, saveDelay: 100 });
    expect(slider(widget, "CL").value).toBe("12");
    await vi.waitFor(() => expect(plotly.last()[1][0].y).toEqual(onLog(expectedCP({ CL: 12 }))));
    expect(plotly.last()[2].yaxis.type).toBe("log");

    move(slider(widget, "CL"), "3");
    move(slider(widget, "CL"), "4");
    expect(cellState.get(cell, "interactive")).toMatchObject({ params: { CL: 12 } }); // not yet: debounced
    let drawnAtWrite = -1;
    cell.metadataChanged.connect(() => (drawnAtWrite = plotly.api.react.mock.calls.length));
    await vi.waitFor(() => expect(cellState.get(cell, "interactive")).toEqual({ params: { CL: 4, V1: 50 }, dose: 100, logY: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(plotly.api.react).toHaveBeenCalledTimes(drawnAtWrite); // its own write, echoed by the metadata signal, is not drawn again

    // A co-editor moves the dose slider: the change arrives through the shared cell metadata.
    cell.setMetadata("pmxlab", { interactive: { params: { CL: 4, V1: 50 }, dose: 300, logY: true } });
    expect(numberBox(widget, "dose").value).toBe("300");
    await vi.waitFor(() => expect(plotly.last()[1][0].y).toEqual(onLog(expectedCP({ CL: 4 }, 300))));
    widget.dispose();
  });

  it("shows the static figure of an untrusted output with a custom model, without running it", async () => {
    const text = modelSource("pk1cmt_iv").replace("$MODEL pk1cmt_iv", "$MODEL my_iv");
    const bundle = interactive(text, { regimen: "10 mg", times: { end: 5, step: 1 }, params: { CL: [1, 20] } });
    const { widget, plotly } = await rendered({ bundle, trusted: false });
    expect(widget.node.querySelector(".pmx-SliderControl")).toBeNull();
    expect(widget.node.querySelector(".pmx-Interactive-status")?.textContent).toMatch(/trust the notebook/);
    expect(plotly.last()[1][0].y).toEqual(bundle["application/vnd.plotly.v1+json"].data[0].y);
  });

  it("draws the static figure with the figure's own config, as the plotly renderer does", async () => {
    const text = modelSource("pk1cmt_iv").replace("$MODEL pk1cmt_iv", "$MODEL my_iv");
    const bundle = interactive(text, { regimen: "10 mg", times: { end: 5, step: 1 }, params: { CL: [1, 20] } });
    const figure = bundle["application/vnd.plotly.v1+json"];
    const { plotly } = await rendered({ bundle: { ...bundle, "application/vnd.plotly.v1+json": { ...figure, config: { displaylogo: true, scrollZoom: true } } }, trusted: false });
    expect(plotly.last()[3]).toEqual({ responsive: true, displaylogo: true, scrollZoom: true });
  });

  it("shows a visible error, not a blank output, when the simulation library or plotly.js cannot be loaded", async () => {
    const failing = (what: string) => async (): Promise<never> => {
      throw new Error(`Loading chunk ${what} failed`);
    };
    const options = { mimeType: INTERACTIVE_MIME_TYPE } as IRenderMime.IRendererOptions;
    const noKernel = new InteractiveRenderer(options, { loadPlotly: fakePlotly().load, loadKernel: failing("pmxlab-kernel") });
    await expect(noKernel.renderModel(mimeModel())).resolves.toBeUndefined();
    expect(noKernel.hasClass("pmx-mod-error")).toBe(true);
    expect(noKernel.node.textContent).toMatch(/^pmxlab could not load the simulation library @pmxlab\/kernel: Loading chunk pmxlab-kernel failed\./);
    const noPlotly = new InteractiveRenderer(options, { loadPlotly: failing("plotly") });
    await noPlotly.renderModel(mimeModel());
    expect(noPlotly.hasClass("pmx-mod-error")).toBe(true);
    expect(noPlotly.node.textContent).toMatch(/^pmxlab could not load plotly\.js: Loading chunk plotly failed\./);
  });

  it("names what is wrong with a spec it cannot read", async () => {
    const spec = BUNDLE[INTERACTIVE_MIME] as InteractiveSpec;
    const { widget } = await rendered({ bundle: { [INTERACTIVE_MIME]: { ...spec, outputs: [] } } });
    expect(widget.hasClass("pmx-mod-error")).toBe(true);
    expect(widget.node.textContent).toBe('interactive: "outputs" must be a non-empty list of output names, got []');
  });
});

describe("createInteractiveRendererFactory", () => {
  it("offers the interactive MIME type, ranked before the plotly figure of the same output", () => {
    const factory = createInteractiveRendererFactory();
    expect(factory.mimeTypes).toEqual([INTERACTIVE_MIME]);
    expect(factory.defaultRank).toBeLessThan(50);
    expect(factory.createRenderer({ mimeType: INTERACTIVE_MIME } as IRenderMime.IRendererOptions)).toBeInstanceOf(InteractiveRenderer);
  });
});
