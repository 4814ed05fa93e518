import { PopulationError } from "../population-error.js";
import type { Model } from "../../model/types.js";

/** How a worker finds the model: a library name, or the model's source text to compile again. */
export type ModelReference = { name: string } | { source: string };

/**
 * The reference a worker can rebuild the model from (compiled functions cannot be sent between
 * threads). Models made with `defineModel` have no source text and are refused.
 *
 * @example
 * modelReference("pk1cmt_iv"); // { name: "pk1cmt_iv" }
 */
export function modelReference(model: Model | string): ModelReference {
  if (typeof model === "string") return { name: model };
  if (model.source !== undefined) return { source: model.source };
  throw new PopulationError(
    `model ${model.name} has no source text, so worker threads cannot rebuild it; pass a library model name, a model from parseModel(text), or use simulatePopulation`,
  );
}
