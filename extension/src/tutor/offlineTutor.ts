// The tutor when no pmxlab server answers (the browser-only edition, docs/lite.md, or a
// JupyterLab whose server is not there): the server's own offline tutor
// (server/src/llm/offline, pure TypeScript) running in the page. It is a chunk of its own,
// loaded on the first such question, so pages that have a server never fetch it.
import type { Notebook } from "@pmxlab/kernel/exercise";
import type { OfflineTutor } from "@pmxlab/server/offline-tutor";
import type { TutorReplyJson } from "./tutorClient.js";

type TutorRequest = Parameters<OfflineTutor["reply"]>[0];

/** The course a question is asked in and its notebooks (file name and content). */
export interface CourseNotebooks {
  course: string;
  notebooks: { file: string; content: Notebook }[];
}

/** Said under every reply of the in-browser tutor. */
export const OFFLINE_NOTICE = "No pmxlab server answers here, so the offline tutor answered in your browser.";

/** One tutor per course for the page's lifetime: its notebooks are indexed once. */
const tutors = new Map<string, Promise<OfflineTutor>>();

/**
 * Answers `request` (the `request` of the body `tutorRequestBody` makes) with the offline
 * tutor, indexed on the student-visible text of the course's notebooks as the server indexes
 * them (`loadCoursePassages`). `course` is read on the first question of each course only.
 */
export async function askOfflineTutor(request: unknown, course: string, notebooks: () => Promise<CourseNotebooks>, onText?: (chunk: string) => void): Promise<TutorReplyJson> {
  let tutor = tutors.get(course);
  if (!tutor) {
    tutor = makeTutor(notebooks);
    tutors.set(course, tutor);
    // A chunk that failed to load (the site went away) is tried again at the next question.
    tutor.catch(() => tutors.delete(course));
  }
  const reply = await (await tutor).reply(request as TutorRequest, onText ? { onText } : {});
  return { text: reply.text, backend: reply.backend, hintLevel: reply.hintLevel, computed: reply.computed, notice: OFFLINE_NOTICE };
}

async function makeTutor(notebooks: () => Promise<CourseNotebooks>): Promise<OfflineTutor> {
  const [{ OfflineTutor }, { passagesFromNotebook }, { course, notebooks: files }] = await Promise.all([
    import(/* webpackChunkName: "pmxlab-offline-tutor" */ "@pmxlab/server/offline-tutor"),
    import(/* webpackChunkName: "pmxlab-offline-tutor" */ "@pmxlab/server/retrieval"),
    notebooks(),
  ]);
  const passages = files.flatMap(({ file, content }) => {
    try {
      return passagesFromNotebook(content, { course, notebook: file });
    } catch {
      // A notebook that is not a valid one (a student's broken copy) only narrows what the
      // tutor can quote; the question is still answered.
      return [];
    }
  });
  return new OfflineTutor({ passages });
}
