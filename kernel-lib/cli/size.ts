import { UsageError } from "./usage-error.js";

const UNITS: [string, number][] = [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]];
const FACTOR = new Map<string, number>([["", 1], ["B", 1], ["K", 2 ** 10], ["KiB", 2 ** 10], ["M", 2 ** 20], ["MiB", 2 ** 20], ["G", 2 ** 30], ["GiB", 2 ** 30], ["T", 2 ** 40], ["TiB", 2 ** 40]]);

/** A size option in bytes: "512MiB", "2G", "1048576" (K, M, G, T are binary: 1K = 1024 bytes). */
export function parseSize(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(text.trim());
  const factor = match ? FACTOR.get(match[2]) : undefined;
  const bytes = match && factor !== undefined ? Math.floor(Number(match[1]) * factor) : NaN;
  if (!(bytes > 0) || !Number.isSafeInteger(bytes)) throw new UsageError(`${option} ${text}: expected a size such as 512MiB, 2GiB or 1048576 (bytes)`);
  return bytes;
}

/** "1 MiB (1048576 bytes)" for a whole number of KiB, MiB or GiB, else "1000 bytes". */
export function formatSize(bytes: number): string {
  for (const [unit, size] of UNITS) if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${bytes} bytes)`;
  return `${bytes} bytes`;
}
