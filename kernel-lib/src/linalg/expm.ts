import { luFactor, luSolve } from "./lu.js";

// Padé [6/6] coefficients c_k = (12-k)! 6! / (12! k! (6-k)!). With the matrix scaled to
// ‖A‖₁ ≤ 0.5 the truncation error is below 1e-18, far under double rounding.
const PADE6 = [1, 1 / 2, 5 / 44, 1 / 66, 1 / 792, 1 / 15840, 1 / 665280];

/**
 * Matrix exponential e^A of n×n row-major matrices by scaling and squaring with a Padé [6/6]
 * approximant (Moler & Van Loan, SIAM Review 45:3, 2003, "method 3"), for the small system
 * matrices of linear compartment models. Work buffers are allocated once per size, because
 * the simulation engine takes an exponential per subject and small typed-array allocations
 * are what would dominate.
 *
 * @example
 * new MatrixExponential(1).compute(Float64Array.of(-0.24), new Float64Array(1)); // [0.7866…]
 */
export class MatrixExponential {
  private readonly x: Float64Array;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly power: Float64Array;
  private readonly work: Float64Array;
  private readonly pivot: Int32Array;
  private readonly multiply: Product;

  constructor(private readonly n: number) {
    const nn = n * n;
    this.x = new Float64Array(nn);
    this.num = new Float64Array(nn);
    this.den = new Float64Array(nn);
    this.power = new Float64Array(nn);
    this.work = new Float64Array(nn);
    this.pivot = new Int32Array(n);
    this.multiply = product(n);
  }

  /** Writes e^a into `out` (n×n, row-major) and returns it. */
  compute(a: Float64Array, out: Float64Array): Float64Array {
    // Loops rather than fill/set: on 3×3 matrices each built-in call costs more than the copy,
    // and the closed form takes an exponential per subject.
    const { n, x, num, den, pivot, multiply } = this;
    let { power, work } = this;
    const nn = n * n;
    let norm = 0;
    for (let j = 0; j < n; j++) {
      let col = 0;
      for (let i = 0; i < n; i++) col += Math.abs(a[i * n + j]);
      norm = Math.max(norm, col);
    }
    if (!Number.isFinite(norm)) throw new Error("expm: the matrix holds a NaN or infinite entry");
    // log2(norm) + 1, not log2(norm / 0.5): the quotient overflows to Infinity for a norm
    // above 9e307 (CL = 1e308 L/h), and the squaring loop below then never ended.
    const squarings = norm > 0.5 ? Math.max(0, Math.ceil(Math.log2(norm) + 1)) : 0;
    const scale = Math.pow(2, -squarings);
    for (let i = 0; i < nn; i++) x[i] = power[i] = a[i] * scale;
    // N = Σ c_k X^k, D = Σ (-1)^k c_k X^k, accumulated from the powers of X.
    for (let i = 0; i < nn; i++) num[i] = den[i] = 0;
    for (let i = 0; i < n; i++) num[i * n + i] = den[i * n + i] = 1;
    for (let k = 1; k < PADE6.length; k++) {
      const c = PADE6[k];
      const sign = k % 2 === 0 ? c : -c;
      for (let i = 0; i < nn; i++) {
        num[i] += c * power[i];
        den[i] += sign * power[i];
      }
      if (k + 1 < PADE6.length) {
        multiply(power, x, work);
        const next = work;
        work = power;
        power = next;
      }
    }
    if (!luFactor(den, n, pivot)) throw new Error("expm: Padé denominator is singular");
    for (let j = 0; j < n; j++) luSolve(den, n, pivot, num, j, n);
    for (let i = 0; i < nn; i++) out[i] = num[i];
    for (let s = 0; s < squarings; s++) {
      multiply(out, out, work);
      for (let i = 0; i < nn; i++) out[i] = work[i];
    }
    return out;
  }
}

/** c = a·b for n×n row-major matrices (c must not alias a or b). */
type Product = (a: Float64Array, b: Float64Array, c: Float64Array) => void;

/** Above this size the straight-line product (n³ terms) would be larger than the loops are slow. */
const MAX_UNROLLED = 12;

const products = new Map<number, Product>();

/**
 * The n×n product, generated once per n as straight-line code (entries read into locals,
 * each c_ij one sum over k in order): an exponential takes five products and its squarings,
 * and at n = 3 (the closed form takes one per subject) the loops cost about as much as the
 * arithmetic. Sums run over k in the loops' order, so both give the same numbers. Larger
 * matrices get the loops, which skip zero entries of a.
 */
function product(n: number): Product {
  let multiply = products.get(n);
  if (!multiply) {
    multiply = n <= MAX_UNROLLED ? unrolledProduct(n) : (a, b, c) => loopedProduct(a, b, c, n);
    products.set(n, multiply);
  }
  return multiply;
}

function unrolledProduct(n: number): Product {
  const entries = Array.from({ length: n * n }, (_, k) => k);
  const range = Array.from({ length: n }, (_, k) => k);
  const body = [
    `const ${entries.map((k) => `a${k} = a[${k}]`).join(", ")};`,
    `const ${entries.map((k) => `b${k} = b[${k}]`).join(", ")};`,
    ...entries.map((k) => {
      const i = Math.floor(k / n);
      const j = k % n;
      return `c[${k}] = ${range.map((m) => `a${i * n + m} * b${m * n + j}`).join(" + ")};`;
    }),
  ].join("\n");
  return new Function("a", "b", "c", body) as Product;
}

function loopedProduct(a: Float64Array, b: Float64Array, c: Float64Array, n: number): void {
  for (let i = 0; i < n * n; i++) c[i] = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
}
