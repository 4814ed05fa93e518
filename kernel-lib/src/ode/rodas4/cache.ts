/**
 * Work buffers of one Rodas4 integrator, allocated once for n states: Jacobian and
 * iteration matrix (n×n, row-major) with pivots, f(t, y), ∂f/∂t, the six stages, stage
 * argument and value, the new state, dense-output coefficients and scratch. Internal.
 */
export class Rodas4Cache {
  readonly jac: Float64Array;
  /** LU factors of I/(γh) − J. */
  readonly lu: Float64Array;
  readonly pivot: Int32Array;
  /** f(t, y) at the start of the step. */
  readonly f0: Float64Array;
  /** ∂f/∂t at the start of the step. */
  readonly ft: Float64Array;
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly k5: Float64Array;
  /** The last stage, which is also the error estimate. */
  readonly k6: Float64Array;
  readonly ytmp: Float64Array;
  readonly fnew: Float64Array;
  readonly y1: Float64Array;
  readonly cont1: Float64Array;
  readonly cont2: Float64Array;
  readonly cont3: Float64Array;
  readonly cont4: Float64Array;
  /** The state handed to the output sink. */
  readonly yk: Float64Array;

  constructor(n: number) {
    this.jac = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.pivot = new Int32Array(n);
    this.f0 = new Float64Array(n);
    this.ft = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.ytmp = new Float64Array(n);
    this.fnew = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.cont1 = new Float64Array(n);
    this.cont2 = new Float64Array(n);
    this.cont3 = new Float64Array(n);
    this.cont4 = new Float64Array(n);
    this.yk = new Float64Array(n);
  }
}
