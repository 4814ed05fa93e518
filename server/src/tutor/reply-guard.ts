// Runs the leak guard and the number guard on a reply while it streams. Text reaches the
// student a whole line at a time and only after the guards passed on everything up to that
// line, so a leaking or contradicting line is never shown; `finish` gives the final text
// (refused, corrected or withheld when a guard tripped), which replaces what was streamed.
import { checkNumbers } from "../grounding/number-guard.js";
import { numbersIn } from "../grounding/numbers.js";
import type { ComputedValue, TutorRequest } from "./types.js";
import { materialText } from "./context.js";
import { checkLeak, refusal, type LeakAllowance } from "./leak-guard.js";
import type { Solution } from "./solution.js";

export interface GuardedText {
  text: string;
  notice?: string;
}

export class ReplyGuard {
  private full = "";
  private released = 0;
  private tripped = false;
  private readonly allowance: LeakAllowance;

  constructor(
    private readonly request: TutorRequest,
    private readonly solution: Solution | undefined,
    /** The values the tools computed so far (grows during the tool loop). */
    private readonly computed: () => readonly ComputedValue[],
    private readonly release: (chunk: string) => void,
  ) {
    const text = materialText(request);
    this.allowance = { text, numbers: numbersIn(text).map((n) => n.value) };
  }

  /** Adds streamed text; releases the complete lines that pass the guards. */
  push(chunk: string): void {
    this.full += chunk;
    if (this.tripped) return;
    const end = this.full.lastIndexOf("\n") + 1;
    if (end <= this.released) return;
    const candidate = this.full.slice(0, end);
    if (this.passes(candidate)) {
      this.release(candidate.slice(this.released));
      this.released = end;
    } else {
      this.tripped = true;
    }
  }

  /** The reply to keep and show, with a notice when a guard changed it. */
  finish(): GuardedText {
    if (this.solution && checkLeak(this.full, this.solution, this.allowance).leak) {
      const next = this.request.exercise?.hints[this.request.hintLevel];
      return { text: refusal(next), notice: "The leak guard replaced a reply that revealed the solution." };
    }
    const numbers = checkNumbers(this.full, this.computed(), this.allowance.numbers);
    if (numbers.action !== "none") return { text: numbers.text, notice: numbers.notice! };
    if (!this.tripped && this.released < this.full.length) this.release(this.full.slice(this.released));
    return { text: this.full };
  }

  private passes(text: string): boolean {
    if (this.solution && checkLeak(text, this.solution, this.allowance).leak) return false;
    return checkNumbers(text, this.computed(), this.allowance.numbers).action === "none";
  }
}
