// Instructor view routes (docs/hub.md): the class summary as JSON, as a page and as a
// gradebook CSV; and the service's front page for everyone.
import type { Kysely } from "kysely";
import { listCourses } from "../courses-release/publish.js";
import type { ReleaseStore } from "../courses-release/release-store.js";
import type { Database } from "../db/index.js";
import type { Route } from "../http/app.js";
import { json } from "../http/app.js";
import { courseOf, requireInstructor } from "../http/guards.js";
import type { GradeStore } from "../submissions/grade-store.js";
import { classPage } from "./class-page.js";
import { classSummary, releaseExercises } from "./class-summary.js";
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
  return async ({ identity, request, response }, path) => {
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
    const summary = await classSummary(deps.db, course, await deps.roster(), latest ? releaseExercises(latest.files) : [], grades);
    if (m[2] === "/page") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(classPage(summary));
    } else if (m[2] === "/grades.csv") {
      const points = new Map([...grades].map(([user, g]) => [user, new Map(g.exercises.map((e) => [e.id, e.points]))]));
      response.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${course}-grades.csv"` });
      response.end(gradebookCsv(summary, points));
    } else json(response, 200, summary);
    return true;
  };
}
