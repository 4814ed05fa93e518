import { inverse, Matrix } from "ml-matrix";
import type { SigmaName } from "./residual-variance.js";

/**
 * One subject at its conditional mode, for the FOCE-I objective and its gradient. The model
 * parameters in OMEGA are P_k = typical_k·exp(η_k), so the predictions depend on z = log P
 * (z = log typical + η) and every derivative is taken in z.
 * @internal
 */
export interface ModeDerivatives {
  /** Observations and predictions at the mode. */
  y: ArrayLike<number>;
  f: ArrayLike<number>;
  /** g[k][j] = ∂f_j/∂z_k. */
  g: readonly ArrayLike<number>[];
  /** second[k][l][j] = ∂²f_j/∂z_k∂z_l. */
  second: readonly (readonly ArrayLike<number>[])[];
  eta: ArrayLike<number>;
  sigma: { names: readonly SigmaName[]; values: readonly number[] };
  omegaInverse: Matrix;
  /** ∂z/∂u_a for each THETA search value u_a: ∂log typical_k/∂u_a, theta[a][k]. */
  theta: readonly ArrayLike<number>[];
  /** ∂Ω/∂u_c for each OMEGA search value (factor entry). */
  omegaDerivatives: readonly Matrix[];
}

/**
 * The gradient of the subject's FOCE-I objective (`FoceiProblem.subject`: ℓ(η̂) + log|Ω| +
 * log|H/2|, H = Σ 2ggᵀ/v + ∂v∂vᵀ/v² + 2Ω⁻¹ with the interaction) in the
 * search values (THETA, OMEGA factor entries, log SIGMA variances, in that order), with
 * the mode η̂ moving with them (implicit function theorem: dη̂/du = −K⁻¹·∂²ℓ/∂η∂u, K the
 * exact Hessian of ℓ in η; Almquist et al. 2015, J Pharmacokinet Pharmacodyn 42:191). The
 * terms ∂ℓ/∂η, zero at an exact mode, are kept, so a mode found to a tolerance gives the
 * gradient of the objective there to first order. `modeSlopes[a]` is dη̂/du_a, which
 * predicts the mode at nearby search values (the next warm start).
 * @internal
 */
