// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import type { ICellModel } from "@jupyterlab/cells";
import { YCodeCell, YNotebook } from "@jupyter/ydoc";
import { Panel, Widget } from "@lumino/widgets";
import * as Y from "yjs";
import { cellState, PMXLAB_METADATA_KEY } from "../src/cell-state/index.js";

// @jupyterlab/cells' CellModel does not load under jsdom (its output area pulls in web
// components shipped as extensionless ES modules). Its metadata methods and signal forward
// to the shared cell, so the tests use the shared cell, YCodeCell, as the model.
function cell(): ICellModel {
  return YCodeCell.create() as unknown as ICellModel;
}

/** Two copies of one notebook kept in sync as jupyter-collaboration's server keeps co-editors. */
function coEditedNotebooks(): [YNotebook, YNotebook] {
  const a = new YNotebook();
  const b = new YNotebook();
  a.ydoc.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b.ydoc, update, "remote"));
  b.ydoc.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a.ydoc, update, "remote"));
  return [a, b];
}

describe("cellState", () => {
  it("writes a feature under pmxlab.<feature> in the cell metadata, next to the other features", () => {
    const model = cell();
    model.setMetadata(PMXLAB_METADATA_KEY, { exercise: { id: "ex1", points: 2, check: "auc" } });
    cellState.set(model, "interactive", { params: { CL: 8 }, logY: true });
    expect(model.getMetadata("pmxlab")).toEqual({ exercise: { id: "ex1", points: 2, check: "auc" }, interactive: { params: { CL: 8 }, logY: true } });
    expect(cellState.get(model, "interactive")).toEqual({ params: { CL: 8 }, logY: true });
    // It is part of the cell's JSON, so it is saved in the .ipynb.
    expect((model as unknown as YCodeCell).toJSON().metadata).toMatchObject({ pmxlab: { interactive: { params: { CL: 8 } } } });
  });

  it("removes a feature, and the pmxlab key with the last one", () => {
    const model = cell();
    cellState.set(model, "interactive", { logY: false });
    cellState.set(model, "tutor", ["hello"]);
    cellState.set(model, "interactive", undefined);
    expect(model.getMetadata("pmxlab")).toEqual({ tutor: ["hello"] });
    cellState.set(model, "tutor", undefined);
    expect(model.getMetadata("pmxlab")).toBeUndefined();
    expect(cellState.get(model, "tutor")).toBeUndefined();
  });

  it("tells an observer of a feature about its changes only, including changes made to the shared model", () => {
    const model = cell();
    const seen: unknown[] = [];
    const observer = cellState.observe(model, "interactive", (value) => seen.push(value));
    cellState.set(model, "interactive", { params: { CL: 8 } });
    cellState.set(model, "tutor", ["a question"]);
    cellState.set(model, "interactive", { params: { CL: 8 } });
    model.setMetadata("tags", ["x"]);
    expect(seen).toEqual([{ params: { CL: 8 } }]);
    observer.dispose();
    expect(observer.isDisposed).toBe(true);
    cellState.set(model, "interactive", { params: { CL: 1 } });
    expect(seen).toHaveLength(1);
  });

  it("shows a co-editor's change live: a write in one copy of the notebook reaches the observer of the other", () => {
    const [mine, theirs] = coEditedNotebooks();
    mine.insertCell(0, { cell_type: "code", source: "show(interactive(...))" });
    const myCell = mine.cells[0] as unknown as ICellModel;
    const theirCell = theirs.cells[0] as unknown as ICellModel;
    const seen: unknown[] = [];
    cellState.observe(myCell, "interactive", (value) => seen.push(value));
    cellState.set(theirCell, "interactive", { params: { CL: 3 }, logY: true });
    expect(seen).toEqual([{ params: { CL: 3 }, logY: true }]);
    expect(cellState.get(myCell, "interactive")).toEqual({ params: { CL: 3 }, logY: true });
    expect(mine.toJSON().cells[0].metadata).toEqual({ pmxlab: { interactive: { params: { CL: 3 }, logY: true } } });
  });

  it("does not write a value equal to the stored one", () => {
    const model = cell();
    cellState.set(model, "interactive", { params: { CL: 8, V: 20 } });
    const changed = vi.fn();
    model.metadataChanged.connect(changed);
    cellState.set(model, "interactive", { params: { CL: 8, V: 20 } });
    expect(changed).not.toHaveBeenCalled();
  });

  it("finds the cell model of a widget nested in a notebook cell widget", () => {
    const model = cell();
    const cellWidget = Object.assign(new Panel(), { model });
    cellWidget.addClass("jp-Cell");
    const outputArea = new Panel();
    const renderer = new Widget();
    cellWidget.addWidget(outputArea);
    outputArea.addWidget(renderer);
    expect(cellState.cellOf(renderer)).toBe(model);
  });

  it("finds no cell for a widget outside a notebook cell", () => {
    const panel = new Panel();
    const inner = new Widget();
    panel.addWidget(inner);
    expect(cellState.cellOf(inner)).toBeNull();
  });
});
