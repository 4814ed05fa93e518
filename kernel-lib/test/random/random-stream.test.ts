import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { normalQuantile, RandomStream, seedState } from "../../src/index.js";

// SplitMix64 from seed 0: its first two outputs, as printed by Vigna's reference splitmix64.c.
const SPLITMIX64_SEED0 = [0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n];
const words = (v: bigint): number[] => [Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v))];
const STATE0 = [...words(SPLITMIX64_SEED0[0]), ...words(SPLITMIX64_SEED0[1])];

/** The documented double: 27 high bits of one output, 26 of the next, centred in its 2^-53 cell. */
function referenceUniforms(state: number[], count: number, jumps = 0): number[] {
  const g = xoroshiro128plusFromState(state);
  for (let k = 0; k < jumps; k++) g.jump();
  return Array.from({ length: count }, () => {
    const a = g.next() >>> 5;
    const b = g.next() >>> 6;
    return (a * 2 ** 26 + b + 0.5) / 2 ** 53;
  });
}

function moments(draw: () => number, n: number): { mean: number; variance: number; skewness: number; kurtosis: number } {
  const x = Array.from({ length: n }, draw);
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const m = (k: number): number => x.reduce((a, v) => a + (v - mean) ** k, 0) / n;
  const variance = m(2);
  return { mean, variance, skewness: m(3) / variance ** 1.5, kurtosis: m(4) / variance ** 2 };
}

describe("seeded random numbers", () => {
  it("seeds xoroshiro128+ with the first two SplitMix64 outputs of the seed", () => {
    expect(seedState(0)).toEqual(STATE0);
  });

  it("a fixed seed gives the uniforms that pure-rand's generator gives through the documented construction", () => {
    const rng = RandomStream.fromSeed(0);
    const ours = Array.from({ length: 5 }, () => rng.uniform());
    expect(ours).toEqual(referenceUniforms(STATE0, 5));
  });

  it("the same seed gives the same numbers and another seed other numbers", () => {
    const a = RandomStream.fromSeed(2026);
    const b = RandomStream.fromSeed(2026);
    const c = RandomStream.fromSeed(2027);
    const draw = (r: RandomStream) => Array.from({ length: 10 }, () => r.normal());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c).some((v, i) => v !== first[i])).toBe(true);
  });

  it("normals are the inverse normal CDF of the uniforms", () => {
    const rng = RandomStream.fromSeed(0);
    expect([rng.normal(), rng.normal()]).toEqual(referenceUniforms(STATE0, 2).map(normalQuantile));
  });

  it("the k-th substream is the generator jumped k times (2^64 steps each)", () => {
    const rng = RandomStream.fromSeed(0);
    const streams = Array.from({ length: 4 }, () => rng.substream());
    streams.forEach((s, k) => expect([s.uniform(), s.uniform()]).toEqual(referenceUniforms(STATE0, 2, k)));
  });

  it("substreams do not depend on how they are split: skipping k equals taking k", () => {
    const taken = RandomStream.fromSeed(9);
    for (let k = 0; k < 37; k++) taken.substream();
    const skipped = RandomStream.fromSeed(9);
    skipped.skipSubstreams(37);
    const resumed = RandomStream.fromState(skipped.state());
    const a = taken.substream();
    const b = resumed.substream();
    expect(Array.from({ length: 8 }, () => a.normal())).toEqual(Array.from({ length: 8 }, () => b.normal()));
  });

  it("uniforms lie in (0, 1) with mean 1/2, variance 1/12 (within 4 standard errors)", () => {
    const n = 200_000;
    const rng = RandomStream.fromSeed(11);
    let min = 1;
    let max = 0;
    const m = moments(() => {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    }, n);
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U(0,1): (1/80 − 1/144)/n.
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it("normals have mean 0, variance 1, skewness 0, kurtosis 3 (within 4 standard errors)", () => {
    const n = 200_000;
    const rng = RandomStream.fromSeed(12);
    const m = moments(() => rng.normal(), n);
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m.skewness)).toBeLessThan(4 * Math.sqrt(6 / n));
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(4 * Math.sqrt(24 / n));
  });
});

describe("normalQuantile (AS 241)", () => {
  it("matches published quantiles of the standard normal to 1e-15", () => {
    // Abramowitz & Stegun 26.2 / R's qnorm to 16 digits.
    const cases: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.95, 1.6448536269514722],
      [0.3, -0.5244005127080407],
      [1e-10, -6.361340902404056],
      [0.5, 0],
    ];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
  });

  it("is antisymmetric about 1/2 and infinite at 0 and 1", () => {
    // p and 1 − p both exact in binary, so the symmetry must be exact too.
    expect(normalQuantile(0.25)).toBe(-normalQuantile(0.75));
    expect(normalQuantile(2 ** -10)).toBe(-normalQuantile(1 - 2 ** -10));
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
