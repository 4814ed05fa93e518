// Model drafting as the service offers it: the configured language model drafts (and repairs
// from the kernel's errors), and when it cannot be reached the offline drafter assembles the
// model from the library's blocks, with a note saying so. Either way the loop verifies the
// text (compile, units, smoke simulation) before it is called a model.
import type { ServerConfig } from "../config.js";
import { openAiClient } from "../llm/client.js";
import { upstreamFailure } from "../llm/failure.js";
import { draftModel } from "./draft-loop.js";
import { OfflineDrafter } from "./offline-drafter.js";
import { OpenAiDrafter } from "./openai-drafter.js";
import type { DraftResult } from "./types.js";

/** What POST /draft answers: the loop's result without the compiled model, and a note on a fallback. */
export type DraftAnswer = Omit<DraftResult, "model"> & { notice?: string };

export function draftingService(config: Pick<ServerConfig, "llm">): (description: string, signal?: AbortSignal) => Promise<DraftAnswer> {
  const offline = new OfflineDrafter();
  const llm = config.llm;
  const online = llm
    ? new OpenAiDrafter({ client: openAiClient(llm), model: llm.model, timeoutMs: llm.timeoutMs })
    : undefined;
  const answer = ({ model: _compiled, ...rest }: DraftResult, notice?: string): DraftAnswer => (notice ? { ...rest, notice } : rest);
  return async (description, signal) => {
    if (online) {
      let failure: string | undefined;
      const guarded = {
        name: online.name,
        draft: (request: Parameters<OpenAiDrafter["draft"]>[0]) =>
          online.draft(request).catch((error: unknown) => {
            failure = upstreamFailure(error);
            throw error;
          }),
      };
      const result = await draftModel(description, guarded, { signal });
      // The model never answered (429, 5xx, time-out, unreachable): the offline drafter does.
      if (!(failure && result.attempts.length === 0)) return answer(result);
      return answer(await draftModel(description, offline, { signal }), `The language model could not draft it (${failure}), so the offline drafter assembled the model from pmxlab's library.`);
    }
    return answer(await draftModel(description, offline, { signal }));
  };
}
