// The tutor backed by any OpenAI-compatible chat-completions endpoint: streams the reply,
// lets the model call the grounding tools (which run @pmxlab/kernel), and passes every
// line through the reply guard before the student sees it.
import type OpenAI from "openai";
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall } from "openai/resources/chat/completions";
import { runTool, toolSpec, type GroundingTool } from "../grounding/index.js";
import { tutorMessages } from "../tutor/context.js";
import { ReplyGuard } from "../tutor/reply-guard.js";
import type { SolutionLookup } from "../tutor/solution.js";
import type { ComputedValue, TutorBackend, TutorReply, TutorRequest } from "../tutor/types.js";
import { UpstreamTimeout } from "./failure.js";

export interface OpenAiTutorOptions {
  client: OpenAI;
  model: string;
  /** The tools offered for a request (the check tool only when the exercise's check is known). */
  tools: (request: TutorRequest) => GroundingTool[];
  solutions: SolutionLookup;
  /** Deadline for one whole reply, tool rounds and streaming included (ms). */
  timeoutMs: number;
  /** Tool-call rounds allowed before the model must answer (default 4). */
  maxToolRounds?: number;
}

type ToolCall = Extract<ChatCompletionMessageToolCall, { type: "function" }>;

export class OpenAiTutor implements TutorBackend {
  readonly name: string;

  constructor(private readonly options: OpenAiTutorOptions) {
    this.name = `openai:${options.model}`;
  }

  async reply(request: TutorRequest, { signal, onText }: { signal?: AbortSignal; onText?: (chunk: string) => void } = {}): Promise<TutorReply> {
    const { client, model, timeoutMs } = this.options;
    const deadline = AbortSignal.timeout(timeoutMs);
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const tools = this.options.tools(request);
    const byName = new Map(tools.map((t) => [t.name, t]));
    const computed: ComputedValue[] = [];
    const messages: ChatCompletionMessageParam[] = tutorMessages(request);
    const solution = request.exercise ? this.options.solutions(request.exercise.id) : undefined;
    const guard = new ReplyGuard(request, solution, () => computed, (chunk) => onText?.(chunk));
    const usage = { prompt: 0, completion: 0 };
    const rounds = this.options.maxToolRounds ?? 4;

    try {
      for (let round = 0; ; round++) {
        const offerTools = tools.length > 0 && round < rounds;
        const stream = await client.chat.completions.create(
          { model, messages, stream: true, stream_options: { include_usage: true }, ...(offerTools ? { tools: tools.map(toolSpec) } : {}) },
          { signal: abort },
        );
        const calls: ToolCall[] = [];
        let content = "";
        for await (const chunk of stream) {
          if (chunk.usage) {
            usage.prompt += chunk.usage.prompt_tokens;
            usage.completion += chunk.usage.completion_tokens;
          }
          const delta = chunk.choices[0]?.delta;
          if (!delta) continue;
          if (delta.content) {
            content += delta.content;
            guard.push(delta.content);
          }
          for (const d of delta.tool_calls ?? []) {
            const call = (calls[d.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } });
            if (d.id) call.id = d.id;
            if (d.function?.name) call.function.name += d.function.name;
            if (d.function?.arguments) call.function.arguments += d.function.arguments;
          }
        }
        if (calls.length === 0) break;
        messages.push({ role: "assistant", content: content || null, tool_calls: calls });
        for (const call of calls) {
          const tool = byName.get(call.function.name);
          const output = tool ? await runTool(tool, call.function.arguments) : { content: { error: `no tool named ${call.function.name}` }, computed: [] };
          computed.push(...output.computed);
          messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(output.content) });
        }
      }
    } catch (error) {
      if (deadline.aborted && !signal?.aborted) throw new UpstreamTimeout(timeoutMs);
      throw error;
    }

    const final = guard.finish();
    const reply: TutorReply = {
      text: final.text,
      backend: this.name,
      hintLevel: request.kind === "hint" ? request.hintLevel + 1 : request.hintLevel,
      computed,
      sources: [],
      usage,
    };
    if (final.notice) reply.notice = final.notice;
    return reply;
  }
}
