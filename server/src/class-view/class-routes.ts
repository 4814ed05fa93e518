// Instructor view routes (docs/hub.md): the class summary as JSON, as a page and as a
// gradebook CSV; and the service's front page for everyone.
import type { Kysely } from "kysely";
import { listCourses } from "../courses-release/publish.js";
import type { ReleaseStore } from "../courses-release/release-store.js";
import type { Database } from "../db/index.js";
import type { Route } from "../http/app.js";
import type { Logger } from "../http/logger.js";
import { json } from "../http/app.js";
import { courseOf, requireInstructor } from "../http/guards.js";
import type { GradeStore } from "../submissions/grade-store.js";
import { classPage } from "./class-page.js";
import { classSummary, releaseExercises } from "./class-summary.js";
import { courseExercises } from "./course-exercises.js";
import { gradebookCsv } from "./gradebook-csv.js";
import { homePage } from "./home-page.js";

export interface ClassRouteDeps {
  db: Kysely<Database>;
  releases: ReleaseStore;
  grades: GradeStore;
  coursesDir: string;
  /** The class's students (the hub's students group; [] off the hub). */
  roster(): Promise<string[]>;
}

export function classRoutes(deps: ClassRouteDeps): Route {
  return async ({ identity, request, response, log }, path) => {
    if (request.method !== "GET") return false;
    if (path === "/") {
      const body = homePage(identity, await deps.releases.all(), identity.instructor ? listCourses(deps.coursesDir) : []);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(body);
      return true;
    }
    if (path === "/me") {
      json(response, 200, { user: identity.user, instructor: identity.instructor });
      return true;
    }
    const m = /^\/class\/([^/]+)(\/page|\/grades\.csv)?$/.exec(path);
    if (!m) return false;
    requireInstructor(identity, "see the class view");
    const course = courseOf(m[1]!);
    const latest = await deps.releases.contents(course);
    const grades = await deps.grades.latestAll(course);
    const exercises = latest ? releaseExercises(latest.files) : unreleasedExercises(deps.coursesDir, course, log);
    const summary = await classSummary(deps.db, course, await deps.roster(), exercises, grades);
    if (m[2] === "/page") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(classPage(summary, { released: latest !== undefined }));
    } else if (m[2] === "/grades.csv") {
      const points = new Map([...grades].map(([user, g]) => [user, new Map(g.exercises.map((e) => [e.id, e.points]))]));
      response.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${course}-grades.csv"` });
      response.end(gradebookCsv(summary, points));
    } else json(response, 200, summary);
    return true;
  };
}

/** Before the first release the columns are the course's own exercises, if it can be read. */
function unreleasedExercises(coursesDir: string, course: string, log: Logger): string[] {
  try {
    return courseExercises(coursesDir, course);
  } catch (error) {
    log.warn({ course, err: error }, "the course's exercises could not be read; the class view shows none before the first release");
    return [];
  }
}
