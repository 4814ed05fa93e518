import { describe, expect, it } from "vitest";
import { RandomStream, seedState } from "../../src/index.js";

// Issue 11: seeds 2^53 and 2^70 were called "not an integer", while the docs say a seed is an
// integer taken modulo 2^64.

// SplitMix64 from seed 0: its first two outputs, as printed by Vigna's reference splitmix64.c.
const SPLITMIX64_SEED0 = [0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n];
const words = (v: bigint): number[] => [Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v))];
const STATE0 = [...words(SPLITMIX64_SEED0[0]), ...words(SPLITMIX64_SEED0[1])];

describe("seeds are integers modulo 2^64", () => {
  it("2^64 and 2^70 (as numbers and as BigInts) are ≡ 0 and give the state of seed 0", () => {
    expect(seedState(2 ** 64)).toEqual(STATE0);
    expect(seedState(2 ** 70)).toEqual(STATE0);
    expect(seedState(2n ** 70n)).toEqual(STATE0);
  });

  it("2^53 is accepted and equals the BigInt seed 2^53; 2^53 + 2^64 gives the same stream", () => {
    expect(seedState(2 ** 53)).toEqual(seedState(2n ** 53n));
    expect(RandomStream.fromSeed(2n ** 53n + 2n ** 64n).uniform()).toBe(RandomStream.fromSeed(2 ** 53).uniform());
  });

  it("a fraction, NaN or Infinity is refused as not an integer", () => {
    for (const seed of [1.5, NaN, Infinity]) expect(() => seedState(seed)).toThrow(/^random seed .* is not an integer \(use a whole number/);
  });
});
