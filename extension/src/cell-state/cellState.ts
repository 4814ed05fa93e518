import type { ICellModel } from "@jupyterlab/cells";
import { JSONExt, type ReadonlyPartialJSONObject, type ReadonlyPartialJSONValue } from "@lumino/coreutils";
import type { IDisposable } from "@lumino/disposable";
import type { Widget } from "@lumino/widgets";
import type { IPmxlabCellState } from "./tokens.js";

/** The cell metadata key under which every pmxlab feature keeps its state. */
export const PMXLAB_METADATA_KEY = "pmxlab";

/**
 * {@link IPmxlabCellState} on JupyterLab 4's cell model: `getMetadata`/`setMetadata` of
 * the `pmxlab` key, which write through to the shared (Yjs) cell, and its
 * `metadataChanged` signal, which fires for local and remote changes alike.
 */
export const cellState: IPmxlabCellState = {
  get(cell, feature) {
    return pmxlabOf(cell)[feature];
  },

  set(cell, feature, value) {
    const current = pmxlabOf(cell);
    if (same(current[feature], value)) return;
    const { [feature]: _old, ...others } = current;
    const next = value === undefined ? others : { ...others, [feature]: value };
    if (Object.keys(next).length === 0) cell.deleteMetadata(PMXLAB_METADATA_KEY);
    else cell.setMetadata(PMXLAB_METADATA_KEY, next);
  },

  observe(cell, feature, listener) {
    let last = pmxlabOf(cell)[feature];
    const onChange = (_sender: ICellModel, change: { key: string }): void => {
      if (change.key !== PMXLAB_METADATA_KEY) return;
      const value = pmxlabOf(cell)[feature];
      // Writes of other features replace the whole key; only a change of this one is news.
      if (same(last, value)) return;
      last = value;
      listener(value);
    };
    cell.metadataChanged.connect(onChange);
    return disposable(() => cell.metadataChanged.disconnect(onChange));
  },

  // A MIME renderer is not told which cell it renders for; it sits in the widget tree
  // cell → output area → output panel → renderer, so its cell is the nearest cell widget
  // above it. Cells are recognised by JupyterLab's `jp-Cell` class and their `model`
  // rather than by `instanceof Cell`, which would load all of @jupyterlab/cells' widgets
  // (and their web components) wherever this service is used, tests included.
  cellOf(widget: Widget) {
    for (let parent = widget.parent; parent; parent = parent.parent) {
      if (parent.hasClass(CELL_CLASS) && isCellModel((parent as Widget & { model?: unknown }).model)) return (parent as Widget & { model: ICellModel }).model;
    }
    return null;
  },
};

/** The class of every notebook cell widget (`Cell` in @jupyterlab/cells). */
const CELL_CLASS = "jp-Cell";

function isCellModel(model: unknown): model is ICellModel {
  return typeof model === "object" && model !== null && "getMetadata" in model && "setMetadata" in model && "metadataChanged" in model;
}

function pmxlabOf(cell: ICellModel): ReadonlyPartialJSONObject {
  const value: unknown = cell.getMetadata(PMXLAB_METADATA_KEY);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as ReadonlyPartialJSONObject) : {};
}

function same(a: ReadonlyPartialJSONValue | undefined, b: ReadonlyPartialJSONValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : JSONExt.deepEqual(a, b);
}

function disposable(dispose: () => void): IDisposable {
  let disposed = false;
  return {
    get isDisposed() {
      return disposed;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      dispose();
    },
  };
}
