import { decodedMappings, TraceMap } from "@jridgewell/trace-mapping";

/** The line of the original source (1-based) of a line of generated code (1-based); undefined when nothing maps there. */
export type LineMap = (generatedLine: number) => number | undefined;

/**
 * A {@link LineMap} from a source map (v3 JSON text, as TypeScript writes it). A line of
 * generated code maps to the original line of its first mapped segment: the kernel's own
 * rewrites (transform-cell.ts) keep lines but move columns, so only lines are trusted.
 *
 * @example
 * const line = lineMapOf(output.sourceMapText);
 * line(3); // the cell line that generated line 3 came from
 */
export function lineMapOf(sourceMapText: string): LineMap {
  if (sourceMapText === "") return () => undefined;
  const lines = decodedMappings(new TraceMap(sourceMapText));
  return (generatedLine) => {
    const segments = lines[generatedLine - 1];
    for (const segment of segments ?? []) if (segment.length === 4 || segment.length === 5) return segment[2] + 1;
    return undefined;
  };
}
