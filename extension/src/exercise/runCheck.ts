import type { ISessionContext } from "@jupyterlab/apputils";
import type { ICellModel } from "@jupyterlab/cells";
import type { KernelMessage } from "@jupyterlab/services";
import type { IPmxlabCellState } from "../cell-state/tokens.js";
import { readCheckState, sha256, type CheckState } from "./checkState.js";
import { loadExerciseApi } from "./exerciseLoader.js";

/** What running the exercise cell itself came to: false when it failed (its error is in its outputs). */
export type RunCell = () => Promise<boolean>;

/**
 * *Check*: runs the exercise cell (as Run would, `runCell`), then the exercise's check in
 * the same kernel as a request of its own — not stored in history, its messages read here
 * and shown nowhere else, so no cell or output is added — and stores the result in the
 * cell metadata `pmxlab.check` through the cell-state API (saved, and seen live by
 * co-editors). A kernel that lost the variables (restart) makes the check say "run the cells
 * above first".
 */
export async function checkExercise(cell: ICellModel, session: ISessionContext, cellState: IPmxlabCellState, runCell: RunCell): Promise<CheckState> {
  const api = await loadExerciseApi();
  const exercise = api.exerciseOf(cell.toJSON() as never, "this cell");
  if (!exercise) throw new Error("this cell is not an exercise");
  const source = cell.sharedModel.getSource();
  if (!(await runCell())) {
    // tslab aborts every request that arrives within 200 ms of a failed one (see
    // kernel-lib/cli/exercise/run_notebook.py); the check must not be one of them.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const kernel = session.session?.kernel;
  let result: CheckState["result"];
  if (!kernel) {
    result = failure("No kernel is running: start the kernel, run the cells above first, then press Check again.");
  } else {
    let report: { result?: CheckState["result"] } | undefined;
    let stderr = "";
    const future = kernel.requestExecute({ code: api.checkCellCode(exercise, { checksModule: "./checks" }), silent: false, store_history: false, stop_on_error: false });
    future.onIOPub = (msg: KernelMessage.IIOPubMessage) => {
      const content = msg.content as { data?: Record<string, unknown>; name?: string; text?: string };
      if (msg.header.msg_type === "display_data" && content.data?.[api.CHECK_MIME]) report = content.data[api.CHECK_MIME] as typeof report;
      if (msg.header.msg_type === "stream" && content.name === "stderr") stderr += content.text ?? "";
    };
    await future.done.catch(() => undefined);
    result = report?.result ?? failure(`The check could not run: ${firstError(stderr) || "no result came back from the kernel"}. Run the cells above first, then press Check again.`);
  }
  const previous = readCheckState(cellState.get(cell, "check"));
  const state: CheckState = {
    exercise: exercise.id,
    result,
    attempts: (previous?.exercise === exercise.id ? previous.attempts : 0) + 1,
    time: new Date().toISOString(),
    codeHash: await sha256(source),
  };
  cellState.set(cell, "check", state as never);
  return state;
}

function failure(message: string): CheckState["result"] {
  return { passed: false, score: 0, items: [{ name: "check", passed: false, message }] };
}

function firstError(stderr: string): string {
  const lines = stderr.trim().split("\n");
  return lines.find((l) => /\d+:\d+ - |Error\b/.test(l)) ?? lines[0] ?? "";
}
