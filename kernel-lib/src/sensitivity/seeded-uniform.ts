import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { mersenne } from "pure-rand/generator/mersenne";

/**
 * A seeded stream of uniform numbers in [0, 1) with 53 random bits each: pure-rand's
 * Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) and its `uniformFloat64`. The same
 * seed gives the same stream everywhere, so analyses and their tests reproduce.
 * @internal
 *
 * @example
 * const u = seededUniform(42);
 * u(); // a number in [0, 1), the same on every run
 */
export function seededUniform(seed: number): () => number {
  const rng = mersenne(seed);
  return () => uniformFloat64(rng);
}
