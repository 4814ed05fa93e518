import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { parsePlotlyFigure, type PlotlyFigure } from "./plotlyFigure.js";
import { loadPlotly, type PlotlyApi, type PlotlyLoader } from "./plotlyLoader.js";
import { themedLayout } from "./themedLayout.js";

/**
 * Renders a plotly figure (`application/vnd.plotly.v1+json`, object or JSON string) with
 * plotly.js. A payload that is not a figure is shown as an error message in the output,
 * naming what is wrong, instead of an empty plot. The plot takes its colours from the
 * JupyterLab theme and is redrawn when the theme changes (JupyterLab marks the theme on
 * `document.body` as `data-jp-theme-name`).
 */
export class PlotlyRenderer extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private readonly load: PlotlyLoader;
  private plotly: PlotlyApi | undefined;
  private figure: PlotlyFigure | undefined;
  private readonly themeObserver = new MutationObserver(() => void this.draw());

  constructor(options: IRenderMime.IRendererOptions, load: PlotlyLoader = loadPlotly) {
    super();
    this.mimeType = options.mimeType;
    this.load = load;
    this.addClass("pmx-PlotlyRenderer");
    this.themeObserver.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-name"] });
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    let figure;
    try {
      figure = parsePlotlyFigure(model.data[this.mimeType]);
    } catch (error) {
      this.showError((error as Error).message);
      return;
    }
    this.plotly = await this.load();
    this.figure = figure;
    this.node.textContent = "";
    this.removeClass("pmx-mod-error");
    await this.draw();
  }

  protected override onResize(msg: Widget.ResizeMessage): void {
    super.onResize(msg);
    if (this.plotly && this.isVisible) this.plotly.Plots.resize(this.node);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.themeObserver.disconnect();
    this.plotly?.purge(this.node);
    super.dispose();
  }

  private async draw(): Promise<void> {
    if (!this.plotly || !this.figure || this.isDisposed) return;
    const { data, layout, config } = this.figure;
    await this.plotly.react(this.node, data, themedLayout(layout, this.node), { responsive: true, displaylogo: false, ...config });
  }

  private showError(message: string): void {
    this.figure = undefined;
    this.plotly?.purge(this.node);
    this.addClass("pmx-mod-error");
    const pre = document.createElement("pre");
    pre.textContent = message;
    this.node.replaceChildren(pre);
  }
}
