// Submissions, grading and feedback routes of the hub service (docs/hub.md). A student
// submits and reads only their own; instructors grade and read anyone's.
import { z } from "zod";
import { notebookSchema } from "@pmxlab/kernel/exercise";
import type { ReleaseStore } from "../courses-release/release-store.js";
import type { Route } from "../http/app.js";
import { json } from "../http/app.js";
import { HttpError, readJson } from "../http/body.js";
import { courseOf, requireInstructor, subjectOf } from "../http/guards.js";
import type { RateLimit } from "../http/rate-limit.js";
import type { GradeStore } from "./grade-store.js";
import type { GradingJobs } from "./grading.js";
import type { SubmissionStore } from "./submission-store.js";

const MAX_NOTEBOOK = 5 * 1024 * 1024;

// The notebook checked as the grader reads it (the kernel's nbformat 4 schema, other keys kept
// as they came): a submission it cannot read is refused now, with a message, not at grading
// time with the runner's error.
const submissionBody = z.object({
  notebook: z.string().min(1).max(300),
  content: notebookSchema.refine((n) => n.cells.length <= 10_000, "a notebook has at most 10,000 cells"),
});

export interface SubmissionRouteDeps {
  submissions: SubmissionStore;
  grades: GradeStore;
  grading: GradingJobs;
  releases: ReleaseStore;
  /** Each submission is up to 5 MiB written to the database: a per-user budget of them. */
  rateLimit: RateLimit;
}

export function submissionRoutes(deps: SubmissionRouteDeps): Route {
  return async ({ identity, request, response, log }, path, query) => {
    const m = /^\/(submissions|grading|feedback)\/([^/]+)$/.exec(path);
    if (!m) return false;
    const course = courseOf(m[2]!);
    const method = request.method;
    if (m[1] === "submissions" && method === "POST") {
      await deps.rateLimit(identity.user);
      const body = await readJson(request, submissionBody, MAX_NOTEBOOK);
      const release = await deps.releases.latest(course);
      if (!release) throw new HttpError(404, `${course} has no release to submit to`);
      // Only a notebook of the release: the name becomes a file name in the grading folder.
      if (!body.notebook.endsWith(".ipynb") || !release.files.some((f) => f.path === body.notebook)) {
        throw new HttpError(400, `"${body.notebook}" is not a notebook of ${course}'s release (${release.files.filter((f) => f.path.endsWith(".ipynb")).map((f) => f.path).join(", ")})`);
      }
      const saved = await deps.submissions.add(identity.user, course, body.notebook, JSON.stringify(body.content));
      log.info({ course, notebook: body.notebook, bytes: saved.bytes }, "submitted");
      json(response, 201, saved);
      return true;
    }
    if (m[1] === "submissions" && method === "GET") {
      json(response, 200, await deps.submissions.list(subjectOf(identity, query), course));
      return true;
    }
    if (m[1] === "grading" && method === "POST") {
      requireInstructor(identity, "grade a class");
      const job = await deps.grading.start(course, identity.user);
      if (!job) throw new HttpError(409, `a grading of ${course} is already running`);
      json(response, 202, job);
      return true;
    }
    if (m[1] === "grading" && method === "GET") {
      requireInstructor(identity, "see grading jobs");
      const job = await deps.grading.status(course);
      if (!job) throw new HttpError(404, `${course} has not been graded yet`);
      json(response, 200, job);
      return true;
    }
    if (m[1] === "feedback" && method === "GET") {
      const user = subjectOf(identity, query);
      const grade = await deps.grades.latest(course, user);
      if (!grade) throw new HttpError(404, `no grade for ${user} in ${course} yet`);
      json(response, 200, grade);
      return true;
    }
    return false;
  };
}
