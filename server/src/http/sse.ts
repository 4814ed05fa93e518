// Server-sent events: `text` events carry reply chunks as they pass the guards; one `done`
// event carries the final TutorReply, whose text replaces the streamed text (a guard or a
// fallback may have changed it); `error` ends a failed reply.
import type { ServerResponse } from "node:http";

export function startEvents(response: ServerResponse): (event: string, data: unknown) => void {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    // Tells proxies in between (jupyter-server-proxy, nginx) not to buffer the stream.
    "x-accel-buffering": "no",
  });
  response.flushHeaders();
  return (event, data) => {
    if (!response.writableEnded) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}
