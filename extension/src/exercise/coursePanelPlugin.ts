import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { CoursePanel, type CourseEntry } from "./CoursePanel.js";
import { notebookProgress, parseCourseInfo, type NotebookProgress } from "./courseProgress.js";

/**
 * The course panel in the left sidebar: courses are the folders (the served root and its
 * sub-folders) that hold a `course.json`; progress comes from the check results saved in
 * each notebook, read through the Jupyter contents API when the panel is shown or refreshed.
 */
export const coursePanelPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:courses",
  description: "A sidebar with the courses, their notebooks and learning objectives, and the student's progress.",
  autoStart: true,
  activate: (app: JupyterFrontEnd): void => {
    const contents = app.serviceManager.contents;
    const load = async (): Promise<CourseEntry[]> => {
      const root = await contents.get("", { content: true });
      const dirs = ["", ...(root.content as { type: string; path: string }[]).filter((i) => i.type === "directory").map((i) => i.path)];
      const entries: CourseEntry[] = [];
      for (const dir of dirs) {
        const file = dir ? `${dir}/course.json` : "course.json";
        const raw = await contents.get(file, { content: true, type: "file", format: "text" }).catch(() => undefined);
        if (!raw) continue;
        const info = parseCourseInfo(JSON.parse(String(raw.content)), file);
        const progress = new Map<string, NotebookProgress | undefined>();
        for (const nb of info.notebooks) {
          const path = dir ? `${dir}/${nb.file}` : nb.file;
          const model = await contents.get(path, { content: true, type: "notebook" }).catch(() => undefined);
          progress.set(nb.file, model ? notebookProgress(model.content) : undefined);
        }
        entries.push({ dir, info, progress });
      }
      return entries;
    };
    const panel: CoursePanel = new CoursePanel({
      open: (path) => void app.commands.execute("docmanager:open", { path }),
      refresh: () => void refresh(),
    });
    const refresh = async (): Promise<void> => {
      try {
        panel.render(await load());
      } catch (error) {
        panel.render([], `Could not read the courses: ${(error as Error).message}`);
      }
    };
    panel.render([]);
    app.shell.add(panel, "left", { rank: 650 });
    app.restored.then(() => refresh()).catch(() => undefined);
  },
};
