/**
 * Lays a plotly layout over JupyterLab's theme: transparent background and the theme's
 * font and grid colours, unless the figure sets its own `template` or colours. Colours are
 * read from the theme's CSS variables on `host`, so the plot follows light and dark themes.
 *
 * @example
 * ```ts
 * themedLayout({ title: { text: "CP" } }, document.body).paper_bgcolor; // "rgba(0,0,0,0)"
 * ```
 */
export function themedLayout(layout: Record<string, unknown>, host: Element): Record<string, unknown> {
  if ("template" in layout) return layout;
  const style = getComputedStyle(host);
  const color = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const font = color("--jp-ui-font-color1", "#444");
  const grid = color("--jp-border-color2", "#e0e0e0");
  const axis = (key: string): Record<string, unknown> => ({
    gridcolor: grid,
    zerolinecolor: grid,
    ...(layout[key] as Record<string, unknown> | undefined),
  });
  return {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    ...layout,
    font: { color: font, ...(layout.font as Record<string, unknown> | undefined) },
    xaxis: axis("xaxis"),
    yaxis: axis("yaxis"),
  };
}
