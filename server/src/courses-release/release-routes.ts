// The release routes of the hub service (docs/hub.md): instructors publish a course's
// student version; everyone lists releases, reads their files and brings one into their home.
import type { Route } from "../http/app.js";
import { json } from "../http/app.js";
import { HttpError } from "../http/body.js";
import { courseOf, decodeSegment, requireInstructor } from "../http/guards.js";
import type { Identity } from "../http/identity.js";
import { listCourses, releaseFiles } from "./publish.js";
import type { ReleaseStore } from "./release-store.js";
import { syncRelease } from "./sync-release.js";
import { UserServerUnavailable, type UserFiles } from "./user-files.js";

export interface ReleaseRouteDeps {
  releases: ReleaseStore;
  /** The instructor versions of the courses (PMXLAB_COURSES_DIR). */
  coursesDir: string;
  /** The user's files through their own server; undefined when the service cannot reach it (no hub token). */
  userFiles(identity: Identity): UserFiles | undefined;
}

export function releaseRoutes(deps: ReleaseRouteDeps): Route {
  return async ({ identity, request, response, log }, path) => {
    const method = request.method;
    if (method === "GET" && path === "/courses") {
      requireInstructor(identity, "list the courses to release");
      json(response, 200, listCourses(deps.coursesDir));
      return true;
    }
    if (method === "GET" && path === "/releases") {
      json(response, 200, await deps.releases.all());
      return true;
    }
    const m = /^\/releases\/([^/]+)(\/sync|\/files\/(.+))?$/.exec(path);
    if (!m) return false;
    const course = courseOf(m[1]!);
    if (method === "POST" && m[2] === undefined) {
      requireInstructor(identity, "publish a release");
      const release = await deps.releases.publish(course, identity.user, await releaseFiles(deps.coursesDir, course));
      log.info({ course, version: release.version, files: release.files.length }, "release published");
      json(response, 201, release);
      return true;
    }
    if (method === "GET" && m[3] !== undefined) {
      const wanted = decodeSegment(m[3], "file name");
      const found = (await deps.releases.contents(course))?.files.get(wanted);
      if (!found) throw new HttpError(404, `no file ${wanted} in the latest release of ${course}`);
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": found.length });
      response.end(found);
      return true;
    }
    if (method === "POST" && m[2] === "/sync") {
      const latest = await deps.releases.contents(course);
      if (!latest) throw new HttpError(404, `${course} has no release yet`);
      const files = deps.userFiles(identity);
      if (!files) throw new HttpError(409, "the service cannot reach your Jupyter server here (sign in through the hub)");
      try {
        const report = await syncRelease(latest.release, latest.files, files, course);
        log.info({ course, version: report.version, added: report.added.length, updated: report.updated.length, beside: report.beside.length }, "release synced");
        json(response, 200, report);
      } catch (error) {
        if (error instanceof UserServerUnavailable) throw new HttpError(409, error.message);
        throw error;
      }
      return true;
    }
    return false;
  };
}
