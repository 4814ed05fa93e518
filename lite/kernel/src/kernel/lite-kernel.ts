import type { Contents, KernelMessage } from "@jupyterlab/services";
import { BaseKernel, type IKernel } from "@jupyterlite/services";
import { PromiseDelegate } from "@lumino/coreutils";
import type { FromWorker, ToWorker } from "../worker/protocol.js";

/** Options of {@link LiteTypeScriptKernel}. */
export interface LiteKernelOptions extends IKernel.IOptions {
  /** URL of the kernel's worker script (worker.js among the labextension's static files). */
  workerUrl: string;
  /** URL under which the site serves its files (`<base>/files/`). */
  filesUrl: string;
  /** The contents drive, from which local modules (`./checks`) are read. */
  contents: Contents.IManager;
}

type ExecuteReply = KernelMessage.IExecuteReplyMsg["content"];

interface Running {
  id: number;
  done: (reply: ExecuteReply) => void;
}

/**
 * The TypeScript kernel of the JupyterLite site (kernel spec `tslab`): cells run in a web
 * worker (worker/worker.ts), one at a time; output of the worker becomes the kernel's
 * messages. Interrupt stops the worker and starts a new one, losing the variables (a worker
 * running a loop cannot be stopped otherwise); restart is a new kernel, hence a new worker.
 */
export class LiteTypeScriptKernel extends BaseKernel {
  private worker!: Worker;
  private started = new PromiseDelegate<void>();
  private running: Running | undefined;
  private failure: string | undefined;
  private requests = 0;
  private readonly completions = new Map<number, (reply: Extract<FromWorker, { type: "completion" }> | undefined) => void>();
  private executions = 0;
  private typescript = "";

  constructor(private readonly options: LiteKernelOptions) {
    super(options);
    this.startWorker();
  }

  override get ready(): Promise<void> {
    return this.started.promise;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.worker.terminate();
    this.dropCompletions();
    this.finish({ status: "error", ename: "KernelShutdown", evalue: "the kernel was shut down", traceback: [], execution_count: this.executionCount });
    super.dispose();
  }

  /**
   * Stops the cell that is running, if any: its worker is terminated and a new one started,
   * and the cell's output says so (the variables of earlier cells are gone).
   */
  interrupt(): void {
    if (!this.running) return;
    this.worker.terminate();
    this.dropCompletions();
    this.stream({ name: "stderr", text: "Interrupted: the kernel's worker was stopped and a new one started, so the variables of earlier cells are gone. Run the cells above again.\n" });
    this.finish({ status: "error", ename: "KeyboardInterrupt", evalue: "interrupted (worker restarted)", traceback: [], execution_count: this.executionCount });
    this.started = new PromiseDelegate<void>();
    this.failure = undefined;
    this.startWorker();
  }

  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg["content"]> {
    await this.ready.catch(() => undefined);
    return {
      implementation: "pmxlab-lite-tslab",
      implementation_version: "0.1.0",
      language_info: {
        name: "typescript",
        version: this.typescript,
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: { name: "javascript", typescript: true },
      },
      protocol_version: "5.3",
      status: "ok",
      banner: `TypeScript ${this.typescript} in a web worker (pmxlab, JupyterLite)`,
      help_links: [],
    };
  }

  async executeRequest(content: KernelMessage.IExecuteRequestMsg["content"]): Promise<ExecuteReply> {
    await this.ready;
    if (this.failure !== undefined) {
      // The worker did not start: every cell says why rather than wait for ever.
      this.stream({ name: "stderr", text: `${this.failure}\n` });
      return { status: "error", ename: "KernelNotReady", evalue: this.failure, traceback: [], execution_count: this.executionCount };
    }
    const id = ++this.executions;
    return new Promise<ExecuteReply>((done) => {
      this.running = { id, done };
      this.send({ type: "execute", id, code: content.code });
    });
  }

