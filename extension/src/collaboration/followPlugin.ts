import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette, InputDialog } from "@jupyterlab/apputils";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { ITranslator, nullTranslator } from "@jupyterlab/translation";
import type { ReadonlyPartialJSONObject } from "@lumino/coreutils";
import { IPmxlabPresence } from "../tokens.js";
import { CollaborationCommandIds } from "./commandIds.js";
import { FollowSessions } from "./FollowSessions.js";

/**
 * The Follow commands: the local view tracks another user's active cell and scroll position
 * until the local user scrolls, clicks or types, or the other user leaves.
 */
export const followPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:collaboration-follow",
  description: "Adds the commands to follow a collaborator's cell and scrolling.",
  autoStart: true,
  requires: [INotebookTracker, IPmxlabPresence],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    presence: IPmxlabPresence,
    palette: ICommandPalette | null,
    translator: ITranslator | null,
  ): void => {
    const trans = (translator ?? nullTranslator).load("pmxlab");
    const sessions = new FollowSessions(presence);
    sessions.changed.connect(() => app.commands.notifyCommandChanged(CollaborationCommandIds.follow));

    // The presence list passes a client id; client ids are per document, so they name the notebook too.
    const panelFor = (args: ReadonlyPartialJSONObject): NotebookPanel | null => {
      const clientId = args.clientId;
      if (typeof clientId !== "number") return tracker.currentWidget;
      return tracker.find((panel) => presence.presenceFor(panel)?.find(clientId) !== undefined) ?? null;
    };
    const othersIn = (panel: NotebookPanel | null) =>
      (panel && presence.presenceFor(panel)?.collaborators.filter((person) => !person.isLocal)) || [];

    app.commands.addCommand(CollaborationCommandIds.follow, {
      label: (args) => {
        const clientId = args.clientId;
        if (typeof clientId !== "number") return trans.__("Follow a Collaborator…");
        const panel = panelFor(args);
        const name = (panel && presence.presenceFor(panel)?.find(clientId)?.name) ?? trans.__("collaborator");
        return trans.__("Follow %1", name);
      },
      caption: trans.__("Keep your view on a collaborator's cell and scroll position; scroll, click or type to stop"),
      isEnabled: (args) => othersIn(panelFor(args)).length > 0,
      isToggled: (args) => {
        const panel = panelFor(args);
        const followed = panel ? sessions.followedIn(panel) : null;
        return followed !== null && (args.clientId === undefined || args.clientId === followed);
      },
      execute: async (args) => {
        const panel = panelFor(args);
        if (!panel) return;
        let clientId = typeof args.clientId === "number" ? args.clientId : null;
        if (clientId !== null && sessions.followedIn(panel) === clientId) {
          sessions.stop(panel);
          return;
        }
        if (clientId === null) {
          const others = othersIn(panel);
          const labels = others.map((person, index) => `${index + 1}. ${person.name}`);
          const choice = await InputDialog.getItem({ title: trans.__("Follow whom?"), items: labels });
          if (!choice.button.accept || choice.value === null) return;
          clientId = others[labels.indexOf(choice.value)]?.clientId ?? null;
        }
        if (clientId !== null) sessions.start(panel, clientId);
      },
    });
    app.commands.addCommand(CollaborationCommandIds.stopFollowing, {
      label: trans.__("Stop Following"),
      caption: trans.__("Stop following a collaborator in this notebook"),
      isEnabled: () => tracker.currentWidget !== null && sessions.followedIn(tracker.currentWidget) !== null,
      execute: () => {
        if (tracker.currentWidget) sessions.stop(tracker.currentWidget);
      },
    });
    const category = trans.__("pmxlab");
    palette?.addItem({ command: CollaborationCommandIds.follow, category });
    palette?.addItem({ command: CollaborationCommandIds.stopFollowing, category });
  },
};
