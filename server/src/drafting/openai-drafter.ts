// A drafter on the server's OpenAI-compatible gateway: the model writes pmxlab model text
// from the description, and on a repair gets its previous text with the kernel's errors.
// The drafting loop (draft-loop.ts) verifies every text it returns.
import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { getModel } from "@pmxlab/kernel";
import type { DraftRequest, Drafter } from "./types.js";

export interface OpenAiDrafterOptions {
  client: OpenAI;
  model: string;
  /** Deadline for one draft (ms). */
  timeoutMs: number;
}

// The format by example: two built-in model texts (an ODE-only one and one with routes and
// dose modifiers) teach the sections, units and comment style better than a grammar.
const EXAMPLES = ["pk1cmt_oral", "emax"].map((name) => getModel(name).source ?? "").join("\n");

const SYSTEM = `You write pharmacometric models in the pmxlab model format for a teaching platform.
Answer with the model text only, in one \`\`\` block: sections $MODEL, $DESCRIPTION, $TIME,
optional $ROUTES, $PARAMETERS (NAME = value : unit : label), $COMPARTMENTS (name : unit : label),
$ODE (d/dt(name) = ...), $OUTPUTS (NAME = expression : unit : label). Every number has a unit;
units must balance (the compiler checks them). Use typical literature values and say in the
label when a value is assumed. Two examples of the format:
\`\`\`
${EXAMPLES}
\`\`\``;

/** The model text of a reply: the first fenced block, else the whole reply. */
export function modelTextOf(reply: string): string {
  const fenced = /```[a-z]*\n([\s\S]*?)```/.exec(reply);
  return (fenced ? fenced[1] : reply).trim() + "\n";
}

export class OpenAiDrafter implements Drafter {
  readonly name: string;

  constructor(private readonly options: OpenAiDrafterOptions) {
    this.name = `openai:${options.model}`;
  }

  async draft({ description, previous, signal }: DraftRequest): Promise<string> {
    const messages: ChatCompletionMessageParam[] = [
      { role: "system", content: SYSTEM },
      { role: "user", content: `Write a pmxlab model: ${description}` },
    ];
    if (previous) {
      messages.push(
        { role: "assistant", content: "```\n" + previous.text + "```" },
        { role: "user", content: `pmxlab refused it:\n${previous.errors.map((e) => `- ${e.stage}: ${e.message}`).join("\n")}\nFix these and answer with the whole corrected model text.` },
      );
    }
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const stream = await this.options.client.chat.completions.create(
      { model: this.options.model, messages, stream: true },
      { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
    );
    let reply = "";
    for await (const chunk of stream) reply += chunk.choices[0]?.delta?.content ?? "";
    return modelTextOf(reply);
  }
}
