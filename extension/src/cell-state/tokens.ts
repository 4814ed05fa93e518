import type { ICellModel } from "@jupyterlab/cells";
import { Token, type ReadonlyPartialJSONValue } from "@lumino/coreutils";
import type { IDisposable } from "@lumino/disposable";
import type { Widget } from "@lumino/widgets";

/**
 * pmxlab state that belongs to a notebook cell (slider positions of an interactive
 * simulation, a tutor conversation, …), kept in the cell's metadata under
 * `pmxlab.<feature>`. The metadata lives in the notebook's shared model, so under
 * real-time collaboration every co-editor sees a change live, and it is saved in the
 * .ipynb with the cell.
 *
 * Features share the one `pmxlab` metadata key: a write replaces that key's value as a
 * whole, so two users changing two different features of the same cell at the same moment
 * can lose one change (last writer wins); within one feature that is the expected outcome.
 *
 * @example
 * ```ts
 * const cell = cellState.cellOf(rendererWidget);
 * if (cell) {
 *   cellState.set(cell, "interactive", { params: { CL: 8 }, logY: true });
 *   cellState.observe(cell, "interactive", (value) => console.log("now", value));
 * }
 * ```
 */
export interface IPmxlabCellState {
  /** The cell's state of `feature` (`metadata.pmxlab[feature]`), undefined when unset. */
  get(cell: ICellModel, feature: string): ReadonlyPartialJSONValue | undefined;
  /** Sets (or, with undefined, removes) the state of `feature`; equal values are not written again. */
  set(cell: ICellModel, feature: string, value: ReadonlyPartialJSONValue | undefined): void;
  /**
   * Calls `listener` with the new state whenever the state of `feature` changes, whoever
   * changed it (this user, a co-editor, an undo); dispose the result to stop.
   */
  observe(cell: ICellModel, feature: string, listener: (value: ReadonlyPartialJSONValue | undefined) => void): IDisposable;
  /** The model of the notebook cell that holds `widget` (e.g. an output renderer), or null outside a cell. */
  cellOf(widget: Widget): ICellModel | null;
}

/** The token of {@link IPmxlabCellState}. */
export const IPmxlabCellState = new Token<IPmxlabCellState>(
  "@pmxlab/jupyterlab:IPmxlabCellState",
  "Reads, writes and observes pmxlab state kept in notebook cell metadata (pmxlab.<feature>).",
);
