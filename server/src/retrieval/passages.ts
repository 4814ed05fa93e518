// Course passages: the student-visible markdown of a course notebook, cut at its headings.
// Pure TypeScript (no Node API), so the browser-only edition can index notebooks it has.
import { cellSource, studentVersion, type Notebook } from "@pmxlab/kernel/exercise";

/** One retrievable piece of course text. */
export interface CoursePassage {
  /** Unique in an index: `<course>/<notebook>#<n>`. */
  id: string;
  /** The course folder's name, e.g. "pk-basics". */
  course: string;
  /** The notebook's file name, e.g. "01-elimination.ipynb". */
  notebook: string;
  /** The nearest heading above the text (the notebook's file name when there is none). */
  title: string;
  text: string;
  /** Where the text comes from, when it is not a course notebook (a textbook, for concept notes). */
  source?: string;
}

// Whole lines from one naming BEGIN SOLUTION to one naming END SOLUTION, whatever comment
// marks them (`//`, `<!-- -->`, none), since markdown has no comment syntax of its own.
const SOLUTION_REGION = /^.*BEGIN SOLUTION[\s\S]*?END SOLUTION.*$/gm;
const UNCLOSED_SOLUTION = /^.*BEGIN SOLUTION[\s\S]*$/m;
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

/**
 * The passages a student may see in one instructor notebook: its student version
 * (`studentVersion`: instructor-only cells removed, solutions stubbed), markdown cells only,
 * split at headings (see {@link passagesFromMarkdown}).
 */
export function passagesFromNotebook(notebook: Notebook, where: { course: string; notebook: string }): CoursePassage[] {
  const student = studentVersion(notebook, `${where.course}/${where.notebook}`);
  const markdown = student.cells.filter((cell) => cell.cell_type === "markdown").map((cell) => cellSource(cell));
  return passagesFromMarkdown(markdown, where);
}

/**
 * Markdown texts (cells, or a notebook's notes) cut into passages at headings, with any
 * `BEGIN SOLUTION … END SOLUTION` region an author put in markdown left out (an unclosed one
 * runs to the end of its text).
 */
export function passagesFromMarkdown(texts: readonly string[], where: { course: string; notebook: string }): CoursePassage[] {
  const passages: CoursePassage[] = [];
  let title = where.notebook;
  let lines: string[] = [];
  const flush = (): void => {
    const text = lines.join("\n").trim();
    if (text) passages.push({ id: `${where.course}/${where.notebook}#${passages.length + 1}`, course: where.course, notebook: where.notebook, title, text });
    lines = [];
  };
  for (const markdown of texts) {
    const source = markdown.replace(SOLUTION_REGION, "").replace(UNCLOSED_SOLUTION, "");
    for (const line of source.split("\n")) {
      const heading = HEADING.exec(line);
      if (heading) {
        flush();
        title = heading[1];
      }
      lines.push(line);
    }
    lines.push("");
  }
  flush();
  return passages;
}
