import { Widget } from "@lumino/widgets";
import type { StoredTurn, TutorState } from "./conversation.js";
import { replyHtml } from "./markdown.js";
import type { AskKind } from "./tutorContext.js";

/** Renders math in the given node (JupyterLab's typesetter), when there is one. */
export type Typeset = (node: HTMLElement) => void;

/**
 * The chat of a tutor cell: the stored turns (tutor turns as sanitised markdown with math,
 * the backend that answered, a guard's or fallback's notice, the numbers the kernel
 * computed), the reply streaming in, and Hint / Ask / Explain error / Stop.
 */
export class TutorView extends Widget {
  private state: TutorState;
  private streaming: string | undefined;
  private error: string | undefined;

  constructor(
    state: TutorState,
    private readonly onAsk: (kind: AskKind, question: string) => void,
    private readonly onStop: () => void,
    private readonly typeset: Typeset,
  ) {
    super();
    this.addClass("pmx-TutorView");
    this.state = state;
    this.render();
  }

  setState(state: TutorState): void {
    this.state = state;
    this.render();
  }

  /** Asks as the buttons do, with what is typed (for "Ask the tutor" under a cell). */
  ask(kind: AskKind): void {
    if (this.streaming === undefined) this.onAsk(kind, this.node.querySelector("textarea")?.value.trim() ?? "");
  }

  /** Shows a reply streaming in (undefined: none), or an error from the last request. */
  setStreaming(text: string | undefined, error?: string): void {
    this.streaming = text;
    this.error = error;
    this.render();
  }

  private render(): void {
    const node = this.node;
    const input = node.querySelector("textarea");
    const draft = input?.value ?? "";
    node.replaceChildren();
    if (this.state.exercise) node.dataset.exercise = this.state.exercise;
    const log = el("div", "pmx-TutorView-log");
    for (const turn of this.state.turns) log.append(this.turn(turn));
    if (this.streaming !== undefined) log.append(this.turn({ role: "tutor", text: this.streaming }, true));
    node.append(log);
    if (this.error) node.append(el("div", "pmx-TutorView-error", this.error));

    const busy = this.streaming !== undefined;
    const bar = el("div", "pmx-TutorView-bar");
    const textarea = document.createElement("textarea");
    textarea.className = "pmx-TutorView-input";
    textarea.placeholder = "Ask the tutor about this exercise…";
    textarea.value = draft;
    textarea.disabled = busy;
    const button = (label: string, cls: string, action: () => void) => {
      const b = el("button", `jp-Button ${cls}`, label) as HTMLButtonElement;
      b.addEventListener("click", action);
      return b;
    };
    if (busy) bar.append(button("Stop", "pmx-TutorView-stop", () => this.onStop()));
    else {
      bar.append(
        button("Hint", "pmx-TutorView-hint", () => this.onAsk("hint", textarea.value.trim())),
        button("Ask", "pmx-TutorView-ask", () => {
          if (textarea.value.trim()) this.onAsk("question", textarea.value.trim());
        }),
        button("Explain the error", "pmx-TutorView-explain", () => this.onAsk("explain-error", textarea.value.trim())),
      );
    }
    node.append(textarea, bar);
  }

  private turn(turn: StoredTurn, streaming = false): HTMLElement {
    const box = el("div", `pmx-TutorView-turn pmx-mod-${turn.role}${streaming ? " pmx-mod-streaming" : ""}`);
    if (turn.role === "student") box.append(el("div", "pmx-TutorView-text", turn.text || "(hint)"));
    else {
      const text = el("div", "pmx-TutorView-text");
      text.innerHTML = replyHtml(turn.text);
      this.typeset(text);
      box.append(text);
      if (turn.computed?.length) {
        box.append(el("div", "pmx-TutorView-computed", `Computed by pmxlab: ${turn.computed.map((c) => `${c.label} = ${Number(c.value.toPrecision(3))} ${c.unit}`).join("; ")}`));
      }
      if (turn.notice) box.append(el("div", "pmx-TutorView-notice", turn.notice));
      if (turn.backend) box.append(el("div", "pmx-TutorView-backend", `answered by ${turn.backend}`));
    }
    return box;
  }
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
