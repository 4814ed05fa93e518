// The HTTP API (node:http): routing, identity, rate limits, error answers and access logs.
// Routes: GET /health, POST /tutor (server-sent events), POST /draft, POST /records/check,
// GET and PUT /settings/<course>; on a hub also the class routes each concept adds
// (`routes`) and the OAuth login (`publicRoute`). See docs/server.md and docs/hub.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { DraftAnswer } from "../drafting/index.js";
import type { Records } from "../records/index.js";
import type { CourseSettings, CourseSettingsStore } from "../settings/index.js";
import type { TutorBackend } from "../tutor/types.js";
import { HttpError, readJson } from "./body.js";
import type { Identity, IdentityProvider } from "./identity.js";
import type { Logger } from "./logger.js";
import type { ExerciseScope } from "./exercise-scope.js";
import { courseOf } from "./guards.js";
import { perUserRate, type RateLimit } from "./rate-limit.js";
import { checkBody, draftBody, settingsBody } from "./schemas.js";
import { tutorRoute } from "./tutor-route.js";

export interface AppDeps {
  records: Records;
  settings: CourseSettingsStore;
  identity: IdentityProvider;
  log: Logger;
  /** The backend for a course (its model setting applied); undefined when none is configured. */
  tutorFor(settings: CourseSettings): TutorBackend | undefined;
  /** Model drafting: a description in words → verified model text, or the errors. */
  draft(description: string, signal?: AbortSignal): Promise<DraftAnswer>;
  tutorRatePerMinute: number;
  /** POST /records/check per user per minute: each is a row written to the database. */
  checkRatePerMinute: number;
  logStudentCode: boolean;
  /** Refuses an exercise id that is not the course's (see exerciseScope). */
  exerciseScope: ExerciseScope;
  /** What GET /health reports besides `status`. */
  health(): Promise<Record<string, unknown>>;
  /** The URL prefix the proxy passes on (a hub service's `/services/<name>/`); stripped before routing. */
  prefix?: string;
  /** Answered before anyone is identified (the OAuth login and callback); true when it answered. */
  publicRoute?(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<boolean>;
  /** A request without a user: true when it answered (a page visit sent to the hub's login); else 401. */
  unauthenticated?(request: IncomingMessage, response: ServerResponse): boolean;
  /** Further routes for identified users, tried in order after the built-in ones. */
  routes?: Route[];
}

/** A route of an identified user: true when it answered the request. */
export type Route = (ctx: Context, path: string, query: URLSearchParams) => Promise<boolean>;

export interface Context {
  deps: AppDeps;
  request: IncomingMessage;
  response: ServerResponse;
  identity: Identity;
  log: Logger;
}

/** The API as a node:http server (not yet listening). */
export function createApp(deps: AppDeps): Server {
  const limits: Limits = { tutor: perUserRate(deps.tutorRatePerMinute, "tutor requests"), checks: perUserRate(deps.checkRatePerMinute, "check records") };
  const server = createServer((request, response) => {
    const started = performance.now();
    handle(deps, limits, request, response)
      .catch((error: unknown) => {
        const known = error instanceof HttpError;
        if (!known) deps.log.error({ err: error, path: pathOf(request, deps.prefix) }, "request failed");
        // A 5xx the server knows (the hub is down) is still the operator's to hear about.
        else if (error.status >= 500) deps.log.warn({ err: error, path: pathOf(request, deps.prefix) }, "request not served");
        if (!response.headersSent) json(response, known ? error.status : 500, { error: known ? error.message : "internal error" }, known ? error.headers : {});
        else response.end();
      })
      .finally(() => {
        deps.log.info({ method: request.method, path: pathOf(request, deps.prefix), status: response.statusCode, ms: Math.round(performance.now() - started) }, "request");
      });
  });
  // Slow clients cannot hold a connection open forever; the tutor's stream is bounded by the LLM time-out.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

interface Limits {
  tutor: RateLimit;
  checks: RateLimit;
}

async function handle(deps: AppDeps, limits: Limits, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = pathOf(request, deps.prefix);
  const query = new URL(request.url ?? "/", "http://localhost").searchParams;
  if (request.method === "GET" && path === "/health") return json(response, 200, { status: "ok", ...(await deps.health()) });
  if (deps.publicRoute && (await deps.publicRoute(request, response, path, query))) return;

  const identity = await deps.identity(request);
  if (!identity) {
    if (deps.unauthenticated?.(request, response)) return;
    throw new HttpError(401, "not signed in");
  }
  const ctx: Context = { deps, request, response, identity, log: deps.log.child({ user: identity.user }) };

  if (request.method === "POST" && path === "/tutor") {
    await limits.tutor(identity.user);
    return tutorRoute(ctx);
  }
  if (request.method === "POST" && path === "/draft") {
    await limits.tutor(identity.user);
    const { description } = await readJson(request, draftBody);
    // A client that goes away stops the drafting (and its upstream request).
    const stop = new AbortController();
    response.on("close", () => stop.abort());
    return json(response, 200, await deps.draft(description, stop.signal));
  }
  if (request.method === "POST" && path === "/records/check") {
    await limits.checks(identity.user);
    const body = await readJson(request, checkBody);
    deps.exerciseScope(body.course, body.exercise);
    await deps.records.addCheck({ user: identity.user, course: body.course, exercise: body.exercise, attempt: body.attempt, result: body.result, ...(body.latencyMs === undefined ? {} : { latencyMs: body.latencyMs }) });
    return json(response, 201, { recorded: true });
  }
  const settingsPath = /^\/settings\/([^/]+)$/.exec(path);
  if (settingsPath) {
    const course = courseOf(settingsPath[1]!);
    if (request.method === "GET") return json(response, 200, await deps.settings.get(course));
    if (request.method === "PUT") {
      if (!identity.instructor) throw new HttpError(403, "only an instructor may change course settings");
      const change = await readJson(request, settingsBody);
      for (const exercise of Object.keys(change.hintBudgets ?? {})) deps.exerciseScope(course, exercise);
      const { model, ...rest } = change;
      const update = model === undefined ? rest : { ...rest, ...(model === null ? { model: undefined } : { model }) };
      return json(response, 200, await deps.settings.update(course, update));
    }
  }
  for (const route of deps.routes ?? []) if (await route(ctx, path, query)) return;
  throw new HttpError(404, `no route ${request.method} ${path}`);
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}

function pathOf(request: IncomingMessage, prefix?: string): string {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (!prefix) return path;
  if (path.startsWith(prefix)) return "/" + path.slice(prefix.length);
  return path === prefix.replace(/\/$/, "") ? "/" : path;
}
