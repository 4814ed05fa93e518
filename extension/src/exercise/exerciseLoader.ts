/** The part of @pmxlab/kernel/exercise the *Check* button uses. */
export type ExerciseApi = Pick<typeof import("@pmxlab/kernel/exercise"), "CHECK_MIME" | "checkCellCode" | "exerciseOf" | "summaryText">;

let api: Promise<ExerciseApi> | undefined;

/**
 * Loads @pmxlab/kernel/exercise (bundled as its own chunk) on the first *Check* or the first
 * exercise cell shown, once per page, so notebooks without exercises do not download it.
 */
export function loadExerciseApi(): Promise<ExerciseApi> {
  api ??= import(/* webpackChunkName: "pmxlab-exercise" */ "@pmxlab/kernel/exercise");
  return api;
}
