// A local HTTP server that speaks OpenAI's chat-completions protocol (streaming chunks,
// tool calls, usage, error statuses), scripted turn by turn by the test. It records every
// request body, so tests can see what the real `openai` client sent.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
  tools?: { function: { name: string } }[];
  stream?: boolean;
}

/** One scripted answer: an error status, a stall, or streamed text and/or tool calls. */
export type Turn =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { stall: true }
  | { content?: string; toolCalls?: { name: string; arguments: unknown }[] };

export interface ChatServer {
  url: string;
  requests: ChatRequest[];
  /** Requests whose connection the client closed before the answer ended. */
  aborted: number;
  /** Queue answers; a function is called with the request it answers. */
  script(...turns: (Turn | ((request: ChatRequest) => Turn))[]): void;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatServer> {
  const queue: (Turn | ((request: ChatRequest) => Turn))[] = [];
  const state = { requests: [] as ChatRequest[], aborted: 0 };
  let sequence = 0;
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    state.requests.push(body);
    const next = queue.shift();
    if (!next) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "the test scripted no answer" } }));
      return;
    }
    const turn = typeof next === "function" ? next(body) : next;
    res.on("close", () => {
      if (!res.writableFinished) state.aborted++;
    });
    if ("stall" in turn) return; // never answers: the client's time-out must end it
    if ("status" in turn) {
      res.writeHead(turn.status, { "content-type": "application/json", ...turn.headers }).end(JSON.stringify(turn.body ?? { error: { message: `status ${turn.status}` } }));
      return;
    }
    const id = `chatcmpl-${++sequence}`;
    const chunk = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(chunk({ role: "assistant", content: "" }));
    // Text in small pieces, as a real model streams it (lines arrive split across chunks).
    for (const piece of (turn.content ?? "").match(/[\s\S]{1,7}/g) ?? []) {
      res.write(chunk({ content: piece }));
      await new Promise((r) => setTimeout(r, 1));
    }
    (turn.toolCalls ?? []).forEach((call, index) => {
      const args = JSON.stringify(call.arguments);
      res.write(chunk({ tool_calls: [{ index, id: `call_${sequence}_${index}`, type: "function", function: { name: call.name, arguments: "" } }] }));
      for (const piece of args.match(/[\s\S]{1,10}/g) ?? []) res.write(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    });
    res.write(chunk({}, turn.toolCalls?.length ? "tool_calls" : "stop"));
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: body.model, choices: [], usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 } })}\n\n`);
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    get requests() {
      return state.requests;
    },
    get aborted() {
      return state.aborted;
    },
    script: (...turns) => void queue.push(...turns),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
