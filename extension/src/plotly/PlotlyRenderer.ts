import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { parsePlotlyFigure, type PlotlyFigure } from "./plotlyFigure.js";
import { loadPlotly, type PlotlyLoader } from "./plotlyLoader.js";
import { loadFailure, showRenderError } from "./renderError.js";
import { ThemedPlot } from "./ThemedPlot.js";

/**
 * Renders a plotly figure (`application/vnd.plotly.v1+json`, object or JSON string) with
 * plotly.js. A payload that is not a figure, or a plotly.js that cannot be loaded or draw it,
 * is shown as an error message in the output, naming what is wrong, instead of an empty plot.
 * The plot takes its colours from the JupyterLab theme and is redrawn when the theme changes
 * (see {@link ThemedPlot}).
 */
export class PlotlyRenderer extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private readonly load: PlotlyLoader;
  private readonly plot: ThemedPlot;
  private figure: PlotlyFigure | undefined;

  constructor(options: IRenderMime.IRendererOptions, load: PlotlyLoader = loadPlotly) {
    super();
    this.mimeType = options.mimeType;
    this.load = load;
    this.addClass("pmx-PlotlyRenderer");
    this.plot = new ThemedPlot(this.node, this.node, () => void this.draw());
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    let figure;
    try {
      figure = parsePlotlyFigure(model.data[this.mimeType]);
    } catch (error) {
      this.showError((error as Error).message);
      return;
    }
    try {
      await this.plot.load(this.load);
    } catch (error) {
      this.showError(loadFailure("plotly.js", error));
      return;
    }
    this.figure = figure;
    this.node.textContent = "";
    this.removeClass("pmx-mod-error");
    await this.draw();
  }

  protected override onResize(msg: Widget.ResizeMessage): void {
    super.onResize(msg);
    if (this.figure && this.isVisible) this.plot.resize();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.plot.dispose();
    super.dispose();
  }

  private async draw(): Promise<void> {
    if (!this.figure || this.isDisposed) return;
    const failure = await this.plot.tryDraw(this.figure);
    if (failure) this.showError(failure);
  }

  private showError(message: string): void {
    this.figure = undefined;
    this.plot.purge();
    showRenderError(this, message);
  }
}
