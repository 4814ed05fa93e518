import { all, create } from "mathjs";

/**
 * The private mathjs instance of the model compiler (the global one is never changed),
 * with the molar concentration units PK/PD models use and mathjs lacks.
 */
export const math = create(all, {});

for (const prefix of ["", "m", "u", "n", "p"]) {
  math.createUnit(`${prefix}M`, `1 ${prefix}mol/L`, { override: true });
}
