import type { ICellModel } from "@jupyterlab/cells";
import { readCheckState } from "../exercise/checkState.js";
import type { AskKind } from "./tutorContext.js";

/**
 * Why a code cell offers "Ask the tutor": its last output is an error ("explain-error"), or
 * it is an exercise whose last *Check* failed ("hint"); undefined otherwise.
 */
export function askReason(cell: ICellModel): AskKind | undefined {
  if (cell.type !== "code") return undefined;
  const outputs = (cell.sharedModel.toJSON() as { outputs?: { output_type: string }[] }).outputs ?? [];
  if (outputs.some((o) => o.output_type === "error")) return "explain-error";
  const check = readCheckState((cell.getMetadata("pmxlab") as { check?: never } | undefined)?.check);
  return check && !check.result.passed ? "hint" : undefined;
}
