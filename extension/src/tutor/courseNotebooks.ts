import { PathExt } from "@jupyterlab/coreutils";
import type { Contents } from "@jupyterlab/services";
import type { Notebook } from "@pmxlab/kernel/exercise";
import type { CourseNotebooks } from "./offlineTutor.js";

/**
 * The notebooks beside `notebookPath` (its course folder), in name order, read through the
 * contents manager — the Jupyter server's files, or the browser's storage in JupyterLite —
 * as the course the in-browser tutor quotes from.
 */
export async function courseNotebooks(contents: Pick<Contents.IManager, "get">, notebookPath: string, course: string): Promise<CourseNotebooks> {
  const folder = await contents.get(PathExt.dirname(notebookPath), { content: true });
  const files = ((folder.content ?? []) as Contents.IModel[]).filter((m) => m.type === "notebook").sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const notebooks = await Promise.all(files.map(async (m) => ({ file: m.name, content: (await contents.get(m.path, { content: true })).content as Notebook })));
  return { course, notebooks };
}
