// Puts the server together from its configuration: database, records, settings, backends
// and the HTTP API. `main.ts` calls this; tests call it with their own config and backends.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DestinationStream } from "pino";
import { classRoutes } from "./class-view/index.js";
import { jupyterContents, ReleaseStore, releaseRoutes, type UserFiles } from "./courses-release/index.js";
import type { ServerConfig } from "./config.js";
import { openDatabase } from "./db/index.js";
import { draftingService } from "./drafting/index.js";
import { courseChecks, expectedValues, type CheckLookup } from "./grounding/index.js";
import { createApp } from "./http/app.js";
import { exerciseScope } from "./http/exercise-scope.js";
import { perUserRate } from "./http/rate-limit.js";
import { singleUser, type Identity, type IdentityProvider } from "./http/identity.js";
import { groupMembers, hubIdentity, hubOAuth, Sessions, type HubSettings } from "./hub/index.js";
import { createLogger } from "./http/logger.js";
import { backendSelector } from "./llm/index.js";
import { Records } from "./records/index.js";
import { CourseSettingsStore } from "./settings/index.js";
import { GradeStore, GradingJobs, GradingJobStore, SubmissionStore, submissionRoutes, systemUser, type GradingOptions } from "./submissions/index.js";
import { courseSolutions, withAnswerValues, type SolutionLookup } from "./tutor/solution.js";
import type { TutorBackend } from "./tutor/types.js";

export interface ServiceParts {
  /** The offline tutor (also the fallback when the LLM endpoint fails). */
  offline?: TutorBackend;
  identity?: IdentityProvider;
  solutions?: SolutionLookup;
  checks?: CheckLookup;
  logDestination?: DestinationStream;
  /** Run as a JupyterHub service: hub OAuth identities, groups as roles, users' servers reachable. */
  hub?: HubSettings;
  /** A user's files through their own server (default on a hub: the contents API with their token). */
  userFiles?: (identity: Identity) => UserFiles | undefined;
  /** The class's students (default on a hub: the students group). */
  roster?: () => Promise<string[]>;
  /** Grading limits and where the grader runs (see submissions/grading.ts). */
  grading?: Partial<GradingOptions>;
}

/** The repository's node_modules (server/src or server/dist → the root). */
const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "node_modules");

/** The assembled service: an HTTP server to listen with, and `close` for the database. */
export async function createService(config: ServerConfig, parts: ServiceParts = {}) {
  const log = createLogger(parts.logDestination);
  const { db, kind } = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    sqlitePath: join(config.dataDir, "pmxlab.sqlite"),
    onConnectionLost: (error) => log.warn({ err: error }, "database connection lost while idle; the next query opens a new one"),
  });
  const records = new Records(db, config.recordText);
  const settings = new CourseSettingsStore(db);
  const checks: CheckLookup =
    parts.checks ?? (config.coursesDir ? courseChecks(config.coursesDir, (course, error) => log.warn({ course, err: error }, "the course's checks could not be loaded; run_check is not offered for it")) : () => undefined);
  // The leak guard knows each solution's code (from the notebooks) and values (what its check expects).
  const solutions =
    parts.solutions ??
    (config.coursesDir
      ? withAnswerValues(courseSolutions(config.coursesDir), (id) => {
          const check = checks(id);
          return check ? expectedValues(check) : [];
        })
      : () => undefined);
  const tutorFor = backendSelector(config, {
    ...(parts.offline ? { offline: parts.offline } : {}),
    solutions,
    checks,
    onFallback: (reason, error) => log.warn({ reason, err: error }, "LLM endpoint failed; the offline tutor answers"),
  });
  const hub = parts.hub;
  const sessions = new Sessions();
  const oauth = hub ? hubOAuth(hub, sessions) : undefined;
  const releases = new ReleaseStore(db);
  const submissions = new SubmissionStore(db);
  const grades = new GradeStore(db);
  const coursesDir = config.coursesDir ?? "";
  const grading = new GradingJobs(
    submissions,
    grades,
    new GradingJobStore(db),
    {
      coursesDir,
      nodeModules: NODE_MODULES,
      // Students' code never runs with the service's rights: as root, grade as an unprivileged user.
      ...(process.getuid?.() === 0 ? { as: systemUser(process.env.PMXLAB_GRADER_USER || "nobody") } : {}),
      ...parts.grading,
    },
    log,
  );
  await grading.recover();
  const userFiles =
    parts.userFiles ?? (hub ? (identity: Identity) => (identity.token ? jupyterContents(`${hub.publicUrl}/user/${encodeURIComponent(identity.user)}/`, identity.token) : undefined) : () => undefined);
  const roster = parts.roster ?? (hub ? () => groupMembers(hub, hub.studentGroup) : async () => []);
  const server = createApp({
    records,
    settings,
    identity: parts.identity ?? (hub ? hubIdentity(hub, sessions) : singleUser()),
    ...(hub ? { prefix: hub.prefix, publicRoute: oauth!.route, unauthenticated: oauth!.redirectToLogin } : {}),
    routes: [releaseRoutes({ releases, coursesDir, userFiles }), submissionRoutes({ submissions, grades, grading, releases, rateLimit: perUserRate(config.submitRatePerMinute, "submissions") }), classRoutes({ db, releases, grades, coursesDir, roster })],
    log,
    tutorFor,
    draft: draftingService(config),
    tutorRatePerMinute: config.tutorRatePerMinute,
    checkRatePerMinute: config.checkRatePerMinute,
    logStudentCode: config.logStudentCode,
    exerciseScope: exerciseScope(config.coursesDir, (course, error) => log.warn({ course, err: error }, "the course's exercises could not be read; its exercise ids are held to the course prefix only")),
    health: async () => ({ database: kind, llm: tutorFor({ course: "", tutorOff: false, hintBudgets: {} })?.name ?? "none" }),
  });
  return {
    server,
    records,
    settings,
    releases,
    submissions,
    grades,
    grading,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