export function foceiSubjectGradient(d: ModeDerivatives): { gradient: Float64Array; modeSlopes: Float64Array[] } {
  const q = d.g.length;
  const n = d.y.length;
  const ns = d.sigma.names.length;
  const propIndex = d.sigma.names.indexOf("proportional");
  const sp = propIndex >= 0 ? d.sigma.values[propIndex] : 0;
  const gradD = new Float64Array(q);
  const hessD = Matrix.zeros(q, q);
  const info = Matrix.zeros(q, q);
  /** ∂M/∂z_m, then ∂M/∂λ_e (λ = log σ²). */
  const dInfo = Array.from({ length: q + ns }, () => Matrix.zeros(q, q));
  const dDataSigma = new Float64Array(ns);
  const dGradSigma = Array.from({ length: ns }, () => new Float64Array(q));
  for (let j = 0; j < n; j++) {
    const f = d.f[j];
    const r = d.y[j] - f;
    let v = 0;
    for (let e = 0; e < ns; e++) v += d.sigma.names[e] === "additive" ? d.sigma.values[e] : d.sigma.values[e] * f * f;
    const vp = 2 * sp * f;
    const vpp = 2 * sp;
    const v2 = v * v;
    const v3 = v2 * v;
    // ∂/∂f and ∂²/∂f² of log v + r²/v (v = σ²_add + σ²_prop·f²), and of the weight w = 2/v + v'²/v² of ggᵀ in M.
    const d1 = vp / v - (2 * r) / v - (r * r * vp) / v2;
    const d2 = vpp / v - (vp * vp) / v2 + 2 / v + (4 * r * vp) / v2 - (r * r * vpp) / v2 + (2 * r * r * vp * vp) / v3;
    const w = 2 / v + (vp * vp) / v2;
    const wp = (-2 * vp) / v2 + (2 * vp * vpp) / v2 - (2 * vp * vp * vp) / v3;
    for (let k = 0; k < q; k++) {
      const gk = d.g[k][j];
      gradD[k] += d1 * gk;
      for (let l = 0; l < q; l++) {
        const gl = d.g[l][j];
        hessD.set(k, l, hessD.get(k, l) + d2 * gk * gl + d1 * d.second[k][l][j]);
        info.set(k, l, info.get(k, l) + w * gk * gl);
        for (let m = 0; m < q; m++) {
          const dm = dInfo[m];
          dm.set(k, l, dm.get(k, l) + wp * d.g[m][j] * gk * gl + w * (d.second[k][m][j] * gl + gk * d.second[l][m][j]));
        }
      }
    }
    for (let e = 0; e < ns; e++) {
      const prop = d.sigma.names[e] === "proportional";
      const ev = prop ? d.sigma.values[e] * f * f : d.sigma.values[e];
      const evp = prop ? vp : 0;
      dDataSigma[e] += ev / v - (r * r * ev) / v2;
      const dd1 = evp / v - (vp * ev) / v2 + (2 * r * ev) / v2 - (r * r * evp) / v2 + (2 * r * r * vp * ev) / v3;
      const dw = (-2 * ev) / v2 + (2 * vp * evp) / v2 - (2 * vp * vp * ev) / v3;
      const de = dInfo[q + e];
      for (let k = 0; k < q; k++) {
        dGradSigma[e][k] += dd1 * d.g[k][j];
        for (let l = 0; l < q; l++) de.set(k, l, de.get(k, l) + dw * d.g[k][j] * d.g[l][j]);
      }
    }
  }
  const eta = Matrix.columnVector(Array.from(d.eta));
  const prior = d.omegaInverse.mmul(eta);
  const h = info.clone().add(d.omegaInverse.clone().mul(2));
  const hInverse = inverse(h);
  // ∂Φ/∂η at fixed u: ∂ℓ/∂η (≈ 0 at the mode) + ∂log|H|/∂η.
  const phiEta = Float64Array.from({ length: q }, (_, m) => gradD[m] + 2 * prior.get(m, 0) + trace(hInverse, dInfo[m]));
  const k = hessD.clone().add(d.omegaInverse.clone().mul(2));
  // s = K⁻¹·∂Φ/∂η, so dΦ/du = ∂Φ/∂u − sᵀ·∂(∂ℓ/∂η)/∂u.
  const kInverse = inverse(k);
  const s = kInverse.mmul(Matrix.columnVector(Array.from(phiEta))).getColumn(0);
  const gradient: number[] = [];
  /** ∂(∂ℓ/∂η)/∂u for each search value, for dη̂/du. */
  const mixed: ArrayLike<number>[] = [];
  for (const a of d.theta) {
    // z moves by a at fixed η: ∂Φ/∂u_a = (∂D/∂z + ∂log|H|/∂z)·a, ∂(∂ℓ/∂η)/∂u_a = ∇²D·a.
    const moved = hessD.mmul(Matrix.columnVector(Array.from(a))).getColumn(0);
    let value = 0;
    for (let m = 0; m < q; m++) value += (gradD[m] + trace(hInverse, dInfo[m])) * a[m] - s[m] * moved[m];
    gradient.push(value);
    mixed.push(moved);
  }
  for (const dOmega of d.omegaDerivatives) {
    const dInverse = d.omegaInverse.mmul(dOmega).mmul(d.omegaInverse).mul(-1);
    const dPrior = dInverse.mmul(eta);
    let value = eta.transpose().mmul(dPrior).get(0, 0) + trace(d.omegaInverse, dOmega) + 2 * trace(hInverse, dInverse);
    for (let m = 0; m < q; m++) value -= s[m] * 2 * dPrior.get(m, 0);
    gradient.push(value);
    mixed.push(dPrior.getColumn(0).map((x) => 2 * x));
  }
  for (let e = 0; e < ns; e++) {
    let value = dDataSigma[e] + trace(hInverse, dInfo[q + e]);
    for (let m = 0; m < q; m++) value -= s[m] * dGradSigma[e][m];
    gradient.push(value);
    mixed.push(dGradSigma[e]);
  }
  const modeSlopes = mixed.map((c) => Float64Array.from(kInverse.mmul(Matrix.columnVector(Array.from(c))).getColumn(0), (x) => -x));
  return { gradient: Float64Array.from(gradient), modeSlopes };
}

/** tr(A·B) of q×q matrices. */
function trace(a: Matrix, b: Matrix): number {
  let t = 0;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) t += a.get(i, j) * b.get(j, i);
  return t;
}
