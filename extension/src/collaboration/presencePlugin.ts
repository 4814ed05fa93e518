import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICollaborativeContentProvider } from "@jupyter/collaborative-drive";
import { INotebookTracker } from "@jupyterlab/notebook";
import { ITranslator, nullTranslator } from "@jupyterlab/translation";
import { IPmxlabPresence } from "../tokens.js";
import { addToolbarItem } from "./addToolbarItem.js";
import { CellPresenceMarkers } from "./CellPresenceMarkers.js";
import { PresenceList } from "./PresenceList.js";
import { PresenceModel } from "./PresenceModel.js";
import { PresencePublisher } from "./PresencePublisher.js";
import { trackSharedNotebooks } from "./trackSharedNotebooks.js";

/**
 * For each notebook shared in real time: publishes the local user's cell and scroll
 * position, marks the cells others are on, and lists who is there in the toolbar.
 */
export const presencePlugin: JupyterFrontEndPlugin<IPmxlabPresence> = {
  id: "@pmxlab/jupyterlab:collaboration-presence",
  description: "Shows who is in a collaborative notebook and which cell each person is on.",
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICollaborativeContentProvider, ITranslator],
  provides: IPmxlabPresence,
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    contentProvider: ICollaborativeContentProvider | null,
    translator: ITranslator | null,
  ): IPmxlabPresence => {
    const trans = (translator ?? nullTranslator).load("pmxlab");
    const presenceFor = trackSharedNotebooks(tracker, contentProvider, (panel, shared) => {
      const presence = new PresenceModel(shared.document.awareness);
      const publisher = new PresencePublisher(panel.content, presence);
      const markers = new CellPresenceMarkers(panel.content, presence);
      const cellNumberOf = (cellId: string): number | null => {
        const index = panel.content.widgets.findIndex((cell) => cell.model.id === cellId);
        return index < 0 ? null : index + 1;
      };
      addToolbarItem(panel, "pmxlab-presence", new PresenceList({ presence, commands: app.commands, trans, cellNumberOf }));
      panel.disposed.connect(() => {
        publisher.dispose();
        markers.dispose();
        presence.dispose();
      });
      return presence;
    });
    return { presenceFor };
  },
};
