import { Widget } from "@lumino/widgets";
import type { AskKind } from "./tutorContext.js";

/** "Ask the tutor" under a code cell whose output is an error or whose Check failed. */
export class AskTutorButton extends Widget {
  constructor(
    public reason: AskKind,
    onAsk: (kind: AskKind) => void,
  ) {
    super({ node: document.createElement("button") });
    this.addClass("pmx-AskTutor");
    this.addClass("jp-Button");
    this.node.textContent = "Ask the tutor";
    this.node.title = "Open a tutor cell below and ask about this cell's error or Check result";
    this.node.addEventListener("click", () => onAsk(this.reason));
  }
}
