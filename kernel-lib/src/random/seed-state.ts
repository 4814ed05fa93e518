const MASK64 = (1n << 64n) - 1n;

/**
 * The 128-bit xoroshiro128+ state for an integer seed, as pure-rand's
 * `xoroshiro128plusFromState` takes it: `[s0 high, s0 low, s1 high, s1 low]` (signed 32-bit words).
 *
 * s0 and s1 are the first two outputs of SplitMix64 started at the seed (taken modulo 2^64),
 * the seeding Vigna recommends for xoroshiro: nearby seeds give unrelated states, and the
 * state is never all zero. BigInt arithmetic makes it exact on every platform. The seed is any
 * integer, as a number (also beyond 2^53) or a BigInt; seeds equal modulo 2^64 give one state.
 *
 * @example
 * seedState(42); // [-1109970394, 803958421, 686809907, -1301876477]
 */
export function seedState(seed: number | bigint): number[] {
  // Any whole number is a seed, taken modulo 2^64: 2^53 and 2^70 are integers too (a double
  // that large is exactly the integer it shows). Only fractions, NaN and ±Infinity are not.
  if (typeof seed !== "bigint" && !Number.isInteger(seed)) {
    throw new RangeError(`random seed ${seed} is not an integer (use a whole number such as 20261125)`);
  }
  let x = BigInt.asUintN(64, BigInt(seed));
  const next = (): bigint => {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
  const s0 = next();
  const s1 = next();
  const words = (v: bigint): number[] => [Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v))];
  return [...words(s0), ...words(s1)];
}
