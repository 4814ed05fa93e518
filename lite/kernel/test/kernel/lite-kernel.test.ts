import { KernelMessage, type Contents } from "@jupyterlab/services";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LiteTypeScriptKernel } from "../../src/kernel/lite-kernel.js";
import type { FromWorker, ToWorker } from "../../src/worker/protocol.js";

/** Stands in for the browser's Worker: records what the kernel posts and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly posted: ToWorker[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    for (const l of this.listeners.get("message") ?? []) l({ data: message });
  }
  fail(message: string): void {
    for (const l of this.listeners.get("error") ?? []) l({ message });
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
beforeEach(() => {
  FakeWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
});

const files: Record<string, string> = { "course/checks.ts": "export const x = 1;" };
const contents = {
  get: async (path: string) => {
    if (!(path in files)) throw new Error("404");
    return { content: files[path] };
  },
} as unknown as Contents.IManager;

function kernel() {
  const sent: KernelMessage.IMessage[] = [];
  const k = new LiteTypeScriptKernel({ id: "k1", name: "tslab", location: "course", sendMessage: (m) => sent.push(m), workerUrl: "w.js", filesUrl: "/files/", contents });
  return { k, sent, worker: () => FakeWorker.made[FakeWorker.made.length - 1] };
}

function executeRequest(code: string): KernelMessage.IExecuteRequestMsg {
  return KernelMessage.createMessage<KernelMessage.IExecuteRequestMsg>({
    channel: "shell",
    msgType: "execute_request",
    session: "s",
    content: { code, silent: false, store_history: true, allow_stdin: false, stop_on_error: true, user_expressions: {} },
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const of = (sent: KernelMessage.IMessage[], type: string) => sent.filter((m) => m.header.msg_type === type);

describe("LiteTypeScriptKernel", () => {
  it("starts its worker in the notebook's folder and turns the worker's output into kernel messages", async () => {
    const { k, sent, worker } = kernel();
    expect(worker().posted[0]).toEqual({ type: "init", location: "course", filesUrl: "/files/" });
    worker().reply({ type: "ready", typescript: "5.9.3", loadMs: 1 });
    const handled = k.handleMessage(executeRequest("1 + 1"));
    await tick();
    const execute = worker().posted.find((m) => m.type === "execute") as Extract<ToWorker, { type: "execute" }>;
    expect(execute.code).toBe("1 + 1");
    worker().reply({ type: "stream", id: execute.id, name: "stdout", text: "hi\n" });
    worker().reply({ type: "display", id: execute.id, content: { data: { "text/html": "<b/>" }, metadata: {}, transient: {} }, update: false });
    worker().reply({ type: "result", id: execute.id, text: "2" });
    worker().reply({ type: "done", id: execute.id, ok: true, transpileMs: 1 });
    await handled;
    expect((of(sent, "stream")[0].content as { text: string }).text).toBe("hi\n");
    expect((of(sent, "display_data")[0].content as { data: object }).data).toEqual({ "text/html": "<b/>" });
    expect((of(sent, "execute_result")[0].content as { data: object }).data).toEqual({ "text/plain": "2" });
    expect((of(sent, "execute_reply")[0].content as { status: string }).status).toBe("ok");
  });

  it("a failed cell replies with status error and the error's name", async () => {
    const { k, sent, worker } = kernel();
    worker().reply({ type: "ready", typescript: "5.9.3", loadMs: 1 });
    const handled = k.handleMessage(executeRequest("boom()"));
    await tick();
    worker().reply({ type: "done", id: 1, ok: false, ename: "ReferenceError", evalue: "boom is not defined", transpileMs: 1 });
    await handled;
    expect(of(sent, "execute_reply")[0].content).toMatchObject({ status: "error", ename: "ReferenceError", evalue: "boom is not defined" });
  });

  it("interrupt stops the running cell's worker, starts a new one, and says so", async () => {
    const { k, sent, worker } = kernel();
    const first = worker();
    first.reply({ type: "ready", typescript: "5.9.3", loadMs: 1 });
    const handled = k.handleMessage(executeRequest("while (true) {}"));
    await tick();
    k.interrupt();
    await handled;
    expect(first.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    expect((of(sent, "stream")[0].content as { name: string; text: string }).text).toMatch(/^Interrupted: .*variables of earlier cells are gone/);
    expect(of(sent, "execute_reply")[0].content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    // What the stopped worker still sends is dropped.
    first.reply({ type: "stream", id: 1, name: "stdout", text: "late\n" });
    expect(of(sent, "stream")).toHaveLength(1);
    // The new worker runs the next cell.
    worker().reply({ type: "ready", typescript: "5.9.3", loadMs: 1 });
    const next = k.handleMessage(executeRequest("2"));
    await tick();
    expect(worker().posted.some((m) => m.type === "execute" && m.code === "2")).toBe(true);
    worker().reply({ type: "done", id: 2, ok: true, transpileMs: 1 });
    await next;
    expect(of(sent, "execute_reply")[1].content).toMatchObject({ status: "ok" });
  });

  it("interrupt with no cell running leaves the worker alone", () => {
    const { k, worker } = kernel();
    k.interrupt();
    expect(worker().terminated).toBe(false);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it("a worker that does not load makes every cell fail with the reason, without waiting", async () => {
    const { k, sent, worker } = kernel();
    worker().fail("");
    await k.handleMessage(executeRequest("1"));
    expect((of(sent, "stream")[0].content as { text: string }).text).toMatch(/worker failed: its script w\.js did not load/);
    expect(of(sent, "execute_reply")[0].content).toMatchObject({ status: "error", ename: "KernelNotReady" });
  });

  it("answers the worker's file reads from the contents drive (undefined when missing)", async () => {
    const { worker } = kernel();
    worker().reply({ type: "read", request: 1, path: "course/checks.ts" });
    worker().reply({ type: "read", request: 2, path: "course/none.ts" });
    await tick();
    await tick();
    expect(worker().posted.filter((m) => m.type === "file")).toEqual([
      { type: "file", request: 1, text: "export const x = 1;" },
      { type: "file", request: 2, text: undefined },
    ]);
  });

  it("asks the worker for completions and passes its answer on; none once the worker is gone", async () => {
    const { k, worker } = kernel();
    worker().reply({ type: "ready", typescript: "5.9.3", loadMs: 1 });
    const asked = k.completeRequest({ code: "sim", cursor_pos: 3 });
    await tick();
    const request = worker().posted.find((m) => m.type === "complete") as Extract<ToWorker, { type: "complete" }>;
    expect(request).toMatchObject({ code: "sim", cursor: 3 });
    worker().reply({ type: "completion", request: request.request, matches: ["sim", "simulate"], start: 0, end: 3 });
    expect(await asked).toMatchObject({ matches: ["sim", "simulate"], cursor_start: 0, cursor_end: 3, status: "ok" });
    const pending = k.completeRequest({ code: "x", cursor_pos: 1 });
    k.dispose();
    expect((await pending).matches).toEqual([]);
  });

  it("dispose terminates the worker", () => {
    const { k, worker } = kernel();
    k.dispose();
    expect(worker().terminated).toBe(true);
  });
});