  /** Names of the kernel's variables and globals, or the properties after `a.b.` (the worker answers between cells). */
  async completeRequest(content: KernelMessage.ICompleteRequestMsg["content"]): Promise<KernelMessage.ICompleteReplyMsg["content"]> {
    const none = { matches: [], cursor_start: content.cursor_pos, cursor_end: content.cursor_pos, metadata: {}, status: "ok" as const };
    if (this.failure !== undefined) return none;
    const request = ++this.requests;
    const reply = await new Promise<Extract<FromWorker, { type: "completion" }> | undefined>((resolve) => {
      this.completions.set(request, resolve);
      this.send({ type: "complete", request, code: content.code, cursor: content.cursor_pos });
    });
    return reply ? { ...none, matches: reply.matches, cursor_start: reply.start, cursor_end: reply.end } : none;
  }

  async inspectRequest(): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    return { status: "ok", found: false, data: {}, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg["content"]> {
    return { status: "complete" };
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg["content"]> {
    return { status: "ok", comms: {} };
  }

  inputReply(): void {}
  async commOpen(): Promise<void> {}
  async commMsg(): Promise<void> {}
  async commClose(): Promise<void> {}

  private startWorker(): void {
    const started = this.started;
    const worker = new Worker(this.options.workerUrl, { type: "module" });
    // A worker stopped by an interrupt may still have messages in flight: they are dropped.
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
      if (worker === this.worker) this.receive(event.data);
    });
    worker.addEventListener("error", (event) => {
      if (worker !== this.worker) return;
      // `ready` resolves all the same: JupyterLite waits for it before every message, and a
      // rejection would leave the notebook waiting; executeRequest reports the failure instead.
      this.failure = `the TypeScript kernel's worker failed: ${event.message || `its script ${this.options.workerUrl} did not load`}`;
      if (this.running) this.stream({ name: "stderr", text: `${this.failure}\n` });
      this.dropCompletions();
      this.finish({ status: "error", ename: "KernelDied", evalue: this.failure, traceback: [], execution_count: this.executionCount });
      started.resolve();
    });
    this.worker = worker;
    this.send({ type: "init", location: this.location, filesUrl: this.options.filesUrl });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "ready":
        this.typescript = message.typescript;
        console.debug(`[pmxlab lite kernel] worker ready in ${message.loadMs.toFixed(0)} ms (TypeScript ${message.typescript})`);
        this.started.resolve();
        break;
      case "stream":
        this.stream({ name: message.name, text: message.text });
        break;
      case "display":
        if (message.update) this.updateDisplayData(message.content as KernelMessage.IUpdateDisplayDataMsg["content"]);
        else this.displayData(message.content as KernelMessage.IDisplayDataMsg["content"]);
        break;
      case "result":
        this.publishExecuteResult({ execution_count: this.executionCount, data: { "text/plain": message.text }, metadata: {} });
        break;
      case "completion":
        this.completions.get(message.request)?.(message);
        this.completions.delete(message.request);
        break;
      case "read":
        void this.readFile(message.path).then((text) => this.send({ type: "file", request: message.request, text }));
        break;
      case "done":
        if (this.running?.id !== message.id) break;
        // For whoever measures the kernel (the browser console, at debug level).
        console.debug(`[pmxlab lite kernel] cell ${message.id} transpiled in ${message.transpileMs.toFixed(1)} ms`);
        this.finish(
          message.ok
            ? { status: "ok", execution_count: this.executionCount, user_expressions: {} }
            : { status: "error", ename: message.ename, evalue: message.evalue, traceback: [], execution_count: this.executionCount },
        );
        break;
    }
  }

  /** Pending completions of a worker that is gone get no matches. */
  private dropCompletions(): void {
    for (const resolve of this.completions.values()) resolve(undefined);
    this.completions.clear();
  }

  private finish(reply: ExecuteReply): void {
    const running = this.running;
    this.running = undefined;
    running?.done(reply);
  }

  private async readFile(path: string): Promise<string | undefined> {
    try {
      const model = await this.options.contents.get(path, { content: true, type: "file", format: "text" });
      return typeof model.content === "string" ? model.content : undefined;
    } catch {
      return undefined;
    }
  }
}
