// pure-rand 8 publishes its modules through package.json "exports" only, which the "node"
// module resolution of tsconfig.base.json does not read (Node and bundlers do). These are
// the two signatures we use, as pure-rand declares them; the random/ folder declares
// xoroshiro128plus the same way, so this file declares only modules it does not.
declare module "pure-rand/generator/mersenne" {
  export function mersenne(seed: number): { next(): number; getState(): readonly number[] };
}
declare module "pure-rand/distribution/uniformFloat64" {
  export function uniformFloat64(rng: { next(): number }): number;
}
