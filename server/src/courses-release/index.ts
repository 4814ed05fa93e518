export { ReleaseStore, sha256, type Release, type ReleaseFile } from "./release-store.js";
export { listCourses, MANIFEST, releaseFiles, type CourseEntry } from "./publish.js";
export { syncRelease, type SyncReport } from "./sync-release.js";
export { jupyterContents, UserServerUnavailable, type UserFiles } from "./user-files.js";
export { releaseRoutes, type ReleaseRouteDeps } from "./release-routes.js";
export { pmxlabCli } from "./pmxlab-cli.js";
