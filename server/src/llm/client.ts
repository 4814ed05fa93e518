// The one OpenAI-compatible client the configuration describes (tutor and drafting use it).
import OpenAI from "openai";
import type { ServerConfig } from "../config.js";

export function openAiClient(llm: NonNullable<ServerConfig["llm"]>): OpenAI {
  return new OpenAI({ baseURL: llm.baseURL, apiKey: llm.apiKey, maxRetries: llm.maxRetries, timeout: llm.timeoutMs });
}
