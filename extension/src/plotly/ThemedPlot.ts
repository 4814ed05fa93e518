import type { PlotlyApi, PlotlyLoader } from "./plotlyLoader.js";
import { themedLayout } from "./themedLayout.js";

/** What every pmxlab plot starts from; a figure's own `config` wins over it. */
const BASE_CONFIG: Readonly<Record<string, unknown>> = { responsive: true, displaylogo: false };

/**
 * The one drawing path of pmxlab's plotly outputs (the figure renderer and the interactive
 * simulation): loads plotly.js, draws a figure into `node` in the JupyterLab theme's colours
 * (see `themedLayout`, read from `themeHost`) with the figure's own config over
 * {@link BASE_CONFIG}, and calls `onThemeChange` when the theme changes (JupyterLab marks it on
 * `document.body` as `data-jp-theme-name`) so the owner redraws.
 *
 * @example
 * ```ts
 * const plot = new ThemedPlot(div, widget.node, () => void plot.draw(figure));
 * await plot.load(loadPlotly);
 * await plot.draw({ data: [{ y: [1, 2] }], layout: {}, config: {} });
 * ```
 */
export class ThemedPlot {
  private plotly: PlotlyApi | undefined;
  private readonly themeObserver: MutationObserver;

  constructor(
    readonly node: HTMLElement,
    private readonly themeHost: HTMLElement,
    onThemeChange: () => void,
  ) {
    this.themeObserver = new MutationObserver(onThemeChange);
    this.themeObserver.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-name"] });
  }

  /** Loads plotly.js with `load` unless loaded already; rejects as the loader does. */
  async load(load: PlotlyLoader): Promise<void> {
    this.plotly ??= await load();
  }

  /** Draws (or redraws in place) `figure`; does nothing before `load` has succeeded. */
  async draw(figure: { data: unknown[]; layout: Record<string, unknown>; config?: Record<string, unknown> }): Promise<void> {
    if (!this.plotly) return;
    await this.plotly.react(this.node, figure.data, themedLayout(figure.layout, this.themeHost), { ...BASE_CONFIG, ...figure.config });
  }

  /** Draws like `draw`, but resolves to what went wrong instead of rejecting (undefined when drawn). */
  async tryDraw(figure: Parameters<ThemedPlot["draw"]>[0]): Promise<string | undefined> {
    try {
      await this.draw(figure);
      return undefined;
    } catch (error) {
      return `plotly.js could not draw this figure: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Fits the plot to its node after the node changed size. */
  resize(): void {
    this.plotly?.Plots.resize(this.node);
  }

  /** Frees plotly's resources for the node (the node may be drawn into again). */
  purge(): void {
    this.plotly?.purge(this.node);
  }

  /** Stops watching the theme and frees plotly's resources. */
  dispose(): void {
    this.themeObserver.disconnect();
    this.purge();
  }
}
