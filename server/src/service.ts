// Puts the server together from its configuration: database, records, settings, backends
// and the HTTP API. `main.ts` calls this; tests call it with their own config and backends.
import { join } from "node:path";
import type { DestinationStream } from "pino";
import type { ServerConfig } from "./config.js";
import { openDatabase } from "./db/index.js";
import { draftingService } from "./drafting/index.js";
import { courseChecks, expectedValues, type CheckLookup } from "./grounding/index.js";
import { createApp } from "./http/app.js";
import { singleUser, type IdentityProvider } from "./http/identity.js";
import { createLogger } from "./http/logger.js";
import { backendSelector } from "./llm/index.js";
import { Records } from "./records/index.js";
import { CourseSettingsStore } from "./settings/index.js";
import { courseSolutions, withAnswerValues, type SolutionLookup } from "./tutor/solution.js";
import type { TutorBackend } from "./tutor/types.js";

export interface ServiceParts {
  /** The offline tutor (also the fallback when the LLM endpoint fails). */
  offline?: TutorBackend;
  identity?: IdentityProvider;
  solutions?: SolutionLookup;
  checks?: CheckLookup;
  logDestination?: DestinationStream;
}

/** The assembled service: an HTTP server to listen with, and `close` for the database. */
export async function createService(config: ServerConfig, parts: ServiceParts = {}) {
  const log = createLogger(parts.logDestination);
  const { db, kind } = await openDatabase({ ...(config.databaseUrl ? { url: config.databaseUrl } : {}), sqlitePath: join(config.dataDir, "pmxlab.sqlite") });
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
  const server = createApp({
    records,
    settings,
    identity: parts.identity ?? singleUser(),
    log,
    tutorFor,
    draft: draftingService(config),
    tutorRatePerMinute: config.tutorRatePerMinute,
    logStudentCode: config.logStudentCode,
    health: async () => ({ database: kind, llm: tutorFor({ course: "", tutorOff: false, hintBudgets: {} })?.name ?? "none" }),
  });
  return {
    server,
    records,
    settings,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
