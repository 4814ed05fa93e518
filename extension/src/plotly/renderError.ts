import type { Widget } from "@lumino/widgets";

/**
 * Shows `message` as a renderer's whole output (a `<pre>`, styled as an error through the
 * widget's `pmx-mod-error` class), so a figure that cannot be read or a library that cannot be
 * loaded is seen in the notebook instead of leaving a blank output.
 */
export function showRenderError(widget: Widget, message: string): void {
  widget.addClass("pmx-mod-error");
  const pre = document.createElement("pre");
  pre.className = "pmx-RenderError";
  pre.textContent = message;
  widget.node.replaceChildren(pre);
}

/** The message of a failed load of `what` (plotly.js, @pmxlab/kernel): the cause and what to try. */
export function loadFailure(what: string, error: unknown): string {
  const cause = error instanceof Error ? error.message : String(error);
  return `pmxlab could not load ${what}: ${cause}. Reload the page; if it persists, check that the pmxlab extension is installed (jupyter labextension list).`;
}
