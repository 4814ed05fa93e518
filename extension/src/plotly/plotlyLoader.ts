/** The part of the plotly.js API that the renderer uses. */
export interface PlotlyApi {
  react(node: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>): Promise<unknown>;
  purge(node: HTMLElement): void;
  Plots: { resize(node: HTMLElement): void };
}

/** Loads plotly.js on first use. */
export type PlotlyLoader = () => Promise<PlotlyApi>;

let plotly: Promise<PlotlyApi> | undefined;

/**
 * Loads plotly.js from the extension's own bundle (the "plotly" chunk, fetched from the
 * Jupyter server only when the first figure is shown; never from a CDN), once per page.
 * It is not shared with other extensions (package.json `sharedPackages`), so this
 * extension always gets the plotly.js version it pins.
 */
export const loadPlotly: PlotlyLoader = () => {
  plotly ??= import(/* webpackChunkName: "plotly" */ "plotly.js-dist-min").then((module) => ((module as { default?: unknown }).default ?? module) as PlotlyApi);
  return plotly;
};
