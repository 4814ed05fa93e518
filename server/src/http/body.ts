// Reads a JSON request body with a size bound and validates it with a zod schema.
import type { IncomingMessage } from "node:http";
import { z } from "zod";

/**
 * A request answered with `status` and this message instead of success: one the client got
 * wrong (4xx), or one a service this server depends on could not serve (5xx, e.g. the hub).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MAX_BODY = 512 * 1024;

/**
 * How deeply a body's arrays and objects may nest. JSON.stringify, zod and every other
 * recursive walk of a parsed value overflow the stack somewhere past a few thousand levels
 * (a 4 MB body holds two million). A course notebook, submitted, nests 8 levels; rich outputs
 * (plots, widgets) a few more.
 */
export const MAX_DEPTH = 64;

/**
 * The body as JSON, validated by `schema`; over `maxBytes` (default 512 KiB) it is refused
 * with 413, nested deeper than MAX_DEPTH with 400.
 */
export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>, maxBytes = MAX_BODY): Promise<T> {
  if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) throw new HttpError(415, "send the body as application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `the body is larger than ${maxBytes / 1024} KiB`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  // Checked on the text, before JSON.parse builds the nesting, so nothing recursive ever sees it.
  if (nestedDeeperThan(text, MAX_DEPTH)) throw new HttpError(400, `the body is nested deeper than ${MAX_DEPTH} levels of arrays and objects`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, "the body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, `invalid request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Whether the JSON text opens more than `max` arrays and objects inside one another: one
 * pass, no recursion, brackets inside strings not counted. Malformed text is left to
 * JSON.parse (a stray bracket may make this answer true first: a 400 either way).
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
