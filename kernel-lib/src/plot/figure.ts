/** The subset of plotly's figure schema pmxlab emits (plain JSON, rendered by JupyterLab). */
export interface PlotlyTrace {
  type: "scatter";
  mode: "lines" | "markers" | "lines+markers";
  name?: string;
  x: number[];
  y: number[];
  line?: { color?: string; width?: number; dash?: string };
  marker?: { color?: string; size?: number; symbol?: string };
  legendgroup?: string;
  showlegend?: boolean;
}

export interface PlotlyAxis {
  title?: { text: string };
  type?: "linear" | "log";
  rangemode?: "tozero" | "normal";
}

export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout: {
    title?: { text: string };
    xaxis: PlotlyAxis;
    yaxis: PlotlyAxis;
    showlegend?: boolean;
    updatemenus?: unknown[];
    [key: string]: unknown;
  };
}
