import type { ICellModel } from "@jupyterlab/cells";
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { nullTranslator, type ITranslator, type TranslationBundle } from "@jupyterlab/translation";
import { JSONExt, type ReadonlyPartialJSONValue } from "@lumino/coreutils";
import type { IDisposable } from "@lumino/disposable";
import { Widget } from "@lumino/widgets";
import type { InteractiveSettings, InteractiveSpec, Model } from "@pmxlab/kernel";
import type { IPmxlabCellState } from "../cell-state/tokens.js";
import { parsePlotlyFigure, PLOTLY_MIME_TYPE, type PlotlyFigure } from "../plotly/plotlyFigure.js";
import { loadPlotly, type PlotlyLoader } from "../plotly/plotlyLoader.js";
import { loadFailure, showRenderError } from "../plotly/renderError.js";
import { ThemedPlot } from "../plotly/ThemedPlot.js";
import { loadKernel, type KernelApi, type KernelLoader } from "./kernelLoader.js";
import { SliderControl } from "./SliderControl.js";

/** The cell-state feature (cell metadata `pmxlab.interactive`) holding the slider positions. */
export const INTERACTIVE_FEATURE = "interactive";

/** What the renderer is built with; all optional, for use outside a notebook and in tests. */
export interface InteractiveRendererOptions {
  /** Where the slider positions are kept; without it they live only in the page. */
  cellState?: IPmxlabCellState | null;
  translator?: ITranslator | null;
  loadPlotly?: PlotlyLoader;
  /** Loads @pmxlab/kernel (default: its chunk of the extension bundle, see kernelLoader.ts). */
  loadKernel?: KernelLoader;
  /** Milliseconds a change waits before it is written to the cell metadata (default 100). */
  saveDelay?: number;
}

/** A rendered spec, ready to re-simulate. */
interface View {
  kernel: KernelApi;
  spec: InteractiveSpec;
  model: Model;
  settings: InteractiveSettings;
}

/**
 * Draws an interactive simulation (`application/vnd.pmxlab.interactive+json`): a slider
 * and a number box per parameter (and the dose), and a plot that @pmxlab/kernel
 * re-simulates in the browser on every change, at most once per animation frame — no
 * round trip to the kernel. Buttons switch the y axis between linear and log, reset the
 * spec's values, and copy TypeScript cell code for the current settings.
 *
 * Inside a notebook the settings live in the owning cell's metadata (`pmxlab.interactive`,
 * through {@link IPmxlabCellState}): they are read when the output is shown, written
 * (debounced) when the user moves a control, and applied whenever they change — so a
 * co-editor's slider moves show up here, and the settings are saved in the .ipynb.
 *
 * A custom model (model text) is code the notebook's author wrote, so it is only run for a
 * trusted output; otherwise the figure of the starting values is shown with a note.
 *
 * A spec it cannot read, or a simulation library or plotly.js that cannot be loaded, is shown
 * as an error message in the output.
 */
