import { ICollaborativeContentProvider } from "@jupyter/collaborative-drive";
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { Dialog, ICommandPalette, Notification, showDialog } from "@jupyterlab/apputils";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { Widget } from "@lumino/widgets";
import { IPmxlabCellState } from "../cell-state/tokens.js";
import { readCheckState } from "../exercise/checkState.js";
import { cellExercise } from "../exercise/exerciseCells.js";
import { classJson, classServiceUrl, ownServer } from "./classService.js";
import { HubCommandIds } from "./commandIds.js";
import { courseNotebook, feedbackNode, syncSummary, type Feedback, type SyncReport } from "./courseFiles.js";
import { saveForSubmit, submitNotebook } from "./submitNotebook.js";

/**
 * The class on a pmxlab hub (docs/hub.md): course releases come into the home at start and
 * on request, the current notebook can be submitted, the grade's feedback shown, and each
 * *Check* result is recorded in the class service for the instructor's class view. Does
 * nothing off a hub.
 */
export const hubPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:hub",
  description: "On a pmxlab hub: get course releases, submit notebooks, see feedback, record checks for the class view.",
  autoStart: true,
  requires: [INotebookTracker, IPmxlabCellState],
  optional: [ICommandPalette, ICollaborativeContentProvider],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    cellState: IPmxlabCellState,
    palette: ICommandPalette | null,
    collaboration: ICollaborativeContentProvider | null,
  ): void => {
    if (!classServiceUrl()) return;

    const getReleases = async (quiet: boolean): Promise<void> => {
      const releases = await classJson<{ course: string }[]>("releases");
      for (const { course } of releases) {
        const report = await classJson<SyncReport>(`releases/${encodeURIComponent(course)}/sync`, "POST");
        if (!quiet || report.added.length > 0 || report.beside.length > 0) Notification.info(syncSummary(report), { autoClose: 8000 });
      }
      if (!quiet && releases.length === 0) Notification.info("No course has been released yet.", { autoClose: 5000 });
    };
    const failed = (what: string) => (error: unknown) => Notification.error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { autoClose: false });

    const current = (): { panel: NotebookPanel; course: string; notebook: string } | null => {
      const panel = tracker.currentWidget;
      const where = panel ? courseNotebook(panel.context.path) : null;
      return panel && where ? { panel, ...where } : null;
    };

    app.commands.addCommand(HubCommandIds.getReleases, {
      label: "Get course releases",
      caption: "Copy the published course releases into your home (your edited notebooks are kept)",
      execute: () => getReleases(false).catch(failed("Getting the course releases failed")),
    });
    app.commands.addCommand(HubCommandIds.submit, {
      label: "Submit notebook",
      caption: "Save this course notebook and submit it for grading",
      isEnabled: () => current() !== null,
      execute: async () => {
        const c = current();
        if (!c) return;
        try {
          const saved = await submitNotebook(
            c.notebook,
            c.panel.context.model.toJSON(),
            () => saveForSubmit(c.panel.context, collaboration),
            (submission) => classJson<{ at: string }>(`submissions/${encodeURIComponent(c.course)}`, "POST", submission),
          );
          Notification.success(`Submitted ${c.notebook} (${c.course}) at ${new Date(saved.at).toLocaleString()}`, { autoClose: 8000 });
        } catch (error) {
          failed("Submitting failed")(error);
        }
      },
    });
    app.commands.addCommand(HubCommandIds.feedback, {
      label: "Show my feedback",
      caption: "The grade and per-item feedback of this notebook's course",
      isEnabled: () => current() !== null,
      execute: async () => {
        const c = current();
        if (!c) return;
        try {
          const feedback = await classJson<Feedback>(`feedback/${encodeURIComponent(c.course)}`);
          await showDialog({ title: `Feedback: ${c.course}`, body: new Widget({ node: feedbackNode(feedback) }), buttons: [Dialog.okButton()] });
        } catch (error) {
          failed("No feedback")(error);
        }
      },
    });
    for (const command of Object.values(HubCommandIds)) palette?.addItem({ command, category: "pmxlab" });

    // Only the owner's own JupyterLab records and fetches: a co-editor on a shared server
    // sees the same check results arrive, and must not record them as theirs.
    if (!ownServer()) return;
    void app.restored.then(() => getReleases(true)).catch(failed("Getting the course releases failed"));

    const recorded = new Set<string>();
    const watch = (panel: NotebookPanel): void => {
      const observed = new WeakSet<object>();
      const sync = (): void => {
        for (const cell of panel.content.model?.cells ?? []) {
          if (observed.has(cell) || !cellExercise(cell)) continue;
          observed.add(cell);
          const observer = cellState.observe(cell, "check", (value) => {
            const state = readCheckState(value);
            const key = state ? `${state.exercise}@${state.time}` : "";
            if (!state || recorded.has(key)) return;
            recorded.add(key);
            const course = state.exercise.split("/")[0]!;
            void classJson("records/check", "POST", { course, exercise: state.exercise, attempt: state.attempts, result: state.result }).catch(() => recorded.delete(key));
          });
          panel.disposed.connect(() => observer.dispose());
        }
      };
      void panel.context.ready.then(() => {
        sync();
        panel.content.model?.cells.changed.connect(sync);
      });
    };
    tracker.widgetAdded.connect((_, panel) => watch(panel));
  },
};
