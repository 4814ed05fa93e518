// POST /tutor: validates the request, applies the course's settings, streams the reply as
// server-sent events and records the exchange. Closing the connection stops the reply
// (the upstream request is aborted).
import type { TutorRequest } from "../tutor/types.js";
import { refusalFor } from "../tutor/policy.js";
import type { Context } from "./app.js";
import { HttpError, readJson } from "./body.js";
import { tutorBody } from "./schemas.js";
import { startEvents } from "./sse.js";

export async function tutorRoute({ deps, request, response, identity, log }: Context): Promise<void> {
  const body = await readJson(request, tutorBody);
  const tutorRequest = body.request as TutorRequest;
  const exercise = tutorRequest.exercise?.id;
  if (exercise !== undefined) deps.exerciseScope(body.course, exercise);
  const settings = await deps.settings.get(body.course);
  const hintsGiven = exercise === undefined ? 0 : await deps.records.hintsGiven(identity.user, body.course, exercise);
  const refused = refusalFor(settings, tutorRequest, hintsGiven);
  if (refused) throw new HttpError(403, refused);
  const backend = deps.tutorFor(settings);
  if (!backend) throw new HttpError(503, "no tutor backend is configured on this server");
  if (deps.logStudentCode) log.debug({ studentCode: tutorRequest.code, exercise }, "tutor request code");

  const stop = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) stop.abort();
  });
  const send = startEvents(response);
  const started = performance.now();
  try {
    const reply = await backend.reply(tutorRequest, { signal: stop.signal, onText: (chunk) => send("text", { chunk }) });
    const latencyMs = performance.now() - started;
    await deps.records.addExchange({
      user: identity.user,
      course: body.course,
      ...(exercise === undefined ? {} : { exercise }),
      kind: tutorRequest.kind,
      attempt: body.attempt,
      hintLevel: reply.hintLevel,
      backend: reply.backend,
      ...(reply.notice === undefined ? {} : { notice: reply.notice }),
      ...(reply.usage === undefined ? {} : { tokens: reply.usage }),
      latencyMs,
      question: tutorRequest.question,
      reply: reply.text,
    });
    log.info({ exercise, kind: tutorRequest.kind, backend: reply.backend, notice: reply.notice, ms: Math.round(latencyMs), tokens: reply.usage }, "tutor reply");
    send("done", reply);
  } catch (error) {
    if (stop.signal.aborted) {
      log.info({ exercise }, "tutor reply stopped by the client");
      return;
    }
    log.error({ err: error, exercise, backend: backend.name }, "tutor reply failed");
    send("error", { message: "the tutor could not answer; try again" });
  } finally {
    response.end();
  }
}
