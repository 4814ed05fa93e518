import type { TranslationBundle } from "@jupyterlab/translation";
import { Widget } from "@lumino/widgets";
import type { SyncMonitor } from "./SyncMonitor.js";
import type { SyncStatus } from "./syncState.js";
import { syncStatusText } from "./syncStatusText.js";

/**
 * Notebook toolbar item showing the document's {@link SyncStatus} as a coloured dot and a
 * label (`data-status` holds the status for styles and tests), with the explanation as tooltip.
 *
 * @example
 * ```ts
 * panel.toolbar.insertAfter("spacer", "pmxlab-sync", new SyncIndicator(monitor, trans));
 * ```
 */
export class SyncIndicator extends Widget {
  constructor(monitor: SyncMonitor, trans: TranslationBundle) {
    super();
    this._trans = trans;
    this.addClass("pmx-SyncIndicator");
    this.node.setAttribute("role", "status");
    this.node.setAttribute("aria-live", "polite");
    const dot = document.createElement("span");
    dot.className = "pmx-SyncIndicator-dot";
    this._label.className = "pmx-SyncIndicator-label";
    this.node.append(dot, this._label);
    this._render(monitor.status);
    monitor.statusChanged.connect((_, status) => this._render(status), this);
  }

  private _render(status: SyncStatus): void {
    const { label, detail } = syncStatusText(status, this._trans);
    this.node.dataset.status = status;
    this.node.title = detail;
    this._label.textContent = label;
  }

  private readonly _trans: TranslationBundle;
  private readonly _label = document.createElement("span");
}
