import { URLExt } from "@jupyterlab/coreutils";
import { ServerConnection } from "@jupyterlab/services";
import { classRequest, classServiceUrl } from "../hub/classService.js";
import type { ComputedNumber } from "./conversation.js";

/** The server's final reply (the `done` event of POST /tutor; docs/server.md). */
export interface TutorReplyJson {
  text: string;
  backend: string;
  hintLevel: number;
  computed: ComputedNumber[];
  notice?: string;
}

/**
 * Asks pmxlab's server (`<base>/pmxlab-server/tutor`, behind Jupyter's auth through
 * jupyter-server-proxy; on a hub the class service, which has the LLM key and the class's
 * records) and reads its server-sent events: `onText` gets the reply as it
 * streams; the promise gives the final reply, whose text replaces the streamed one. A
 * refusal (exam mode, hint budget, rate limit) rejects with the server's message.
 */
export async function askTutorServer(
  body: unknown,
  options: { signal?: AbortSignal; onText?: (chunk: string) => void; settings?: ServerConnection.ISettings } = {},
): Promise<TutorReplyJson> {
  const settings = options.settings ?? ServerConnection.makeSettings();
  const url = URLExt.join(settings.baseUrl, "pmxlab-server", "tutor");
  // jupyter-server-proxy passes a response on chunk by chunk only when the request accepts
  // text/event-stream; otherwise it buffers the whole reply.
  const init: RequestInit = { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", accept: "text/event-stream" } };
  if (options.signal) init.signal = options.signal;
  const response = classServiceUrl() ? await classRequest("tutor", init) : await ServerConnection.makeRequest(url, init, settings);
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const error = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(error.error ?? `the tutor's server answered ${response.status}`);
  }
  return readEvents(response.body!, options.onText);
}

/** Reads `text`, `done` and `error` events from a server-sent event stream. */
export async function readEvents(stream: ReadableStream<Uint8Array>, onText?: (chunk: string) => void): Promise<TutorReplyJson> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === undefined || data === undefined) continue;
      const parsed = JSON.parse(data) as { chunk?: string; message?: string } & TutorReplyJson;
      if (event === "text") onText?.(parsed.chunk ?? "");
      else if (event === "done") return parsed;
      else if (event === "error") throw new Error(parsed.message ?? "the tutor could not answer");
    }
  }
  throw new Error("the tutor's reply ended before it was complete");
}
