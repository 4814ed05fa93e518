import { AnswerError } from "./answer-error.js";
import { describe } from "./quantity.js";
import type { Outcome } from "./types.js";

/** What the asked-for figure must have. Titles match case-insensitively when given as text. */
export interface PlotAnswerOptions {
  /** True: a log y axis is asked for; false: a linear one. */
  logY?: boolean;
  logX?: boolean;
  xTitle?: RegExp | string;
  yTitle?: RegExp | string;
  /** Least number of traces (e.g. 2 for "compare the two regimens"). */
  minTraces?: number;
}

interface FigureLike {
  data: unknown[];
  layout?: { xaxis?: { type?: string; title?: { text?: string } | string }; yaxis?: { type?: string; title?: { text?: string } | string } };
}

function titleOf(axis: { title?: { text?: string } | string } | undefined): string {
  const t = axis?.title;
  return typeof t === "string" ? t : (t?.text ?? "");
}

function matches(text: string, want: RegExp | string): boolean {
  return typeof want === "string" ? text.toLowerCase().includes(want.toLowerCase()) : want.test(text);
}

/**
 * Checks a plotly figure (from `sim.plot()` or written by hand) for the asked-for axes:
 * log or linear scale, axis titles (e.g. /mg\/L/ on y) and the number of traces. Every
 * missing feature is listed.
 *
 * @example
 * plotAnswer(sim.plot({ log: true }), { logY: true, yTitle: /mg\/L/ }).passed; // true
 */
export function plotAnswer(actual: unknown, options: PlotAnswerOptions): Outcome {
  if (typeof actual !== "object" || actual === null || !Array.isArray((actual as FigureLike).data)) {
    throw new AnswerError(`the figure should be a plotly figure such as sim.plot(), not ${describe(actual)}`);
  }
  const fig = actual as FigureLike;
  const x = fig.layout?.xaxis;
  const y = fig.layout?.yaxis;
  const problems: string[] = [];
  if (options.logY !== undefined && (y?.type === "log") !== options.logY) problems.push(options.logY ? "the y axis should be logarithmic" : "the y axis should be linear");
  if (options.logX !== undefined && (x?.type === "log") !== options.logX) problems.push(options.logX ? "the x axis should be logarithmic" : "the x axis should be linear");
  if (options.xTitle !== undefined && !matches(titleOf(x), options.xTitle)) problems.push(`the x axis title "${titleOf(x)}" should name ${String(options.xTitle)}`);
  if (options.yTitle !== undefined && !matches(titleOf(y), options.yTitle)) problems.push(`the y axis title "${titleOf(y)}" should name ${String(options.yTitle)}`);
  if (options.minTraces !== undefined && fig.data.length < options.minTraces) problems.push(`the figure has ${fig.data.length} trace(s); ${options.minTraces} are asked for`);
  return problems.length === 0 ? { passed: true, message: "the figure has the asked-for axes" } : { passed: false, message: `The figure is not as asked: ${problems.join("; ")}.` };
}
