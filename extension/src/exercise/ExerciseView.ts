import { Widget } from "@lumino/widgets";
import type { CheckState } from "./checkState.js";

/** What the view shows: the stored check state, the hint ladder, whether the id is in two cells. */
export interface ExerciseViewModel {
  exerciseId: string;
  state: CheckState | undefined;
  hints: readonly string[];
  duplicated: boolean;
  checking: boolean;
}

/**
 * The result of *Check* under an exercise cell: a Check button, the items ticked or
 * crossed with their messages (the misconception named by the check), the next hint on
 * request, and a warning when the exercise's id is in more than one cell. Built from text
 * only (no HTML from the kernel).
 */
export class ExerciseView extends Widget {
  private hintsShown = 0;
  private model: ExerciseViewModel;

  constructor(model: ExerciseViewModel, private readonly onCheck: () => void) {
    super();
    this.addClass("pmx-ExerciseView");
    this.model = model;
    this.render();
  }

  setModel(model: Partial<ExerciseViewModel>): void {
    this.model = { ...this.model, ...model };
    this.render();
  }

  private render(): void {
    const { state, hints, duplicated, checking, exerciseId } = this.model;
    const node = this.node;
    node.replaceChildren();
    node.dataset.exercise = exerciseId;
    node.classList.toggle("pmx-mod-passed", state?.result.passed === true);
    node.classList.toggle("pmx-mod-failed", state !== undefined && !state.result.passed);

    const bar = el("div", "pmx-ExerciseView-bar");
    const button = el("button", "pmx-ExerciseView-check jp-Button", checking ? "Checking…" : "Check");
    (button as HTMLButtonElement).disabled = checking;
    button.addEventListener("click", () => this.onCheck());
    bar.append(button);
    if (state) {
      const passed = state.result.items.filter((i) => i.passed).length;
      bar.append(el("span", "pmx-ExerciseView-status", `${state.result.passed ? "✓ Passed" : "✗ Not yet"} — ${passed}/${state.result.items.length} · attempt ${state.attempts}`));
    }
    if (hints.length > 0 && this.hintsShown < hints.length) {
      const hint = el("button", "pmx-ExerciseView-hint jp-Button", this.hintsShown === 0 ? "Hint" : "Next hint");
      hint.addEventListener("click", () => {
        this.hintsShown++;
        this.render();
      });
      bar.append(hint);
    }
    node.append(bar);
    if (duplicated) node.append(el("div", "pmx-ExerciseView-warning", `This exercise (${exerciseId}) is in more than one cell: keep one and delete the copies, or grading may check the wrong one.`));
    if (state) {
      const list = el("ul", "pmx-ExerciseView-items");
      for (const item of state.result.items) {
        const li = el("li", item.passed ? "pmx-mod-passed" : "pmx-mod-failed", `${item.passed ? "✓" : "✗"} ${item.name}: ${item.message}`);
        if (item.misconception) li.dataset.misconception = item.misconception;
        list.append(li);
      }
      node.append(list);
    }
    for (const text of hints.slice(0, this.hintsShown)) node.append(el("div", "pmx-ExerciseView-hintText", `Hint: ${text}`));
  }
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
