// Structured JSON logs (pino). Request bodies are never logged; the paths below are redacted
// wherever they appear, so an API key or a student's code cannot reach the log by accident.
import { pino, type DestinationStream, type Logger } from "pino";

export function createLogger(destination?: DestinationStream, level = process.env.PMXLAB_LOG_LEVEL || "info"): Logger {
  return pino(
    {
      name: "pmxlab-server",
      level,
      redact: { paths: ["apiKey", "*.apiKey", "headers.authorization", "*.headers.authorization", "code", "*.code", "request.code"], censor: "[redacted]" },
    },
    destination,
  );
}
export type { Logger };
