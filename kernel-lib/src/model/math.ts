import { all, create } from "mathjs";

/**
 * The model compiler's private mathjs instance (the global one is never changed), with the
 * units PK/PD models need and mathjs lacks: molar concentrations (M, mM, uM, nM, pM = mol/L),
 * cell counts (`cell`/`cells`, a base dimension of their own, with k, M, G prefixes:
 * `Gcells/L`) and international units (`IU`, with prefixes: `mIU/mL`).
 * @internal
 */
export const math = create(all, {});

for (const prefix of ["", "m", "u", "n", "p"]) {
  math.createUnit(`${prefix}M`, `1 ${prefix}mol/L`, { override: true });
}
math.createUnit("cell", { aliases: ["cells"], prefixes: "short" });
math.createUnit("IU", { prefixes: "short" });
