import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette } from "@jupyterlab/apputils";
import { CodeCell } from "@jupyterlab/cells";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { ITranslator, nullTranslator } from "@jupyterlab/translation";
import type { PanelLayout } from "@lumino/widgets";
import { IPmxlabCellState } from "../cell-state/tokens.js";
import { readCheckState } from "./checkState.js";
import { ExerciseCommandIds } from "./commandIds.js";
import { cellExercise, exerciseCounts } from "./exerciseCells.js";
import { ExerciseView } from "./ExerciseView.js";
import { checkExercise } from "./runCheck.js";

/**
 * *Check* on exercise cells: the command (cell toolbar button and shortcut, in
 * schema/exercise.json) and a result view under every exercise cell that follows the
 * cell's `pmxlab.check` metadata, so a result arriving from a co-editor shows too.
 */
export const exercisePlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:exercise",
  description: "Check buttons and results on notebook exercise cells (pmxlab.exercise), kept in the cell metadata pmxlab.check.",
  autoStart: true,
  requires: [INotebookTracker, IPmxlabCellState],
  optional: [ICommandPalette, ITranslator],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker, cellState: IPmxlabCellState, palette: ICommandPalette | null, translator: ITranslator | null): void => {
    const trans = (translator ?? nullTranslator).load("pmxlab");
    const views = new WeakMap<CodeCell, ExerciseView>();

    const check = async (panel: NotebookPanel, cell: CodeCell): Promise<void> => {
      const view = views.get(cell);
      view?.setModel({ checking: true });
      try {
        await checkExercise(cell.model, panel.sessionContext, cellState, async () => {
          const reply = await CodeCell.execute(cell, panel.sessionContext);
          return reply?.content.status === "ok";
        });
      } finally {
        view?.setModel({ checking: false });
      }
    };

    const attach = (panel: NotebookPanel): void => {
      const sync = (): void => {
        const model = panel.content.model;
        if (!model || panel.isDisposed) return;
        const counts = exerciseCounts(model.cells);
        for (const cell of panel.content.widgets) {
          if (!(cell instanceof CodeCell)) continue;
          const exercise = cellExercise(cell.model);
          const existing = views.get(cell);
          if (!exercise) {
            existing?.dispose();
            views.delete(cell);
            continue;
          }
          const duplicated = (counts.get(exercise.id) ?? 0) > 1;
          if (existing) {
            existing.setModel({ exerciseId: exercise.id, hints: exercise.hints, duplicated });
            continue;
          }
          const view = new ExerciseView(
            { exerciseId: exercise.id, hints: exercise.hints, duplicated, checking: false, state: readCheckState(cellState.get(cell.model, "check")) },
            () => void check(panel, cell),
          );
          views.set(cell, view);
          // A cell builds its header, input and output on first render; add the view after them.
          void cell.ready.then(() => {
            if (!view.isDisposed && !cell.isDisposed) (cell.layout as PanelLayout).addWidget(view);
          });
          const observer = cellState.observe(cell.model, "check", (value) => view.setModel({ state: readCheckState(value) }));
          view.disposed.connect(() => observer.dispose());
        }
      };
      // Cell widgets are made in response to the same model change; look once they exist.
      const later = (): void => void setTimeout(sync, 0);
      void panel.context.ready.then(() => {
        sync();
        panel.content.model?.cells.changed.connect(later);
        panel.content.model?.metadataChanged.connect(later);
      });
    };
    tracker.widgetAdded.connect((_, panel) => attach(panel));

    const activeExercise = (): CodeCell | null => {
      const cell = tracker.activeCell;
      return cell instanceof CodeCell && cellExercise(cell.model) ? cell : null;
    };
    app.commands.addCommand(ExerciseCommandIds.check, {
      label: trans.__("Check"),
      caption: trans.__("Run this exercise cell, then its check; the result is kept in the cell"),
      isVisible: () => activeExercise() !== null,
      isEnabled: () => activeExercise() !== null,
      execute: async () => {
        const cell = activeExercise();
        const panel = tracker.currentWidget;
        if (cell && panel) await check(panel, cell);
      },
    });
    palette?.addItem({ command: ExerciseCommandIds.check, category: trans.__("pmxlab") });
  },
};
