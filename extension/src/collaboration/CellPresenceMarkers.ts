import type { Notebook } from "@jupyterlab/notebook";
import type { IDisposable } from "@lumino/disposable";
import { avatarElement } from "./avatarElement.js";
import type { PresenceModel } from "./PresenceModel.js";

const MARKERS_CLASS = "pmx-CellPresence";
const ACTIVE_CLASS = "pmx-mod-collaboratorActive";

/**
 * Puts the avatars of the other users next to the cell each of them has selected, and a
 * bar in the first one's colour along that cell's left edge. Redrawn when presence or the
 * cell list changes; cells nobody is on lose their markers.
 *
 * @example
 * ```ts
 * const markers = new CellPresenceMarkers(panel.content, presence);
 * panel.disposed.connect(() => markers.dispose());
 * ```
 */
export class CellPresenceMarkers implements IDisposable {
  constructor(notebook: Notebook, presence: PresenceModel) {
    this._notebook = notebook;
    this._presence = presence;
    presence.changed.connect(this._render, this);
    notebook.model?.cells.changed.connect(this._render, this);
    this._render();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    this._presence.changed.disconnect(this._render, this);
    this._notebook.model?.cells.changed.disconnect(this._render, this);
    for (const cell of this._notebook.widgets) this._clear(cell.node);
  }

  private _render(): void {
    const others = this._presence.collaborators.filter((person) => !person.isLocal && person.activeCellId !== null);
    for (const cell of this._notebook.widgets) {
      const here = others.filter((person) => person.activeCellId === cell.model.id);
      if (here.length === 0) {
        this._clear(cell.node);
        continue;
      }
      let markers = cell.node.querySelector<HTMLElement>(`:scope > .${MARKERS_CLASS}`);
      if (!markers) {
        markers = document.createElement("div");
        markers.className = MARKERS_CLASS;
        cell.node.append(markers);
      }
      markers.replaceChildren(...here.map((person) => avatarElement(person)));
      cell.node.classList.add(ACTIVE_CLASS);
      cell.node.style.setProperty("--pmx-collaborator-color", here[0].color);
    }
  }

  private _clear(node: HTMLElement): void {
    node.querySelector(`:scope > .${MARKERS_CLASS}`)?.remove();
    node.classList.remove(ACTIVE_CLASS);
    node.style.removeProperty("--pmx-collaborator-color");
  }

  private readonly _notebook: Notebook;
  private readonly _presence: PresenceModel;
  private _isDisposed = false;
}
