import { Widget } from "@lumino/widgets";
import { sortCourses, type CourseInfo, type NotebookProgress } from "./courseProgress.js";

/** A course found in the served folder, with each listed notebook's progress (undefined: not there). */
export interface CourseEntry {
  dir: string;
  info: CourseInfo;
  progress: Map<string, NotebookProgress | undefined>;
}

/**
 * The course panel (left sidebar): each course in catalogue order, its notebooks with their
 * prerequisites and learning objectives, and the student's progress read from the saved
 * check results. Built from text only.
 */
export class CoursePanel extends Widget {
  constructor(private readonly actions: { open(path: string): void; refresh(): void }) {
    super();
    this.addClass("pmx-CoursePanel");
    this.id = "pmx-course-panel";
    this.title.caption = "Courses";
    this.title.label = "Courses";
  }

  // Reading every notebook is cheap for a course but not free: read them when the panel is opened.
  protected override onAfterShow(): void {
    this.actions.refresh();
  }

  render(entries: readonly CourseEntry[], error?: string): void {
    const node = this.node;
    node.replaceChildren();
    const refresh = el("button", "pmx-CoursePanel-refresh jp-Button", "Refresh");
    refresh.addEventListener("click", () => this.actions.refresh());
    node.append(el("h2", "pmx-CoursePanel-title", "Courses"), refresh);
    if (error) node.append(el("div", "pmx-CoursePanel-error", error));
    if (entries.length === 0 && !error) node.append(el("div", "pmx-CoursePanel-empty", "No course here (a folder with a course.json)."));
    for (const course of sortCourses(entries)) {
      const section = el("section", "pmx-CoursePanel-course");
      section.dataset.course = course.dir;
      section.append(el("h3", "", course.info.title));
      if (course.info.description) section.append(el("p", "pmx-CoursePanel-description", course.info.description));
      for (const nb of course.info.notebooks) {
        const path = course.dir ? `${course.dir}/${nb.file}` : nb.file;
        const progress = course.progress.get(nb.file);
        const item = el("div", "pmx-CoursePanel-notebook");
        item.dataset.path = path;
        const link = el("button", "pmx-CoursePanel-open", nb.title);
        link.addEventListener("click", () => this.actions.open(path));
        item.append(link);
        item.append(el("span", "pmx-CoursePanel-progress", progress ? `${progress.passed}/${progress.exercises} exercises · ${round(progress.earned)}/${progress.points} points` : "not in this folder"));
        if (nb.prerequisites.length > 0) item.append(el("div", "pmx-CoursePanel-prerequisites", `Before this: ${nb.prerequisites.join(", ")}`));
        if (nb.objectives.length > 0) {
          const list = el("ul", "pmx-CoursePanel-objectives");
          for (const o of nb.objectives) list.append(el("li", "", o));
          item.append(list);
        }
        section.append(item);
      }
      node.append(section);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
