// The offline drafter: reads the structure in the description and assembles the model from
// the built-in library's blocks. It is deterministic, so a repair request gets the same
// text back and the loop stops with the verification's errors.
import { assembleModel } from "./assemble-model.js";
import { readModelSpec } from "./model-spec.js";
import type { DraftRequest, Drafter } from "./types.js";

/** The drafter used when no language model is configured (name "offline"). */
export class OfflineDrafter implements Drafter {
  readonly name = "offline";

  async draft(request: DraftRequest): Promise<string> {
    return assembleModel(readModelSpec(request.description));
  }
}
