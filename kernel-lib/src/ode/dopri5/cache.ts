/**
 * Work buffers of one Dormand–Prince integrator, allocated once for n states: the seven
 * stages, the stage arguments (`ysti`, the 6th, is kept for stiffness detection), the new
 * state, the dense-output coefficients and the output scratch. A loop generated with the
 * right-hand side inlined keeps most of these in local variables instead. Internal.
 */
export class Dopri5Cache {
  /** f(t, y); swapped with k7 after each accepted step (FSAL). */
  k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly k5: Float64Array;
  readonly k6: Float64Array;
  /** f(t + h, y1). */
  k7: Float64Array;
  readonly ytmp: Float64Array;
  readonly ysti: Float64Array;
  readonly y1: Float64Array;
  readonly rcont1: Float64Array;
  readonly rcont2: Float64Array;
  readonly rcont3: Float64Array;
  readonly rcont4: Float64Array;
  readonly rcont5: Float64Array;
  /** The state handed to the output sink. */
  readonly yk: Float64Array;

  constructor(n: number) {
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.k7 = new Float64Array(n);
    this.ytmp = new Float64Array(n);
    this.ysti = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.rcont1 = new Float64Array(n);
    this.rcont2 = new Float64Array(n);
    this.rcont3 = new Float64Array(n);
    this.rcont4 = new Float64Array(n);
    this.rcont5 = new Float64Array(n);
    this.yk = new Float64Array(n);
  }
}
