// Reads a JSON request body with a size bound and validates it with a zod schema.
import type { IncomingMessage } from "node:http";
import { z } from "zod";

/** A request the client got wrong: answered with `status` and this message. */
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

/** The body as JSON, validated by `schema`; over `maxBytes` (default 512 KiB) it is refused with 413. */
export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>, maxBytes = MAX_BODY): Promise<T> {
  if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) throw new HttpError(415, "send the body as application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `the body is larger than ${maxBytes / 1024} KiB`);
    chunks.push(chunk);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, `invalid request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
