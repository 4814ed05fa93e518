import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomSource } from "../../src/virtual-population/index.js";

/** A seeded source for the tests: pure-rand's xoroshiro128+, normals by Box–Muller (both of each pair used). */
export function seededSource(seed: number): RandomSource {
  const rng = xoroshiro128plus(seed);
  let spare = NaN;
  return {
    nextUniform: () => uniformFloat64(rng),
    nextNormal: () => {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = NaN;
        return z;
      }
      const r = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng)));
      const angle = 2 * Math.PI * uniformFloat64(rng);
      spare = r * Math.sin(angle);
      return r * Math.cos(angle);
    },
  };
}
