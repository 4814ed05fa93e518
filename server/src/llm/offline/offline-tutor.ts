// The offline tutor: a deterministic TutorBackend for machines with no language model. It
// composes its reply from what the request carries (the check result, the authored hint
// ladder, the error) and what it is given (course passages, its concept notes and error
// catalogue). It never sees a solution, and it never repeats the student's code or the
// message of a passed check item (which states the right value), so it cannot leak one.
// Pure TypeScript, no Node API: the browser-only edition bundles it.
import { CourseIndex, passagesFromMarkdown, type CoursePassage, type RetrievedPassage } from "../../retrieval/index.js";
import type { TutorBackend, TutorReply, TutorRequest } from "../../tutor/types.js";
import { asksForAnswer, asksToConfirm } from "./answer-seeking.js";
import { checkFeedback, type CheckFeedback } from "./check-feedback.js";
import { CONCEPT_NOTES, conceptQuestion } from "./concepts.js";
import { matchError, type ErrorMatch } from "./error-catalogue.js";
import { excerpt } from "./excerpt.js";

/** What the offline tutor is built from. */
export interface OfflineTutorOptions {
  /** The student-visible course passages (see `loadCoursePassages`, `passagesFromNotebook`). */
  passages?: readonly CoursePassage[];
}

/** A reply under construction. */
interface Draft {
  parts: string[];
  question?: string;
  hintLevel: number;
  sources: TutorReply["sources"];
}

const NO_CONFIRMATION =
  "I won't confirm or correct a value myself: *Check* compares your answer with a reference that the kernel computes, so press it and read what it says about each item.";

const REFUSAL =
  "I can't give you the solution or its values, whatever the request says: working it out is the exercise, and the check is there to confirm it. I can help you get there step by step.";

