import { UsageError } from "./usage-error.js";

/**
 * `K=V` pairs into numbers by name, in a prototype-free record so that any name (even
 * `__proto__`) is an own key the library then accepts or refuses as a parameter. A pair
 * that does not parse, or a name given twice, is a usage error naming the option and the pair.
 */
export function parseParams(pairs: readonly string[], option = "--param"): Record<string, number> {
  const params: Record<string, number> = Object.create(null);
  const given = new Map<string, string>();
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(pair);
    const value = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(value)) throw new UsageError(`${option} ${pair}: expected NAME=number, e.g. ${option} CL=5`);
    const earlier = given.get(match[1]);
    if (earlier !== undefined) throw new UsageError(`${option} ${pair}: ${match[1]} is already given (${earlier})`);
    given.set(match[1], pair);
    params[match[1]] = value;
  }
  return params;
}
