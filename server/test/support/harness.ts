// Starts the real service (database, HTTP API, gateway) on a random port for a test, and
// reads POST /tutor's server-sent events.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { ServerConfig } from "../../src/config.js";
import { createService, type ServiceParts } from "../../src/service.js";
import type { TutorBackend, TutorReply } from "../../src/tutor/types.js";
import type { TestDatabase } from "./databases.js";

export interface Harness {
  base: string;
  service: Awaited<ReturnType<typeof createService>>;
  /** Every log line the service wrote, as text. */
  logs: string[];
  close(): Promise<void>;
}

export async function startService(database: TestDatabase, config: Partial<ServerConfig>, parts: ServiceParts = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "pmxlab-server-test-"));
  const db = await database.create();
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const service = await createService(
    { dataDir, recordText: true, logStudentCode: false, tutorRatePerMinute: 100, checkRatePerMinute: 1000, submitRatePerMinute: 1000, ...(db.url ? { databaseUrl: db.url } : {}), ...config },
    { logDestination, ...parts },
  );
  await new Promise<void>((resolve) => service.server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`,
    service,
    logs,
    async close() {
      await service.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TutorStream {
  status: number;
  /** The `text` chunks in order (what the student saw while it streamed). */
  chunks: string[];
  reply?: TutorReply;
  error?: string;
  /** The JSON error body of a refused request. */
  refused?: string;
}

/** POSTs to /tutor and collects the event stream until it ends. */
export async function askTutor(base: string, body: unknown, signal?: AbortSignal, onChunk?: (chunk: string) => void): Promise<TutorStream> {
  const response = await fetch(`${base}/tutor`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
  const out: TutorStream = { status: response.status, chunks: [] };
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    out.refused = ((await response.json()) as { error: string }).error;
    return out;
  }
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of response.body!) {
    buffer += decoder.decode(bytes as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!);
      if (event === "text") {
        out.chunks.push(data.chunk);
        onChunk?.(data.chunk);
      } else if (event === "done") out.reply = data;
      else if (event === "error") out.error = data.message;
    }
  }
  return out;
}

/** The test's stand-in for the offline tutor (the real one is another part of the server). */
export const offlineStandIn: TutorBackend = {
  name: "offline",
  async reply(request, options) {
    const text = "Offline tutor: compare your value with the check's feedback above.";
    options?.onText?.(text);
    return { text, backend: "offline", hintLevel: request.hintLevel, computed: [], sources: [] };
  },
};
