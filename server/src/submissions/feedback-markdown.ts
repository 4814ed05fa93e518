// Reads back the per-student feedback file `pmxlab grade` writes (kernel-lib/cli/grade-command.ts,
// `feedback`): one `## <exercise>: <points> / <max>` section per exercise, then its problems
// and check items (`- ✓ name (hidden): message`).

export interface FeedbackItem {
  name: string;
  passed: boolean;
  hidden: boolean;
  message: string;
}

export interface ExerciseFeedback {
  id: string;
  points: number;
  max: number;
  /** Why it was not graded or what went wrong around it (not submitted, a deleted cell …). */
  problems: string[];
  items: FeedbackItem[];
}

/** The exercises of a feedback file, in file order. Lines of other sections are left out. */
export function parseFeedback(markdown: string): ExerciseFeedback[] {
  const out: ExerciseFeedback[] = [];
  let current: ExerciseFeedback | undefined;
  for (const line of markdown.split("\n")) {
    const heading = /^## (.+): ([\d.]+) \/ ([\d.]+)$/.exec(line);
    if (heading) {
      current = { id: heading[1]!, points: Number(heading[2]), max: Number(heading[3]), problems: [], items: [] };
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (line === "" || !line.startsWith("- ")) {
      if (line !== "") current = undefined;
      continue;
    }
    const item = /^- ([✓✗]) (.*?)( \(hidden\))?: (.*)$/.exec(line);
    if (item) current.items.push({ passed: item[1] === "✓", name: item[2]!, hidden: item[3] !== undefined, message: item[4]! });
    else current.problems.push(line.slice(2).replace(/^(problem|not graded): /, ""));
  }
  return out;
}
