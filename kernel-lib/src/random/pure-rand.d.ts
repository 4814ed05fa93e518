// pure-rand 8 publishes its modules through package.json "exports" only, which the
// "node" (node10) module resolution of tsconfig.base.json does not read; this declares what
// we use of lib/generator/xoroshiro128plus.d.ts. Other folders may declare other members of
// the same module (declarations merge), so only members no one else declares are listed here.
// Its types stay internal: no exported signature of pmxlab mentions them.
declare module "pure-rand/generator/xoroshiro128plus" {
  interface JumpableRandomGenerator {
    clone(): JumpableRandomGenerator;
    /** A uniform 32-bit signed integer; advances the generator. */
    next(): number;
    /** Advances the generator by 2^64 steps. */
    jump(): void;
    getState(): readonly number[];
  }
  export function xoroshiro128plusFromState(state: readonly number[]): JumpableRandomGenerator;
}
