// Blocks read from the built-in model library's own texts (`modelSource`): sections,
// parameter lines and equations, so a drafted model reuses the library's values, units,
// labels and references instead of retyping them.
import { modelSource } from "@pmxlab/kernel";

/** A library model's text split into sections: `$NAME` → its inline text and its lines. */
export interface LibraryText {
  name: string;
  inline: Map<string, string>;
  lines: Map<string, string[]>;
}

/** Drops a trailing `# comment` (the format's comments) and surrounding space. */
function stripComment(line: string): string {
  const hash = line.indexOf("#");
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}

/** The sections of a built-in model's source. */
export function libraryText(name: string): LibraryText {
  const inline = new Map<string, string>();
  const lines = new Map<string, string[]>();
  let current = "";
  for (const raw of modelSource(name).split("\n")) {
    const section = /^\$([A-Z]+)\b(.*)$/.exec(raw);
    if (section) {
      current = section[1];
      // $DESCRIPTION and $REFERENCE are prose that may contain '#'; others may carry a comment.
      inline.set(current, current === "DESCRIPTION" || current === "REFERENCE" ? section[2].trim() : stripComment(section[2]));
      lines.set(current, []);
      continue;
    }
    const line = stripComment(raw);
    if (line && current) lines.get(current)!.push(line);
  }
  return { name, inline, lines };
}

/** The lines of a section (empty when the model has none). */
export function sectionLines(text: LibraryText, section: string): string[] {
  return text.lines.get(section) ?? [];
}

/** The line of a section that defines `name` (`NAME = …`, `NAME : …`, `d/dt(NAME) = …`, `NAME(0) = …`). */
export function lineFor(text: LibraryText, section: string, name: string): string {
  const found = sectionLines(text, section).find((line) => {
    const head = /^(?:d\/dt\(([A-Za-z_]\w*)\)|([A-Za-z_]\w*)(?:\(0\))?)\s*[=:]/.exec(line);
    return head !== null && (head[1] ?? head[2]) === name;
  });
  if (found === undefined) throw new Error(`built-in model ${text.name} has no ${section} line for ${name}`);
  return found;
}
