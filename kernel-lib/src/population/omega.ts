import { cholesky } from "../linalg/cholesky.js";
import { PopulationError } from "./population-error.js";

/** A block of OMEGA: the parameters it covers and their covariance, full square or lower triangle (NONMEM's $OMEGA BLOCK order). */
export interface OmegaBlock {
  names: readonly string[];
  matrix: readonly (readonly number[])[];
}

/**
 * Between-subject variances and covariances of the ETAs, as NONMEM's $OMEGA (variances, not SDs):
 * a diagonal `{ CL: 0.09, V: 0.04 }`, one block `{ names, matrix }` (a full matrix is a block
 * over every parameter with variability), or a list of those placed block-diagonally.
 */
export type OmegaSpec = Readonly<Record<string, number>> | OmegaBlock | readonly (OmegaBlock | Readonly<Record<string, number>>)[];

/** OMEGA assembled: one ETA per name, in this order, with the full covariance matrix. */
export interface Omega {
  names: string[];
  matrix: number[][];
}

/**
 * Assembles OMEGA from its parts and checks it: names are parameters of the model (`known`) and
 * appear once; each block is square (or a lower triangle) and symmetric; variances are ≥ 0;
 * the whole matrix is positive semi-definite. Messages call the matrix `what` (default "OMEGA").
 *
 * @example
 * parseOmega([{ names: ["CL", "V1"], matrix: [[0.09], [0.03, 0.04]] }, { KA: 0.16 }], ["KA", "CL", "V1"]);
 * // { names: ["CL", "V1", "KA"], matrix: [[0.09, 0.03, 0], [0.03, 0.04, 0], [0, 0, 0.16]] }
 */
export function parseOmega(spec: OmegaSpec, known: readonly string[], what = "OMEGA"): Omega {
  const parts = Array.isArray(spec) ? (spec as readonly (OmegaBlock | Record<string, number>)[]) : [spec as OmegaBlock | Record<string, number>];
  const blocks = parts.map((part, k) => (isBlock(part) ? squareBlock(part, `${what} block ${k + 1} (${part.names.join(", ")})`) : diagonal(part)));
  const names = blocks.flatMap((b) => [...b.names]);
  names.forEach((name, i) => {
    if (!known.includes(name)) throw new PopulationError(`${what} names "${name}", which is not a parameter of the model; parameters: ${known.join(", ")}`);
    if (names.indexOf(name) !== i) throw new PopulationError(`${what} names "${name}" twice; give each parameter one ETA`);
  });
  const matrix = names.map(() => new Array<number>(names.length).fill(0));
  let offset = 0;
  for (const b of blocks) {
    b.matrix.forEach((row, i) => row.forEach((v, j) => (matrix[offset + i][offset + j] = v)));
    offset += b.names.length;
  }
  names.forEach((name, i) => {
    if (!(matrix[i][i] >= 0)) throw new PopulationError(`${what} variance of ${name} is ${matrix[i][i]}; variances must be ≥ 0`);
  });
  try {
    cholesky(matrix, { name: what, labels: names });
  } catch (e) {
    throw new PopulationError((e as Error).message);
  }
  return { names, matrix };
}

function isBlock(part: OmegaBlock | Record<string, number>): part is OmegaBlock {
  return Array.isArray((part as OmegaBlock).names) && Array.isArray((part as OmegaBlock).matrix);
}

function diagonal(part: Readonly<Record<string, number>>): Omega {
  const names = Object.keys(part);
  return { names, matrix: names.map((a, i) => names.map((_, j) => (i === j ? part[a] : 0))) };
}

/** A block as a full symmetric matrix: a lower triangle (row i has i + 1 entries) is mirrored. */
function squareBlock(block: OmegaBlock, what: string): Omega {
  const n = block.names.length;
  const rows = block.matrix;
  const lower = rows.every((row, i) => row.length === i + 1);
  if (rows.length !== n || (!lower && rows.some((row) => row.length !== n))) {
    const shape = rows.map((row) => row.length).join(", ");
    throw new PopulationError(`${what} is not square: ${n} names but ${rows.length} rows of lengths ${shape}; give an ${n}×${n} matrix or its lower triangle`);
  }
  const matrix = rows.map((row, i) => Array.from({ length: n }, (_, j) => (lower ? (j <= i ? row[j] : rows[j][i]) : row[j])));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(matrix[i][j])) throw new PopulationError(`${what}: entry (${block.names[i]}, ${block.names[j]}) = ${matrix[i][j]} is not a finite number`);
      if (matrix[i][j] !== matrix[j][i]) {
        throw new PopulationError(`${what} is not symmetric: (${block.names[i]}, ${block.names[j]}) = ${matrix[i][j]} but (${block.names[j]}, ${block.names[i]}) = ${matrix[j][i]}`);
      }
    }
  }
  return { names: [...block.names], matrix };
}