export class InteractiveRenderer extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private readonly cellState: IPmxlabCellState | null;
  private readonly trans: TranslationBundle;
  private readonly load: PlotlyLoader;
  private readonly loadKernel: KernelLoader;
  private readonly saveDelay: number;
  private readonly toolbar = element("div", "pmx-Interactive-toolbar");
  private readonly controlsNode = element("div", "pmx-Interactive-controls");
  private readonly plotNode = element("div", "pmx-Interactive-plot");
  private readonly status = element("span", "pmx-Interactive-status");
  private readonly codeNode = element("pre", "pmx-Interactive-code");
  private readonly logButton: HTMLButtonElement;
  private readonly controls = new Map<string, SliderControl>();
  private readonly plot = new ThemedPlot(this.plotNode, this.node, () => (this.staticFigure ? void this.drawStatic() : this.requestDraw()));
  private view: View | undefined;
  /** The figure shown without sliders (untrusted custom model), redrawn on theme changes. */
  private staticFigure: PlotlyFigure | undefined;
  private cell: ICellModel | null = null;
  private observer: IDisposable | undefined;
  private frame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(rendererOptions: IRenderMime.IRendererOptions, options: InteractiveRendererOptions = {}) {
    super();
    this.mimeType = rendererOptions.mimeType;
    this.cellState = options.cellState ?? null;
    this.trans = (options.translator ?? nullTranslator).load("pmxlab");
    this.load = options.loadPlotly ?? loadPlotly;
    this.loadKernel = options.loadKernel ?? loadKernel;
    this.saveDelay = options.saveDelay ?? 100;
    this.addClass("pmx-Interactive");
    this.logButton = this.button(this.trans.__("Log scale"), this.trans.__("Switch the y axis between linear and logarithmic"), () => this.toggleLog());
    this.logButton.setAttribute("aria-pressed", "false");
    const reset = this.button(this.trans.__("Reset"), this.trans.__("Put every slider back to its starting value"), () => this.reset());
    const copy = this.button(this.trans.__("Copy as code"), this.trans.__("Copy TypeScript code that simulates the current settings"), () => void this.copyCode());
    this.status.setAttribute("role", "status");
    this.toolbar.append(this.logButton, reset, copy, this.status);
    this.codeNode.hidden = true;
    // Keys pressed in a control are the control's: otherwise JupyterLab's command-mode
    // shortcuts take them (arrows on a slider move between headings, digits typed in a
    // number box make the cell a heading), and the notebook, seeing a key press, pulls
    // the focus back to the active cell before the slider moves.
    this.controlsNode.setAttribute("data-lm-suppress-shortcuts", "true");
    this.controlsNode.addEventListener("keydown", (event) => event.stopPropagation());
  }

  /** The settings shown now (undefined until a spec is rendered). */
  get settings(): InteractiveSettings | undefined {
    return this.view?.settings;
  }

  async renderModel(mimeModel: IRenderMime.IMimeModel): Promise<void> {
    const [loadedKernel, loadedPlotly] = await Promise.allSettled([this.loadKernel(), this.plot.load(this.load)]);
    if (loadedKernel.status === "rejected") return this.showError(loadFailure("the simulation library @pmxlab/kernel", loadedKernel.reason));
    if (loadedPlotly.status === "rejected") return this.showError(loadFailure("plotly.js", loadedPlotly.reason));
    const kernel = loadedKernel.value;
    let spec: InteractiveSpec;
    let model: Model;
    try {
      spec = kernel.parseInteractiveSpec(mimeModel.data[this.mimeType]);
      if ("text" in spec.model && !mimeModel.trusted) {
        this.showStatic(mimeModel, this.trans.__("This interactive simulation runs the notebook's own model: trust the notebook (or run the cell) to move its sliders."));
        return;
      }
      model = kernel.interactiveModel(spec);
    } catch (error) {
      this.showError((error as Error).message);
      return;
    }
    this.removeClass("pmx-mod-error");
    this.staticFigure = undefined;
    this.view = { kernel, spec, model, settings: kernel.interactiveSettings(spec) };
    this.buildControls(spec, model);
    this.node.replaceChildren(this.toolbar, this.controlsNode, this.plotNode, this.codeNode);
    if (this.cell && this.cellState) this.apply(this.cellState.get(this.cell, INTERACTIVE_FEATURE));
    else this.bindCell();
    this.syncControls();
    await this.draw();
  }

  protected override onAfterAttach(msg: Parameters<Widget["onAfterAttach"]>[0]): void {
    super.onAfterAttach(msg);
    this.bindCell();
  }

  protected override onResize(msg: Widget.ResizeMessage): void {
    super.onResize(msg);
    if ((this.view || this.staticFigure) && this.isVisible) this.plot.resize();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (this.saveTimer !== undefined) this.save();
    cancelAnimationFrame(this.frame);
    this.observer?.dispose();
    this.plot.dispose();
    super.dispose();
  }

  /**
   * Connects to the cell holding this output, once both are known: the spec is rendered
   * and the widget is in the notebook's widget tree (either may come first).
   */
  private bindCell(): void {
    if (this.cell || !this.view || !this.cellState) return;
    const cell = this.cellState.cellOf(this);
    if (!cell) return;
    this.cell = cell;
    this.apply(this.cellState.get(cell, INTERACTIVE_FEATURE));
    this.observer = this.cellState.observe(cell, INTERACTIVE_FEATURE, (value) => this.apply(value));
  }

  /** Shows stored settings (from the metadata, maybe a co-editor's) without writing them back. */
  private apply(stored: ReadonlyPartialJSONValue | undefined): void {
    if (!this.view) return;
    const settings = this.view.kernel.interactiveSettings(this.view.spec, stored);
    // The echo of this renderer's own write changes nothing: no redraw.
    if (JSONExt.deepEqual(settings as unknown as ReadonlyPartialJSONValue, this.view.settings as unknown as ReadonlyPartialJSONValue)) return;
    this.view.settings = settings;
    this.syncControls();
    this.requestDraw();
  }

  private buildControls(spec: InteractiveSpec, model: Model): void {
    this.controls.clear();
    const onChange = (name: string, value: number): void => this.change(name, value);
    for (const [name, range] of Object.entries(spec.params)) {
      const unit = model.parameters.find((p) => p.name === name)?.unit ?? model.covariateSpecs.find((c) => c.name === name)?.unit;
      const label = unit === undefined || unit === "1" ? name : `${name} (${unit})`;
      this.controls.set(name, new SliderControl(name, label, range, onChange));
    }
    if (spec.dose) {
      const label = this.trans.__("dose (%1)", this.view?.kernel.interactiveDoseUnit(spec.regimen) ?? "mg");
      this.controls.set("dose", new SliderControl("dose", label, spec.dose, onChange));
    }
    this.controlsNode.replaceChildren(...[...this.controls.values()].map((c) => c.node));
  }

  private change(name: string, value: number): void {
    if (!this.view) return;
    const { settings } = this.view;
    this.view.settings = name === "dose" && this.view.spec.dose ? { ...settings, dose: value } : { ...settings, params: { ...settings.params, [name]: value } };
    this.userChanged();
  }

  private toggleLog(): void {
    if (!this.view) return;
    this.view.settings = { ...this.view.settings, logY: !this.view.settings.logY };
    this.syncControls();
    this.userChanged();
  }

  private reset(): void {
    if (!this.view) return;
    this.view.settings = this.view.kernel.interactiveSettings(this.view.spec);
    this.syncControls();
    this.userChanged();
  }

  private async copyCode(): Promise<void> {
    if (!this.view) return;
    const code = this.view.kernel.interactiveCode(this.view.spec, this.view.settings);
    this.codeNode.textContent = code;
    this.codeNode.hidden = false;
    try {
      await navigator.clipboard.writeText(code);
      this.status.textContent = this.trans.__("Code copied to the clipboard");
    } catch {
      this.status.textContent = this.trans.__("The clipboard is not available: select the code below and copy it");
    }
  }

  private userChanged(): void {
    this.requestDraw();
    if (!this.cell) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), this.saveDelay);
  }

  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.cell || !this.cellState || !this.view || this.cell.isDisposed) return;
    this.cellState.set(this.cell, INTERACTIVE_FEATURE, this.view.settings as unknown as ReadonlyPartialJSONValue);
  }

  private syncControls(): void {
    if (!this.view) return;
    const { settings } = this.view;
    for (const [name, control] of this.controls) control.value = name === "dose" ? (settings.dose ?? control.value) : (settings.params[name] ?? control.value);
    this.logButton.setAttribute("aria-pressed", String(settings.logY));
    this.logButton.classList.toggle("pmx-mod-active", settings.logY);
  }

  /** Redraws on the next animation frame; changes coming faster than frames are drawn once. */
  private requestDraw(): void {
    if (this.frame !== 0 || !this.view) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    if (!this.view || this.isDisposed) return;
    const { kernel, spec, model, settings } = this.view;
    let data: unknown[];
    let layout: Record<string, unknown>;
    try {
      const figure = kernel.interactiveFigure(spec, settings, model);
      // The figure's own linear/log buttons would fight the toolbar's toggle, so they go.
      const { updatemenus: _buttons, ...rest } = figure.layout;
      data = figure.data;
      layout = rest;
    } catch (error) {
      this.status.textContent = (error as Error).message;
      return;
    }
    this.status.textContent = (await this.plot.tryDraw({ data, layout })) ?? "";
  }

  /** Shows the output's plotly figure (its config included) with a note, and no sliders. */
  private showStatic(mimeModel: IRenderMime.IMimeModel, note: string): void {
    this.staticFigure = parsePlotlyFigure(mimeModel.data[PLOTLY_MIME_TYPE]);
    this.view = undefined;
    this.removeClass("pmx-mod-error");
    this.status.textContent = note;
    this.node.replaceChildren(this.status, this.plotNode);
    void this.drawStatic();
  }

  private async drawStatic(): Promise<void> {
    if (!this.staticFigure || this.isDisposed) return;
    const failure = await this.plot.tryDraw(this.staticFigure);
    if (failure) this.showError(failure);
  }

  private showError(message: string): void {
    this.view = undefined;
    this.staticFigure = undefined;
    this.plot.purge();
    showRenderError(this, message);
  }

  private button(label: string, title: string, onClick: () => void): HTMLButtonElement {
    const button = element("button", "pmx-Interactive-button jp-Button jp-mod-styled");
    button.type = "button";
    button.textContent = label;
    button.title = title;
    button.addEventListener("click", onClick);
    return button;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
