// Which backend answers a course: the configured OpenAI-compatible endpoint (with the
// course's model, falling back to the offline tutor on failure), else the offline tutor.
import type { ServerConfig } from "../config.js";
import { checkTool, ncaTool, simulateTool, type CheckLookup, type GroundingTool } from "../grounding/index.js";
import type { CourseSettings } from "../settings/index.js";
import type { SolutionLookup } from "../tutor/solution.js";
import type { TutorBackend, TutorRequest } from "../tutor/types.js";
import { openAiClient } from "./client.js";
import { FallbackTutor } from "./fallback-tutor.js";
import { GgufTutor } from "./gguf-tutor.js";
import { OpenAiTutor } from "./openai-tutor.js";

export interface BackendSources {
  offline?: TutorBackend;
  solutions: SolutionLookup;
  checks: CheckLookup;
  onFallback?: (reason: string, error: unknown) => void;
}

/**
 * A function giving each course its backend; the OpenAI client (or the local model) is made
 * once. An endpoint wins over a local GGUF file; with neither, the offline tutor answers.
 */
export function backendSelector(config: Pick<ServerConfig, "llm" | "gguf">, sources: BackendSources): (settings: CourseSettings) => TutorBackend | undefined {
  const { llm, gguf } = config;
  const withFallback = (primary: TutorBackend) => (sources.offline ? new FallbackTutor(primary, sources.offline, sources.onFallback) : primary);
  if (!llm && gguf) {
    const local = withFallback(new GgufTutor({ file: gguf.file, solutions: sources.solutions, timeoutMs: gguf.timeoutMs }));
    return () => local;
  }
  if (!llm) return () => sources.offline;
  const client = openAiClient(llm);
  const tools = (request: TutorRequest): GroundingTool[] => {
    const check = request.exercise ? sources.checks(request.exercise.id) : undefined;
    return [simulateTool, ncaTool, ...(check ? [checkTool(request.exercise!.id, check)] : [])] as GroundingTool[];
  };
  return (settings) => {
    return withFallback(new OpenAiTutor({ client, model: settings.model ?? llm.model, tools, solutions: sources.solutions, timeoutMs: llm.timeoutMs }));
  };
}
