// The tutor backed by a local GGUF model file, served in-process by node-llama-cpp (CPU, the
// prebuilt linux-x64 binary; no download at run time). No grounding tools: small local
// models do not call them reliably, so the leak guard and the number guard (with nothing
// computed, it cannot correct) run on the reply as for the gateway.
import { basename } from "node:path";
import type { Llama, LlamaModel } from "node-llama-cpp";
import { tutorMessages } from "../tutor/context.js";
import { ReplyGuard } from "../tutor/reply-guard.js";
import type { SolutionLookup } from "../tutor/solution.js";
import type { TutorBackend, TutorReply, TutorRequest } from "../tutor/types.js";
import { LocalModelError, UpstreamTimeout } from "./failure.js";

export interface GgufTutorOptions {
  /** The .gguf file (PMXLAB_LLM_GGUF). */
  file: string;
  solutions: SolutionLookup;
  /** Deadline for one reply (ms). */
  timeoutMs: number;
  /** Longest reply, in tokens (default 512). */
  maxTokens?: number;
  /** CPU threads for one reply (default 1: on a shared machine more threads spin and slow everyone). */
  threads?: number;
}

export class GgufTutor implements TutorBackend {
  readonly name: string;
  private loading?: Promise<{ llama: Llama; model: LlamaModel }>;

  constructor(private readonly options: GgufTutorOptions) {
    this.name = `gguf:${basename(options.file)}`;
  }

  async reply(request: TutorRequest, { signal, onText }: { signal?: AbortSignal; onText?: (chunk: string) => void } = {}): Promise<TutorReply> {
    const { model } = await this.load();
    const { LlamaChatSession } = await import("node-llama-cpp");
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const context = await model.createContext({ contextSize: Math.min(8192, model.trainContextSize), threads: this.options.threads ?? 1 });
    try {
      const [system, ...rest] = tutorMessages(request);
      const question = rest.pop()!;
      const session = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: system!.content });
      session.setChatHistory([
        { type: "system", text: system!.content },
        ...rest.map((m) => (m.role === "user" ? { type: "user" as const, text: m.content } : { type: "model" as const, response: [m.content] })),
      ]);
      const solution = request.exercise ? this.options.solutions(request.exercise.id) : undefined;
      const guard = new ReplyGuard(request, solution, () => [], (chunk) => onText?.(chunk));
      try {
        await session.prompt(question.content, { maxTokens: this.options.maxTokens ?? 512, temperature: 0, signal: abort, onTextChunk: (chunk) => guard.push(chunk) });
      } catch (error) {
        if (deadline.aborted && !signal?.aborted) throw new UpstreamTimeout(this.options.timeoutMs);
        throw error;
      }
      const final = guard.finish();
      const reply: TutorReply = { text: final.text, backend: this.name, hintLevel: request.kind === "hint" ? request.hintLevel + 1 : request.hintLevel, computed: [], sources: [] };
      if (final.notice) reply.notice = final.notice;
      return reply;
    } finally {
      await context.dispose();
    }
  }

  /** Loads the model once; a file that does not load is a LocalModelError (the offline tutor covers it). */
  private load(): Promise<{ llama: Llama; model: LlamaModel }> {
    this.loading ??= (async () => {
      try {
        const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
        // build: "never" — use the prebuilt binary; never compile or download llama.cpp at run time.
        const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
        return { llama, model: await llama.loadModel({ modelPath: this.options.file }) };
      } catch (error) {
        throw new LocalModelError(this.options.file, error);
      }
    })();
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}
