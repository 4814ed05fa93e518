import { all, create, type MathJsInstance } from "mathjs";

let instance: MathJsInstance | undefined;

/** The instance, built on first use: `create(all)` builds every mathjs function (tens of ms). */
function build(): MathJsInstance {
  const m = create(all, {});
  for (const prefix of ["", "m", "u", "n", "p"]) {
    m.createUnit(`${prefix}M`, `1 ${prefix}mol/L`, { override: true });
  }
  m.createUnit("cell", { aliases: ["cells"], prefixes: "short" });
  m.createUnit("IU", { prefixes: "short" });
  return m;
}

/**
 * The model compiler's private mathjs instance (the global one is never changed), with the
 * units PK/PD models need and mathjs lacks: molar concentrations (M, mM, uM, nM, pM = mol/L),
 * cell counts (`cell`/`cells`, a base dimension of their own, with k, M, G prefixes:
 * `Gcells/L`) and international units (`IU`, with prefixes: `mIU/mL`).
 *
 * It is built when first used, not when this module loads: simulating a precompiled
 * built-in model from a dataset never needs it, and the `pmxlab` launcher then never loads
 * mathjs at all (it resolves "mathjs" to a module that loads it on first property read).
 * @internal
 */
export const math: MathJsInstance = new Proxy({} as MathJsInstance, {
  get: (_target, key) => Reflect.get((instance ??= build()), key),
});
