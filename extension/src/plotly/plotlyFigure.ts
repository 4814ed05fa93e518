/** The MIME type of a plotly figure (`{ data, layout?, config? }`), as plotly.py and `@pmxlab/kernel` emit it. */
export const PLOTLY_MIME_TYPE = "application/vnd.plotly.v1+json";

/** A plotly figure: traces, optional layout and config (plotly.js JSON schema). */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
}

/**
 * Reads a plotly MIME payload, which kernels send either as a JSON object or as a JSON
 * string, into a figure with `layout` and `config` defaulted to `{}`.
 *
 * Throws one error naming what is wrong (not JSON, not an object, `data` not an array).
 *
 * @example
 * ```ts
 * parsePlotlyFigure('{"data":[{"x":[0,1],"y":[1,0]}]}').data.length; // 1
 * ```
 */
export function parsePlotlyFigure(value: unknown): PlotlyFigure {
  let figure: unknown = value;
  if (typeof value === "string") {
    try {
      figure = JSON.parse(value);
    } catch (error) {
      throw new Error(`plotly figure: the string is not JSON (${(error as Error).message})`);
    }
  }
  if (!isRecord(figure)) {
    throw new Error(`plotly figure: expected an object { data, layout }, got ${describe(figure)}`);
  }
  const { data, layout = {}, config = {} } = figure;
  if (!Array.isArray(data) || !data.every(isRecord)) {
    throw new Error(`plotly figure: "data" must be an array of trace objects, got ${describe(data)}`);
  }
  if (!isRecord(layout)) throw new Error(`plotly figure: "layout" must be an object, got ${describe(layout)}`);
  if (!isRecord(config)) throw new Error(`plotly figure: "config" must be an object, got ${describe(config)}`);
  return { data, layout, config };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : typeof value;
}
