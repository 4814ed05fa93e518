import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { normalQuantile } from "./normal-quantile.js";
import { seedState } from "./seed-state.js";

type Generator = ReturnType<typeof xoroshiro128plusFromState>;

const TWO_26 = 67108864;
const TWO_53 = 9007199254740992;

/**
 * A reproducible stream of random numbers: pure-rand's xoroshiro128+ seeded by
 * {@link seedState}, the same numbers on every platform for the same seed.
 *
 * - `uniform()`: two generator outputs a, b (32 bits each) give
 *   u = ((a >>> 5)·2^26 + (b >>> 6) + 0.5) / 2^53 — 53 random bits from the high bits of each
 *   output (the lowest bits of xoroshiro128+ are its weakest), centred so 0 < u < 1.
 * - `normal()`: Φ⁻¹(uniform()) by Wichura's AS 241 (one uniform per normal, no rejection,
 *   so the count of numbers drawn never depends on their values).
 * - `substream()`: a copy of this stream, then this stream jumps 2^64 steps ahead, so the
 *   k-th substream taken from a fresh stream is the same however the work is split.
 *
 * @example
 * const rng = RandomStream.fromSeed(1);
 * rng.uniform(); rng.normal();
 * const subject1 = rng.substream(), subject2 = rng.substream();
 */
export class RandomStream {
  private constructor(private readonly generator: Generator) {}

  /** A stream seeded with an integer, a number or a BigInt, taken modulo 2^64 (see {@link seedState}). */
  static fromSeed(seed: number | bigint): RandomStream {
    return new RandomStream(xoroshiro128plusFromState(seedState(seed)));
  }

  /** A stream resuming from `state()` of another stream (e.g. sent to a worker). */
  static fromState(state: readonly number[]): RandomStream {
    return new RandomStream(xoroshiro128plusFromState(state));
  }

  /** The generator state: four 32-bit words, plain numbers that survive JSON and postMessage. */
  state(): number[] {
    return [...this.generator.getState()];
  }

  /** A uniform double in (0, 1), a multiple of 2^-53 plus 2^-54. */
  uniform(): number {
    const a = this.generator.next() >>> 5;
    const b = this.generator.next() >>> 6;
    return (a * TWO_26 + b + 0.5) / TWO_53;
  }

  /** A standard normal number: the inverse normal CDF of one `uniform()`. */
  normal(): number {
    return normalQuantile(this.uniform());
  }

  /** An independent stream starting here; this stream moves 2^64 steps past it. */
  substream(): RandomStream {
    const copy = new RandomStream(this.generator.clone());
    this.generator.jump();
    return copy;
  }

  /** Skips `count` substreams (count jumps of 2^64 steps). */
  skipSubstreams(count: number): void {
    for (let k = 0; k < count; k++) this.generator.jump();
  }
}