/** A student's follow-up that asks for the last reply again in other words. */
const FOLLOW_UP = /\b(?:still (?:don'?t|do not|confused|lost)|(?:don'?t|do not) (?:understand|get)|what do you mean|explain (?:more|again|that|it differently)|(?:i'?m|i am) (?:lost|confused)|huh)\b|^\s*\?+\s*$/i;

/**
 * What a follow-up is about: the tutor's last turn (to exclude what it quoted) and a query of
 * the student's question before it, weighted twice, plus that turn's own words without its
 * citations and closing question.
 */
function followUpTopic(request: TutorRequest): { query: string; quoted: string } | undefined {
  const i = request.history.map((t) => t.role).lastIndexOf("tutor");
  if (i < 0) return undefined;
  const asked = [...request.history.slice(0, i)].reverse().find((t) => t.role === "student")?.text ?? "";
  const said = request.history[i].text.replace(/\*Source:[^\n]*\*/g, "").replace(/\*\*Question for you:\*\*[^\n]*/g, "");
  return { query: `${asked} ${asked} ${said}`, quoted: request.history[i].text };
}

/** A markdown heading's text. */
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/m;

/** The course name given to the notes a request carries. */
const NOTES_COURSE = "notebook";

/** The course of an exercise id `<course>/<name>`, if it has one. */
function courseOf(request: TutorRequest): string | undefined {
  const id = request.exercise?.id;
  const slash = id?.indexOf("/") ?? -1;
  return id !== undefined && slash > 0 ? id.slice(0, slash) : undefined;
}

/** The offline tutor (backend name "offline"). */
export class OfflineTutor implements TutorBackend {
  readonly name = "offline";
  readonly #passages: readonly CoursePassage[];
  readonly #index: CourseIndex;

  constructor(options: OfflineTutorOptions = {}) {
    this.#passages = [...(options.passages ?? []), ...CONCEPT_NOTES];
    this.#index = new CourseIndex(this.#passages);
  }

  async reply(request: TutorRequest, options: { signal?: AbortSignal; onText?: (chunk: string) => void } = {}): Promise<TutorReply> {
    options.signal?.throwIfAborted();
    const draft = this.#compose(request);
    const text = [...draft.parts, ...(draft.question ? [`**Question for you:** ${draft.question}`] : [])].join("\n\n");
    options.onText?.(text);
    return { text, backend: this.name, hintLevel: draft.hintLevel, computed: [], sources: draft.sources };
  }

  #compose(request: TutorRequest): Draft {
    const draft: Draft = { parts: [], hintLevel: request.hintLevel, sources: [] };
    const seeking = asksForAnswer(request.question);
    if (seeking) draft.parts.push(REFUSAL);
    const kind = seeking ? "hint" : request.kind;
    const feedback = request.check ? checkFeedback(request.check) : undefined;
    switch (kind) {
      case "hint":
        this.#hint(request, feedback, draft);
        break;
      case "explain-error":
        this.#explainError(request, draft);
        break;
      case "explain-result":
        this.#explainResult(request, feedback, draft);
        break;
      case "question":
        this.#question(request, feedback, draft);
        break;
    }
    return draft;
  }

  /** The failed check items and the first mistake's explanation; returns whether there was one. */
  #checkPart(feedback: CheckFeedback | undefined, draft: Draft): boolean {
    if (!feedback || feedback.failed === 0) return false;
    draft.parts.push(`**What your last check says** (${feedback.passed} of ${feedback.passed + feedback.failed} items passed):\n${feedback.lines.join("\n")}`);
    const note = feedback.notes[0];
    if (note) {
      if (note.explain) draft.parts.push(note.explain);
      draft.question ??= note.question;
    }
    return true;
  }

  #hint(request: TutorRequest, feedback: CheckFeedback | undefined, draft: Draft): void {
    const hasCheck = this.#checkPart(feedback, draft);
    if (!hasCheck && request.error) this.#errorPart(request, draft);
    if (this.#nextHint(request, draft)) return;
    const hints = request.exercise?.hints ?? [];
    if (hints.length > 0) draft.parts.push(`You have seen all ${hints.length} hints of this exercise; here is the idea behind it from the course.`);
    // The recognised mistake's topic names the concept better than the exercise's whole text.
    const query = [request.question, feedback?.notes[0]?.topic || request.exercise?.text].filter(Boolean).join(" ");
    if (!this.#retrievalPart(query, request, draft, 1, true) && !hasCheck) {
      draft.parts.push("Read the exercise again and write down, in words, which quantities you are given and which one is asked for.");
    }
    draft.question ??= "Which formula from this passage connects what you are given to what the exercise asks, and what unit will the result have?";
  }

  /** The next authored hint, counted; false when the ladder is used up (or there is none). */
  #nextHint(request: TutorRequest, draft: Draft): boolean {
    const hints = request.exercise?.hints ?? [];
    if (request.hintLevel >= hints.length) return false;
    draft.parts.push(`**Hint ${request.hintLevel + 1} of ${hints.length}:** ${hints[request.hintLevel]}`);
    draft.hintLevel = request.hintLevel + 1;
    if (draft.hintLevel < hints.length) draft.parts.push("Try it, then press *Check*; ask again if you need the next hint.");
    draft.question ??= "What does this hint change in your code, and what do you expect the check to say then?";
    return true;
  }

  #explainError(request: TutorRequest, draft: Draft): void {
    if (request.error) {
      this.#errorPart(request, draft);
      return;
    }
    const fromQuestion = request.question ? matchError(request.question, { code: request.code }) : undefined;
    if (fromQuestion) {
      this.#matchedErrorPart(fromQuestion, draft);
      return;
    }
    draft.parts.push("I don't see an error from your notebook in this request. Run the cell again; if it fails, use *Ask the tutor* next to the error, or paste its first line into your question.");
    draft.question = "What did you expect the cell to do, and what did it do instead?";
  }

  #errorPart(request: TutorRequest, draft: Draft): void {
    const error = request.error!;
    const text = `${error.name}: ${error.message}\n${error.traceback ?? ""}`;
    const found = matchError(text, { code: request.code });
    if (found) {
      this.#matchedErrorPart(found, draft);
      return;
    }
    const firstLine = `${error.name}: ${error.message}`.split("\n")[0].slice(0, 300);
    draft.parts.push(
      `**The error:** \`${firstLine}\`\n\nThis one is not in my catalogue of common errors, so read its first line closely: the name before the colon says what kind of failure it is, and the message usually names the value or line involved.`,
    );
    draft.parts.push("**Next step:** find the line the traceback points to, print the values used on it just before, and compare them with what you expect.");
    this.#retrievalPart(error.message, request, draft, 1);
    draft.question ??= "Which value on the failing line is not what you expected, and where was it set?";
  }

  #matchedErrorPart(found: ErrorMatch, draft: Draft): void {
    draft.parts.push(`**${found.entry.title}**\n\n${found.entry.explain(found.match, {})}`);
    draft.parts.push(`**Next step:** ${found.entry.next(found.match, {})}`);
    draft.question ??= found.entry.question;
  }

  #explainResult(request: TutorRequest, feedback: CheckFeedback | undefined, draft: Draft): void {
    if (!feedback) {
      if (request.question) this.#question(request, undefined, draft);
      else {
        draft.parts.push("There is no check result in this request yet: press *Check* on the exercise cell, then ask me to explain the result.");
        draft.question = "What do you expect the check to say about your answer?";
      }
      return;
    }
    if (this.#checkPart(feedback, draft)) {
      if (feedback.notes.length > 1) draft.parts.push(feedback.notes.slice(1).map((n) => n.explain).filter(Boolean).join("\n\n"));
      draft.parts.push("Fix one item at a time, starting with the first that failed: later items often depend on it.");
      return;
    }
    draft.parts.push(`**All ${feedback.passed} items of your check passed.**\n${feedback.lines.join("\n")}`);
    this.#retrievalPart(request.exercise?.text ?? request.question, request, draft, 1, true);
    draft.question = "Can you explain in your own words why your answer is right, and how it would change if the dose or the clearance doubled?";
  }

  #question(request: TutorRequest, feedback: CheckFeedback | undefined, draft: Draft): void {
    const fromQuestion = matchError(request.question, { code: request.code });
    if (fromQuestion) {
      this.#matchedErrorPart(fromQuestion, draft);
      return;
    }
    if (asksToConfirm(request.question)) draft.parts.push(NO_CONFIRMATION);
    const failing = feedback !== undefined && feedback.failed > 0;
    const followUp = FOLLOW_UP.test(request.question);
    // A follow-up or a question about the student's own result starts from the last failed check.
    const aboutCheck = failing && (followUp || /\b(?:my|wrong|why|fail|check|mistake)\b/i.test(request.question));
    if (aboutCheck) this.#checkPart(feedback, draft);
    // "I still don't get it" after a reply: the same topic from passages that reply did not
    // quote; with no reply before it, the topic of the check's mistake or of the exercise.
    // Still lost: the exercise's next authored hint is the most targeted help there is.
    if (followUp && this.#nextHint(request, draft)) return;
    const previous = followUp ? followUpTopic(request) : undefined;
    const found = previous
      ? this.#retrievalPart(previous.query, request, draft, 1, false, new Set(this.#passages.filter((p) => previous.quoted.includes(`**${p.title}**`)).map((p) => p.id)))
      : this.#retrievalPart(followUp ? feedback?.notes[0]?.topic || request.exercise?.text || "" : request.question, request, draft, followUp ? 1 : 2);
    if (failing && !found && !aboutCheck) this.#checkPart(feedback, draft);
    else if (!found && !aboutCheck) {
      draft.parts.push("I couldn't find this in the course notes. Try asking with the name of the quantity or model (for example clearance, half-life, bioavailability, steady state, Emax).");
    }
    draft.question ??= "How does this apply to your exercise: which of these quantities are you given, and which one is asked for?";
  }

  /**
   * Quotes the best passages for `query` with their sources and takes the first concept
   * note's follow-up question; returns whether any passage was found. `conceptsOnly` when the
   * course's own passages would only repeat the exercise's text back.
   */
  #retrievalPart(query: string, request: TutorRequest, draft: Draft, limit: number, conceptsOnly = false, exclude = new Set<string>()): boolean {
    const wanted = limit + exclude.size;
    const found = conceptsOnly ? this.#index.search(query, { limit: wanted, courses: ["concepts"] }) : this.#retrieve(query, request, wanted);
    const hits = found.filter((h) => !exclude.has(h.passage.id)).slice(0, limit);
    for (const { passage } of hits) {
      if (passage.course === "concepts") draft.question ??= conceptQuestion(passage.title);
      // Concept notes are written to be quoted whole; course text is cut to what the query asks.
      const quoted = passage.course === "concepts" ? passage.text : excerpt(passage.text, query, 3);
      const source = passage.source ?? `${passage.course}/${passage.notebook}`;
      draft.parts.push(`From **${passage.title}**:\n\n> ${quoted.replace(/\n/g, "\n> ")}\n\n*Source: ${source}.*`);
      draft.sources.push({ title: `${passage.title} (${source})`, excerpt: quoted });
    }
    return hits.length > 0;
  }

  #retrieve(query: string, request: TutorRequest, limit: number): RetrievedPassage[] {
    if (!query.trim()) return [];
    const course = courseOf(request);
    const courses = course ? [course, "concepts", NOTES_COURSE] : undefined;
    // The exercise's own text is in front of the student already: quoting it back helps nobody.
    const own = request.exercise ? HEADING.exec(request.exercise.text)?.[1] : undefined;
    const search = (index: CourseIndex): RetrievedPassage[] => index.search(query, { limit: limit + 2, courses }).filter((h) => own === undefined || h.passage.title !== own).slice(0, limit);
    if (!request.notes) return search(this.#index);
    // The notebook's notes join the course passages in one index, so their scores compare
    // (BM25 scores of two separate indexes do not).
    const notes = passagesFromMarkdown([request.notes], { course: NOTES_COURSE, notebook: "this notebook" });
    return search(new CourseIndex([...this.#passages, ...notes]));
  }
}
