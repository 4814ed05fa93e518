import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette } from "@jupyterlab/apputils";
import { CodeCell, MarkdownCell, type Cell, type ICellModel } from "@jupyterlab/cells";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { IRenderMimeRegistry } from "@jupyterlab/rendermime";
import type { PanelLayout } from "@lumino/widgets";
import { IPmxlabCellState } from "../cell-state/tokens.js";
import { cellExercise } from "../exercise/exerciseCells.js";
import { TutorCommandIds } from "./commandIds.js";
import { readTutorState, tutorStateJson, type TutorState } from "./conversation.js";
import { courseNotebooks } from "./courseNotebooks.js";
import { askOfflineTutor } from "./offlineTutor.js";
import { askTutorServer, NoTutorServerError } from "./tutorClient.js";
import { courseOf, tutorRequestBody, type AskKind } from "./tutorContext.js";
import { TutorView } from "./TutorView.js";
import { askReason } from "./askReason.js";
import { AskTutorButton } from "./AskTutorButton.js";

/**
 * Tutor cells: a markdown cell whose metadata `pmxlab.tutor` holds a conversation gets a chat
 * under it (TutorView). Questions go to pmxlab's server with the exercise's context (with no
 * server, as on the browser-only edition, to the offline tutor in the page); the reply streams in and is stored in the cell through the cell-state API, so it is saved in
 * the .ipynb and co-editors see it live.
 */
