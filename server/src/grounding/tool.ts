// A grounding tool: something the chat model may ask the server to compute with
// @pmxlab/kernel instead of doing arithmetic itself.
import { z } from "zod";
import type { ComputedValue } from "../tutor/types.js";

/** What a tool gives back: JSON for the model, and the numbers it computed (for the reply and the number guard). */
export interface ToolOutput {
  content: unknown;
  computed: ComputedValue[];
}

export interface GroundingTool<A = unknown> {
  name: string;
  /** Told to the model: what the tool does and when to use it. */
  description: string;
  args: z.ZodType<A>;
  run(args: A): Promise<ToolOutput> | ToolOutput;
}

/** The tool in OpenAI's function-calling shape. */
export function toolSpec(tool: GroundingTool) {
  return {
    type: "function" as const,
    function: { name: tool.name, description: tool.description, parameters: z.toJSONSchema(tool.args) as Record<string, unknown> },
  };
}

/**
 * Runs a tool on the model's JSON arguments. Bad arguments or a kernel error come back as
 * `{ error }` for the model to read (and correct), never as a thrown exception.
 */
export async function runTool(tool: GroundingTool, json: string): Promise<ToolOutput> {
  let raw: unknown;
  try {
    raw = JSON.parse(json === "" ? "{}" : json);
  } catch {
    return { content: { error: `the arguments of ${tool.name} are not JSON` }, computed: [] };
  }
  const parsed = tool.args.safeParse(raw);
  if (!parsed.success) return { content: { error: `bad arguments for ${tool.name}: ${z.prettifyError(parsed.error)}` }, computed: [] };
  try {
    return await tool.run(parsed.data);
  } catch (e) {
    return { content: { error: `${tool.name} failed: ${e instanceof Error ? e.message : String(e)}` }, computed: [] };
  }
}
