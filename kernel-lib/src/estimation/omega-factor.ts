import type { Omega } from "../population/index.js";

/**
 * OMEGA as the search sees it: the free entries of its Cholesky factor L (Ω = L·Lᵀ), the
 * diagonal as log L_ii, so every search vector gives a positive definite Ω (Pinheiro & Bates
 * 1996). Off-diagonal entries of the initial Ω that are 0 (between blocks, or a diagonal
 * OMEGA) stay 0.
 * @internal
 */
export interface OmegaFactor {
  names: string[];
  /** Free entries of L as [row, column], row ≥ column. */
  entries: [number, number][];
  /** The search values of the free entries for Ω. */
  toSearch(matrix: readonly (readonly number[])[]): number[];
  /** Ω from the search values. */
  toMatrix(u: ArrayLike<number>): number[][];
  /** ∂Ω/∂u_c for each free entry c: ∂L·Lᵀ + L·∂Lᵀ, with ∂L_ii = L_ii on the log diagonal. */
  derivatives(u: ArrayLike<number>): number[][][];
}

/** The factor parameterisation of an initial OMEGA (positive definite). @internal */
export function omegaFactor(initial: Omega, factor: (matrix: readonly (readonly number[])[]) => number[][]): OmegaFactor {
  const q = initial.names.length;
  const entries: [number, number][] = [];
  for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) if (i === j || initial.matrix[i][j] !== 0) entries.push([i, j]);
  return {
    names: initial.names,
    entries,
    toSearch: (matrix) => {
      const l = factor(matrix);
      return entries.map(([i, j]) => (i === j ? Math.log(l[i][i]) : l[i][j]));
    },
    toMatrix: (u) => {
      const l = lower(u);
      return l.map((row) => l.map((other) => row.reduce((sum, x, k) => sum + x * other[k], 0)));
    },
    derivatives: (u) => {
      const l = lower(u);
      return entries.map(([i, j]) => {
        const slope = i === j ? l[i][i] : 1;
        // ∂L = slope·e_i·e_jᵀ, so (∂L·Lᵀ)_rc = slope·[r = i]·L_cj and L·∂Lᵀ is its transpose.
        return Array.from({ length: q }, (_, r) => Array.from({ length: q }, (_, c) => slope * ((r === i ? l[c][j] : 0) + (c === i ? l[r][j] : 0))));
      });
    },
  };

  function lower(u: ArrayLike<number>): number[][] {
    const l = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    entries.forEach(([i, j], k) => (l[i][j] = i === j ? Math.exp(u[k]) : u[k]));
    return l;
  }
}
