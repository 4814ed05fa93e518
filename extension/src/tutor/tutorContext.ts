import type { ICellModel } from "@jupyterlab/cells";
import { readCheckState } from "../exercise/checkState.js";
import { cellExercise } from "../exercise/exerciseCells.js";
import type { TutorState } from "./conversation.js";

/** What the student asks: a hint, or a question (empty question with "explain-error"). */
export type AskKind = "hint" | "question" | "explain-error";

/** The body of POST /tutor (its `request` is the server's TutorRequest, validated there). */
export interface TutorRequestBody {
  course: string;
  attempt: number;
  request: Record<string, unknown>;
}

/**
 * The body of POST /tutor for a tutor cell: the student never pastes anything. The exercise
 * is the nearest exercise cell above the tutor cell; its text the markdown cell just above
 * that; the code, the last *Check* result and the last error come from the exercise cell;
 * the notes are the notebook's markdown.
 */
export function tutorRequestBody(cells: readonly ICellModel[], tutorIndex: number, state: TutorState, kind: AskKind, question: string, course: string): TutorRequestBody {
  let exerciseIndex = -1;
  for (let i = tutorIndex - 1; i >= 0; i--) {
    if (cellExercise(cells[i]!)) {
      exerciseIndex = i;
      break;
    }
  }
  const request: Record<string, unknown> = {
    kind,
    question,
    hintLevel: state.hintLevel,
    history: state.turns.slice(-10).map((t) => ({ role: t.role, text: t.text })),
    notes: cells
      .filter((c) => c.type === "markdown")
      .map((c) => c.sharedModel.getSource())
      .join("\n\n")
      .slice(0, 50_000),
  };
  if (exerciseIndex >= 0) {
    const cell = cells[exerciseIndex]!;
    const exercise = cellExercise(cell)!;
    const above = exerciseIndex > 0 && cells[exerciseIndex - 1]!.type === "markdown" ? cells[exerciseIndex - 1]!.sharedModel.getSource() : "";
    request.exercise = { id: exercise.id, text: above, hints: exercise.hints };
    request.code = cell.sharedModel.getSource();
    const check = readCheckState(cell.getMetadata("pmxlab")?.check);
    if (check) request.check = check.result;
    const error = lastError(cell);
    if (error) request.error = error;
  }
  return { course, attempt: state.turns.filter((t) => t.role === "student").length, request };
}

/** The course of a notebook: the first part of its exercise ids (`pk-basics/half-life` → `pk-basics`), else "notebook". */
export function courseOf(cells: readonly ICellModel[]): string {
  for (const cell of cells) {
    const id = cellExercise(cell)?.id;
    if (id?.includes("/")) return id.split("/")[0]!;
  }
  return "notebook";
}

function lastError(cell: ICellModel): { name: string; message: string; traceback: string } | undefined {
  const outputs = (cell.sharedModel.toJSON() as { outputs?: { output_type: string; ename?: string; evalue?: string; traceback?: string[] }[] }).outputs ?? [];
  const error = [...outputs].reverse().find((o) => o.output_type === "error");
  if (!error) return undefined;
  // Tracebacks carry terminal colour codes.
  const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");
  return { name: error.ename ?? "Error", message: plain(error.evalue ?? ""), traceback: plain((error.traceback ?? []).join("\n")).slice(0, 10_000) };
}
