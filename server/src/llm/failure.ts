// Which failures of the language model's endpoint the offline tutor covers for: too many
// requests, server errors, time-outs and refused connections. A student's own stop is not one.
import OpenAI from "openai";

/** A short reason for the fallback note, or undefined when `error` is not an upstream failure. */
export function upstreamFailure(error: unknown): string | undefined {
  if (error instanceof UpstreamTimeout) return `no answer within ${error.ms / 1000} s`;
  if (error instanceof LocalModelError) return `the model file could not be loaded (${error.message})`;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return "the request timed out";
  if (error instanceof OpenAI.APIConnectionError) return "it could not be reached";
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    if (error.status === 429) return "it is rate-limiting requests (429)";
    if (error.status >= 500) return `it failed with a server error (${error.status})`;
  }
  return undefined;
}

/** The gateway's own deadline for a whole reply (the stream included) passed. */
export class UpstreamTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the language model did not finish within ${ms} ms`);
  }
}

/** The local GGUF model file could not be loaded (missing, not GGUF, an architecture llama.cpp lacks). */
export class LocalModelError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
