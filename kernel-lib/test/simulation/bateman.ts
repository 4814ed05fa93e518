/** A first-order absorption dose: `amt` at `time`, scaled by `f` and delayed by `lag`. */
export interface OralDose {
  time: number;
  amt: number;
  f?: number;
  lag?: number;
}

/**
 * Concentration of a one-compartment model with first-order absorption (KA ≠ CL/V), by
 * superposition of the Bateman function: each dose adds
 * F·AMT·KA / (V·(KA − k)) · (e^{−k·s} − e^{−KA·s}) for s = t − time − lag > 0, with k = CL/V.
 */
export function bateman(t: number, doses: readonly OralDose[], p: { KA: number; CL: number; V: number }): number {
  const k = p.CL / p.V;
  return doses.reduce((c, d) => {
    const s = t - d.time - (d.lag ?? 0);
    return s <= 0 ? c : c + (((d.f ?? 1) * d.amt * p.KA) / (p.V * (p.KA - k))) * (Math.exp(-k * s) - Math.exp(-p.KA * s));
  }, 0);
}
