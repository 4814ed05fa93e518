import { residualVariance, type SigmaName } from "./residual-variance.js";

/**
 * The residual variances (`names` order) that minimise Σᵢⱼ log vᵢⱼ + (yᵢⱼ − fᵢⱼ)²/vᵢⱼ with
 * v = σ²_add + σ²_prop·f², given every subject's predictions f at its current draw of φ:
 * the M step of SAEM for the combined error model, which has no closed form (nlmixr2 and
 * Monolix also minimise numerically). Fisher scoring on log σ² from `start` (a few steps
 * suffice: SAEM averages the result over iterations).
 * @internal
 */
export function residualVarianceStep(names: readonly SigmaName[], start: readonly number[], y: readonly ArrayLike<number>[], f: readonly ArrayLike<number>[], steps = 5): number[] {
  let u = start.map(Math.log);
  const m = names.length;
  for (let step = 0; step < steps; step++) {
    const values = u.map(Math.exp);
    const gradient = new Array<number>(m).fill(0);
    const hessian = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    y.forEach((yi, i) => {
      const { v, dvdlog } = residualVariance(names, values, f[i]);
      for (let j = 0; j < v.length; j++) {
        const r2 = (yi[j] - f[i][j]) ** 2;
        for (let a = 0; a < m; a++) {
          gradient[a] += (dvdlog[a][j] / v[j]) * (1 - r2 / v[j]);
          for (let b = 0; b < m; b++) hessian[a][b] += (dvdlog[a][j] * dvdlog[b][j]) / (v[j] * v[j]);
        }
      }
    });
    // Solve the m × m system (m ≤ 2) by Cramer's rule; a singular Hessian stops the steps.
    const delta = m === 1 ? [-gradient[0] / hessian[0][0]] : solveTwo(hessian, gradient);
    if (!delta.every(Number.isFinite)) break;
    // Steps of at most a factor e² keep a poor start from overshooting.
    u = u.map((x, a) => x + Math.max(-2, Math.min(2, delta[a])));
  }
  return u.map(Math.exp);
}

function solveTwo(h: number[][], g: number[]): number[] {
  const det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
  return [-(h[1][1] * g[0] - h[0][1] * g[1]) / det, -(h[0][0] * g[1] - h[1][0] * g[0]) / det];
}