export const tutorPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:tutor",
  description: "Tutor cells: a chat about the exercise above, kept in the cell metadata pmxlab.tutor.",
  autoStart: true,
  requires: [INotebookTracker, IPmxlabCellState],
  optional: [IRenderMimeRegistry, ICommandPalette],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker, cellState: IPmxlabCellState, rendermime: IRenderMimeRegistry | null, palette: ICommandPalette | null): void => {
    const views = new WeakMap<Cell, TutorView>();
    const buttons = new WeakMap<Cell, AskTutorButton>();
    // A tutor cell inserted by "Ask the tutor" asks as soon as its view exists.
    const pendingAsks = new WeakMap<ICellModel, AskKind>();
    const typeset = (node: HTMLElement) => rendermime?.latexTypesetter?.typeset(node);

    const ask = async (panel: NotebookPanel, cell: Cell, view: TutorView, kind: AskKind, question: string, stop: AbortController): Promise<void> => {
      const cells = [...(panel.content.model?.cells ?? [])];
      const index = cells.indexOf(cell.model);
      const state = readTutorState(cellState.get(cell.model, "tutor")) ?? { hintLevel: 0, turns: [] };
      const course = courseOf(cells);
      const body = tutorRequestBody(cells, index, state, kind, question, course);
      const asked: TutorState = { ...state, turns: [...state.turns, { role: "student", text: question || (kind === "hint" ? "Hint, please." : "Explain the error, please.") }] };
      cellState.set(cell.model, "tutor", tutorStateJson(asked));
      let streamed = "";
      view.setStreaming("");
      try {
        const onText = (chunk: string) => view.setStreaming((streamed += chunk));
        const reply = await askTutorServer(body, { signal: stop.signal, onText }).catch((error: unknown) => {
          // No server (the browser-only edition): the offline tutor answers in the page.
          if (!(error instanceof NoTutorServerError)) throw error;
          return askOfflineTutor(body.request, course, () => courseNotebooks(app.serviceManager.contents, panel.context.path, course), onText);
        });
        const turn = { role: "tutor" as const, text: reply.text, backend: reply.backend, computed: reply.computed, ...(reply.notice ? { notice: reply.notice } : {}) };
        const latest = readTutorState(cellState.get(cell.model, "tutor")) ?? asked;
        cellState.set(cell.model, "tutor", tutorStateJson({ ...latest, hintLevel: reply.hintLevel, turns: [...latest.turns, turn] }));
        view.setStreaming(undefined);
      } catch (error) {
        view.setStreaming(undefined, stop.signal.aborted ? "Stopped." : error instanceof Error ? error.message : String(error));
      }
    };

    const attach = (panel: NotebookPanel): void => {
      const sync = (): void => {
        for (const cell of panel.content.widgets) {
          syncButton(panel, cell);
          const state = cell instanceof MarkdownCell ? readTutorState(cellState.get(cell.model, "tutor")) : undefined;
          const existing = views.get(cell);
          if (!state) {
            existing?.dispose();
            views.delete(cell);
            continue;
          }
          if (existing) continue;
          let stop = new AbortController();
          const view: TutorView = new TutorView(
            state,
            (kind, question) => {
              stop = new AbortController();
              void ask(panel, cell, view, kind, question, stop);
            },
            () => stop.abort(),
            typeset,
          );
          views.set(cell, view);
          const pending = pendingAsks.get(cell.model);
          if (pending) {
            pendingAsks.delete(cell.model);
            void ask(panel, cell, view, pending, "", stop);
          }
          void cell.ready.then(() => {
            if (!view.isDisposed && !cell.isDisposed) (cell.layout as PanelLayout).addWidget(view);
          });
          const observer = cellState.observe(cell.model, "tutor", (value) => {
            const next = readTutorState(value);
            if (next) view.setState(next);
          });
          view.disposed.connect(() => observer.dispose());
        }
      };
      // Cell widgets are made in response to the same model change; look once they exist, once
      // for a burst of changes (typing changes the content at every key).
      let scheduled = false;
      const later = (): void => {
        if (scheduled) return;
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          sync();
        }, 50);
      };
      void panel.context.ready.then(() => {
        sync();
        panel.content.model?.cells.changed.connect(later);
        panel.content.model?.metadataChanged.connect(later);
        // Outputs (an error) and cell metadata (a Check result) change without a cells change.
        panel.content.model?.contentChanged.connect(later);
      });
    };
    tracker.widgetAdded.connect((_, panel) => attach(panel));

    /** "Ask the tutor" under a code cell with an error or a failed Check: to the tutor cell below, made if missing. */
    const syncButton = (panel: NotebookPanel, cell: Cell): void => {
      const reason = cell instanceof CodeCell ? askReason(cell.model) : undefined;
      const existing = buttons.get(cell);
      if (!reason) {
        existing?.dispose();
        buttons.delete(cell);
        return;
      }
      if (existing) {
        existing.reason = reason;
        return;
      }
      const button = new AskTutorButton(reason, (kind) => {
        const model = panel.content.model;
        if (!model) return;
        const cells = [...model.cells];
        const index = cells.indexOf(cell.model);
        const below = cells[index + 1];
        const belowState = below ? readTutorState(cellState.get(below, "tutor")) : undefined;
        if (below && belowState) {
          const view = views.get(panel.content.widgets[index + 1]!);
          if (view) view.ask(kind);
          return;
        }
        insertTutorCell(panel, index, kind);
      });
      buttons.set(cell, button);
      void cell.ready.then(() => {
        if (!button.isDisposed && !cell.isDisposed) (cell.layout as PanelLayout).addWidget(button);
      });
    };

    const insertTutorCell = (panel: NotebookPanel, index: number, ask?: AskKind): void => {
      const model = panel.content.model;
      if (!model) return;
      const cells = [...model.cells];
      let exercise: string | undefined;
      for (let i = index; i >= 0 && exercise === undefined; i--) exercise = cellExercise(cells[i]!)?.id;
      const state: TutorState = { hintLevel: 0, turns: [], ...(exercise ? { exercise } : {}) };
      model.sharedModel.insertCell(index + 1, { cell_type: "markdown", source: "**Tutor**", metadata: { pmxlab: { tutor: tutorStateJson(state) } } as never });
      if (ask) pendingAsks.set(model.cells.get(index + 1), ask);
      panel.content.activeCellIndex = index + 1;
    };

    app.commands.addCommand(TutorCommandIds.insert, {
      label: "Insert tutor cell below",
      caption: "A chat with pmxlab's tutor about the exercise here or above (kept in the notebook)",
      isEnabled: () => tracker.currentWidget?.content.model !== null && tracker.activeCell !== null,
      execute: () => {
        const panel = tracker.currentWidget;
        if (panel) insertTutorCell(panel, panel.content.activeCellIndex);
      },
    });
    palette?.addItem({ command: TutorCommandIds.insert, category: "pmxlab" });
  },
};
