// @pmxlab/kernel/exercise — exercises that check themselves: the check library (pure
// TypeScript, for the tslab kernel, Node and the browser) and the notebook exercise format.
export type { CheckItemResult, CheckResult, Outcome } from "./types.js";
export { AnswerError } from "./answer-error.js";
export { answersFrom, type Answers } from "./answers.js";
export { defineCheck, isCheck, runCheck, type Check, type CheckItem, type RunCheckOptions } from "./define-check.js";
export { COMMON_MISTAKES, mistake, type CommonMistake, type Misconception } from "./misconceptions.js";
export { readQuantity, type QuantityLike } from "./quantity.js";
export type { Tolerance } from "./tolerance.js";
export { numericAnswer, type NumericAnswerOptions } from "./numeric-answer.js";
export { arrayAnswer, type ArrayAnswerOptions } from "./array-answer.js";
export { curveAnswer, type CurveAnswerOptions, type CurveLike } from "./curve-answer.js";
export { modelAnswer, type ModelAnswerOptions, type ModelCase } from "./model-answer.js";
export { regimenAnswer, type RegimenAnswer } from "./regimen-answer.js";
export { plotAnswer, type PlotAnswerOptions } from "./plot-answer.js";
export { choiceAnswer, type ChoiceAnswerOptions } from "./choice-answer.js";
export { summaryText } from "./summary.js";
export { CHECK_MIME, checkCellCode, checkInKernel, kernelAnswers, type CheckCellOptions, type CheckReport } from "./kernel-check.js";
export {
  asNotebook,
  cellSource,
  EXERCISE_ID,
  exerciseCells,
  exerciseOf,
  exerciseProblems,
  notebookSchema,
  pmxlabMetadata,
  releasedExerciseIds,
  type Exercise,
  type ExerciseCell,
  type Notebook,
  type NotebookCell,
} from "./notebook.js";
export { hasSolution, stubSolutions } from "./solution-stub.js";
export { studentVersion, withoutHiddenChecks } from "./student-version.js";
export { besideName, releaseAction, type ReleaseAction } from "./release-rule.js";
