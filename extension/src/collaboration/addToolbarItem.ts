import type { NotebookPanel } from "@jupyterlab/notebook";
import type { Widget } from "@lumino/widgets";

/**
 * Adds a widget to a notebook's toolbar on the right-hand side (just after the spacer,
 * before the kernel name), or at the end when the toolbar has no spacer; the widget is
 * disposed with the panel.
 *
 * @example
 * ```ts
 * addToolbarItem(panel, "pmxlab-sync", new SyncIndicator(monitor, trans));
 * ```
 */
export function addToolbarItem(panel: NotebookPanel, name: string, widget: Widget): void {
  if (!panel.toolbar.insertAfter("spacer", name, widget)) panel.toolbar.addItem(name, widget);
  panel.disposed.connect(() => widget.dispose());
}
