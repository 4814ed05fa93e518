// Which backend answers a course: the configured OpenAI-compatible endpoint (with the
// course's model, falling back to the offline tutor on failure), else the offline tutor.
import OpenAI from "openai";
import type { ServerConfig } from "../config.js";
import { checkTool, ncaTool, simulateTool, type CheckLookup, type GroundingTool } from "../grounding/index.js";
import type { CourseSettings } from "../settings/index.js";
import type { SolutionLookup } from "../tutor/solution.js";
import type { TutorBackend, TutorRequest } from "../tutor/types.js";
import { FallbackTutor } from "./fallback-tutor.js";
import { OpenAiTutor } from "./openai-tutor.js";

export interface BackendSources {
  offline?: TutorBackend;
  solutions: SolutionLookup;
  checks: CheckLookup;
  onFallback?: (reason: string, error: unknown) => void;
}

/** A function giving each course its backend; the OpenAI client is made once. */
export function backendSelector(llm: ServerConfig["llm"], sources: BackendSources): (settings: CourseSettings) => TutorBackend | undefined {
  if (!llm) return () => sources.offline;
  const client = new OpenAI({ baseURL: llm.baseURL, apiKey: llm.apiKey, maxRetries: llm.maxRetries, timeout: llm.timeoutMs });
  const tools = (request: TutorRequest): GroundingTool[] => {
    const check = request.exercise ? sources.checks(request.exercise.id) : undefined;
    return [simulateTool, ncaTool, ...(check ? [checkTool(request.exercise!.id, check)] : [])] as GroundingTool[];
  };
  return (settings) => {
    const primary = new OpenAiTutor({ client, model: settings.model ?? llm.model, tools, solutions: sources.solutions, timeoutMs: llm.timeoutMs });
    return sources.offline ? new FallbackTutor(primary, sources.offline, sources.onFallback) : primary;
  };
}
