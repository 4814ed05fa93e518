/** What the class service reports after bringing a release into the home (POST releases/<course>/sync). */
export interface SyncReport {
  course: string;
  version: number;
  added: string[];
  updated: string[];
  unchanged: string[];
  beside: { file: string; newFile: string }[];
}

/** One check item of a grade's feedback (GET feedback/<course>). */
export interface FeedbackItem {
  name: string;
  passed: boolean;
  hidden: boolean;
  message: string;
}

/** A student's grade with per-item feedback. */
export interface Feedback {
  course: string;
  total: number;
  max: number;
  notes: string;
  exercises: { id: string; points: number; max: number; problems: string[]; items: FeedbackItem[] }[];
}

/**
 * A notebook's course and its name in the release, from its path in the home: releases go
 * to `~/<course>/`, so `pk-basics/01-elimination.ipynb` is pk-basics' `01-elimination.ipynb`.
 * Null for a notebook outside a course folder.
 *
 * @example
 * courseNotebook("pk-basics/01-elimination.ipynb"); // { course: "pk-basics", notebook: "01-elimination.ipynb" }
 */
export function courseNotebook(path: string): { course: string; notebook: string } | null {
  const slash = path.indexOf("/");
  if (slash <= 0 || !path.endsWith(".ipynb")) return null;
  return { course: path.slice(0, slash), notebook: path.slice(slash + 1) };
}

/** The one-line summary of a sync, for a notification. */
export function syncSummary(r: SyncReport): string {
  const line = `${r.course} (release ${r.version}): ${r.added.length} new, ${r.updated.length} updated`;
  return r.beside.length === 0 ? line : `${line}; your edits are kept, the new versions are beside them: ${r.beside.map((b) => b.newFile).join(", ")}`;
}

/** The feedback as DOM (text only: messages come from checks and are never parsed as HTML). */
export function feedbackNode(f: Feedback): HTMLElement {
  const root = document.createElement("div");
  root.className = "pmxlab-feedback";
  const total = document.createElement("p");
  total.textContent = `Total: ${f.total} / ${f.max}`;
  root.append(total);
  for (const e of f.exercises) {
    const head = document.createElement("h4");
    head.textContent = `${e.id}: ${e.points} / ${e.max}`;
    const list = document.createElement("ul");
    for (const p of e.problems) {
      const li = document.createElement("li");
      li.textContent = p;
      list.append(li);
    }
    for (const i of e.items) {
      const li = document.createElement("li");
      li.textContent = `${i.passed ? "✓" : "✗"} ${i.name}${i.hidden ? " (hidden)" : ""}: ${i.message}`;
      list.append(li);
    }
    root.append(head, list);
  }
  if (f.notes) {
    const notes = document.createElement("p");
    notes.textContent = `Notes: ${f.notes}`;
    root.append(notes);
  }
  return root;
}
