// Dormand–Prince 5(4): J. R. Dormand, P. J. Prince, "A family of embedded Runge-Kutta
// formulae", J. Comput. Appl. Math. 6 (1980) 19–26; step, error norm, PI step-size control,
// dense output (CONTD5) and stiffness test as in Hairer's DOPRI5 (Hairer, Nørsett & Wanner,
// Solving Ordinary Differential Equations I, 2nd ed., §II.4–II.6; Hairer & Wanner, Solving
// ODEs II, 2nd ed., §IV.2).
import type { StepBudget } from "../common/budget.js";
import type { ResolvedOptions } from "../common/options.js";
import { emitExact, skipBefore } from "../common/outputs.js";
import { firstStep, limitStep, stepGuard } from "../common/step-control.js";
import type { FullStats } from "../common/stats.js";
import type { Integrator, Rhs, RhsCode, SolverStatus } from "../types.js";
import type { Dopri5Cache } from "./cache.js";
import { DOPRI5_TABLEAU as T } from "./tableau.js";

/** What the generated loop reads from and reports to its integrator. Internal. */
export interface Dopri5Host {
  readonly rhs: Rhs;
  readonly budget: StepBudget;
  readonly stats: FullStats;
  readonly options: ResolvedOptions;
  readonly detectStiffness: boolean;
  readonly switchRequested: boolean;
  /** A run of stiff-looking steps is being counted: test every step until it ends. */
  readonly suspectsStiffness: boolean;
  /** Counts a step that looked stiff, h·ρ > `STIFF_RATIO`, or not (auto() only). */
  trackStiffness(stiff: boolean): void;
  fail(status: SolverStatus, t: number, h: number, next: number): SolverStatus;
  stop(t: number, next: number): SolverStatus;
}

/**
 * The adaptive Dormand–Prince loop of one integrator: integrates from t0 towards t1 within
 * the host's budget (see `BaseIntegrator.run`; the arguments after the cache are those of
 * `advance`), updating y in place and emitting the outputs in [from, to) to `sink`. Internal.
 */
export type Dopri5Run = (host: Dopri5Host, c: Dopri5Cache, ...interval: Parameters<Integrator["advance"]>) => SolverStatus;

/**
 * Up to this many states the loops over the state vector are unrolled: a PK model has a
 * handful of states and its step is then mostly register arithmetic (about 3× faster on the
 * reference workload than indexed loops); larger systems keep loops so code size stays linear.
 */
const UNROLL_MAX = 32;

const called = new Map<number, Dopri5Run>();
const inlined = new WeakMap<RhsCode, Map<number, Dopri5Run>>();

/**
 * The Dormand–Prince loop for n states, generated once per n, or once per (code, n) when
 * the right-hand side's source is given. Then f is inlined into the loop instead of called
 * six times per step, expressions of the parameters are computed once per run, and for up to
 * 32 states the state, the stages and the dense-output coefficients live in local variables
 * rather than arrays (on the reference PK workload, 1.6× faster than calling f). Without
 * code, f is called with the stage arguments in the cache's arrays. The generated expressions
 * are, term for term, the formulas of Hairer's DOPRI5 and the inlined f is the model's own
 * expressions, so results do not depend on the code path. Internal.
 *
 * @example dopri5Run(3, rhsCodeOf(model.rhs))(integrator, cache, 0, 12, y, p, { times, from: 0, to: 13, sink })
 */
export function dopri5Run(n: number, code?: RhsCode): Dopri5Run {
  let byN = called;
  if (code) {
    byN = inlined.get(code) ?? new Map();
    inlined.set(code, byN);
  }
  let run = byN.get(n);
  if (!run) {
    run = generate(n, code);
    byN.set(n, run);
  }
  return run;
}

/** A number as a JavaScript literal that reads back as the same double. */
function c(value: number): string {
  return value < 0 ? `(${value})` : String(value);
}

/** Hairer's DOPRI5 defaults: safety factor, step ratio bounds, PI (Lund) stabilisation β. */
const SAFE = 0.9;
const FACMIN = 0.2;
const FACMAX = 10;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
/** ln of Hairer's floor 1e-4 on the remembered error. */
const LOG_FACOLD_MIN = Math.log(1e-4);
/**
 * h·ρ above this means the step is held by stability, not accuracy. Hairer tests 3.25 (the
 * edge of the region is 3.3 on the real axis), but the PI controller settles stability-bound
 * steps just inside it (h·ρ 2.5–3.2 on Robertson at rtol 1e-8, where 3.25 was seen 15 times in
 * 3900 steps); accuracy-bound steps stay below 2 for rtol ≤ 1e-2 on the non-stiff test set.
 */
const STIFF_RATIO = 2;
/**
 * Accepted steps between stiffness tests while no stiff-looking run is being counted (then
 * every step). Hairer tests every 1000th step; every 10th keeps auto()'s switch within about
 * 25 steps of stiffness appearing and spares most steps the test (about 7 % of a 3-state step).
 */
const STIFF_TEST_EVERY = 10;
/** Step-size cuts by 10 tried when a step produces NaN/Inf before giving up. */
const NONFINITE_RETRIES = 10;

/** The cache array holding the argument of stage s (2–7). */
const ARGUMENT = ["", "", "ytmp", "ytmp", "ytmp", "ytmp", "ysti", "y1"];

/** How the generated code names the state, stage arguments, stages and dense-output coefficients, and the helpers that write it. */
interface Writer {
  readonly n: number;
  readonly code: RhsCode | undefined;
  /** The state and the stages live in local variables (f inlined, states unrolled), else in arrays. */
  readonly locals: boolean;
  readonly states: number[];
  /** Repeats a statement over the states: unrolled with constant indices, or a loop. */
  each(body: (i: string) => string): string;
  Y(i: number | string): string;
  arg(s: number, i: number | string): string;
  k(s: number, i: number | string): string;
  rc(j: number, i: number | string): string;
  readonly declare: string;
  list(name: (i: number) => string): string;
  combination(terms: [number, number][], i: string): string;
  stage(s: number, terms: [number, number][]): string;
  evaluate(s: number, time: string): string;
  /** A return that first leaves y at the last accepted state. */
  exit(result: string): string;
}

function writer(n: number, code: RhsCode | undefined): Writer {
  const unrolled = n <= UNROLL_MAX;
  // `each(body)` repeats a statement over the states: unrolled with constant indices, or a loop.
  const each = unrolled
    ? (body: (i: string) => string) => Array.from({ length: n }, (_, i) => body(String(i))).join("\n")
    : (body: (i: string) => string) => `for (let i = 0; i < ${n}; i++) {\n${body("i")}\n}`;
  // Where the state, stage arguments, stages and dense-output coefficients live: locals when
  // f is inlined and the states unrolled, else arrays (y itself, the cache's buffers), as
  // calling f needs.
  const locals = unrolled && code !== undefined;
  const Y = (i: number | string) => (locals ? `y_${i}` : `y[${i}]`);
  const arg = (s: number, i: number | string) => (locals ? `x${s}_${i}` : `${ARGUMENT[s]}[${i}]`);
  const k = (s: number, i: number | string) => (locals ? `k${s}_${i}` : `k${s}[${i}]`);
  const rc = (j: number, i: number | string) => (locals ? `r${j}_${i}` : `rcont${j}[${i}]`);
  const declare = locals ? "const " : "";
  const states = Array.from({ length: n }, (_, i) => i);
  const list = (name: (i: number) => string) => states.map(name).join(", ");
  const combination = (terms: [number, number][], i: string) => terms.map(([a, j]) => `${c(a)} * ${k(j, i)}`).join(" + ");
  const stage = (s: number, terms: [number, number][]) => each((i) => `${declare}${arg(s, i)} = ${Y(i)} + h * (${combination(terms, i)});`);
  const evaluate = (s: number, time: string) =>
    code
      ? `const t${s} = ${time};\n{\nconst t = t${s};\n${code.derivative((i) => arg(s, i), (i) => k(s, i))}\n}`
      : `rhs(${time}, ${ARGUMENT[s]}, p, k${s});`;
  // Every exit leaves y at the last accepted state.
  const exit = (result: string) => `{\n${locals ? states.map((i) => `y[${i}] = y_${i};`).join("\n") : ""}\nreturn ${result};\n}`;
  return { n, code, locals, states, each, Y, arg, k, rc, declare, list, combination, stage, evaluate, exit };
}

/** The loop's JavaScript is written in parts, in the order they run; each part below returns its text. */
function generate(n: number, code: RhsCode | undefined): Dopri5Run {
  const w = writer(n, code);
  const body = [start, guards, stages, errorNorm, acceptance, denseOutput, stiffnessTest, advanceState, controller].map((piece) => piece(w)).join("");
  const make = new Function("firstStep", "stepGuard", "limitStep", "emitExact", "skipBefore", `return function dopri5Run(host, c, t0, t1, y, p, outputs) {\n${body}\n};`);
  return make(firstStep, stepGuard, limitStep, emitExact, skipBefore) as Dopri5Run;
}

/** Before the loop: outputs at t0, f(t0), the first step and the loop's variables (state in locals when inlined). */
function start(w: Writer): string {
  const { k, locals, list, code } = w;
  return `
const { rhs, budget, stats } = host;
const { rtol, atol, hmax, adaptive } = host.options;
const { ytmp, ysti, y1, yk, rcont1, rcont2, rcont3, rcont4, rcont5 } = c;
const { times, to, sink } = outputs;
let k = emitExact(outputs, skipBefore(outputs, t0), t0, y, yk);
if (t1 === t0) return host.stop(t0, k);
${code ? code.setup : ""}
rhs(t0, y, p, c.k1);
stats.rhsEvals++;
let h = firstStep(host, t0, t1, y, p, c.k1, 5, ytmp, c.k2);
// Unboxed copies of the interval's ends (x + 0 is a float64 addition, which only turns −0
// into +0): with the boxed arguments flowing into the loop, V8 kept the time boxed and
// allocated a heap number at every step, and the garbage collector took ~10 % of the run.
let t = t0 + 0;
const tEnd = t1 + 0;
let logFacold = ${c(LOG_FACOLD_MIN)};
let reject = false;
let nonfinite = 0;
let sinceStiffTest = 0;
${
  locals
    ? `let ${list((i) => `y_${i} = y[${i}]`)};\nlet ${list((i) => `k1_${i} = c.k1[${i}]`)};\nlet ${[2, 3, 4, 5, 6, 7].map((s) => list((i) => k(s, i))).join(", ")};`
    : "let k1 = c.k1;\nlet k7 = c.k7;\nconst { k2, k3, k4, k5, k6 } = c;"
}
`;
}

/** Start of a step attempt: the budget, a step too small to move t, and the last step landing on t1. */
function guards(w: Writer): string {
  const { exit } = w;
  return `for (;;) {
  const halt = stepGuard(budget, t, h);
  if (halt !== undefined) ${exit("host.fail(halt, t, h, k)")}
  let last = false;
  if (t + 1.01 * h >= tEnd) {
    h = tEnd - t;
    last = true;
  }
`;
}

/** Stages 2–7 of the Dormand–Prince tableau (stage 1 is f at the step's start, FSAL). */
function stages(w: Writer): string {
  const { each, Y, arg, k, declare, stage, evaluate } = w;
  return `${each((i) => `${declare}${arg(2, i)} = ${Y(i)} + h * ${c(T.a21)} * ${k(1, i)};`)}
${evaluate(2, `t + ${c(T.c2)} * h`)}
${stage(3, [[T.a31, 1], [T.a32, 2]])}
${evaluate(3, `t + ${c(T.c3)} * h`)}
${stage(4, [[T.a41, 1], [T.a42, 2], [T.a43, 3]])}
${evaluate(4, `t + ${c(T.c4)} * h`)}
${stage(5, [[T.a51, 1], [T.a52, 2], [T.a53, 3], [T.a54, 4]])}
${evaluate(5, `t + ${c(T.c5)} * h`)}
${stage(6, [[T.a61, 1], [T.a62, 2], [T.a63, 3], [T.a64, 4], [T.a65, 5]])}
  const tph = t + h;
${evaluate(6, "tph")}
${stage(7, [[T.a71, 1], [T.a73, 3], [T.a74, 4], [T.a75, 5], [T.a76, 6]])}
${evaluate(7, "tph")}
  stats.rhsEvals += 6;
`;
}

/** The embedded error estimate's weighted RMS norm, and a rejected step (NaN/Inf, or error > 1). */
function errorNorm(w: Writer): string {
  const { each, Y, arg, combination, exit, n } = w;
  return `  // RMS norm of the embedded error estimate, weighted by atol + rtol·max(|y|, |y1|).
  let meanSquare = 0;
${each(
  (i) => `{
    const e = h * (${combination([[T.e1, 1], [T.e3, 3], [T.e4, 4], [T.e5, 5], [T.e6, 6], [T.e7, 7]], i)});
    const sk = atol + rtol * Math.max(Math.abs(${Y(i)}), Math.abs(${arg(7, i)}));
    meanSquare += (e / sk) * (e / sk);
  }`,
)}
  // The error norm is the square root of this; it is only used through its logarithm, and a
  // square root, like a division, would lengthen the chain of dependent operations each step waits on.
  meanSquare /= ${n};
  if (!(meanSquare < Infinity)) {
    stats.rejected++;
    if (!adaptive || ++nonfinite > ${NONFINITE_RETRIES}) ${exit(`host.fail("unstable", t, h, k)`)}
    h *= 0.1;
    reject = true;
    continue;
  }
  // In logarithms: Math.pow costs several times exp + log, and this runs every step.
  const logErr = 0.5 * Math.log(meanSquare);
  if (adaptive && meanSquare > 1) {
    stats.rejected++;
    h *= Math.max(${c(FACMIN)}, ${c(SAFE)} * Math.exp(${c(-EXPO1)} * logErr));
    reject = true;
    continue;
  }
`;
}

/** An accepted step. */
function acceptance(w: Writer): string {
  const {  } = w;
  return `
  stats.steps++;
  nonfinite = 0;
  const tnew = last ? tEnd : t + h;
`;
}

/** Outputs inside the accepted step from Hairer's CONTD5 interpolant. */
function denseOutput(w: Writer): string {
  const { each, Y, arg, k, rc, declare, combination } = w;
  return `  if (k < to && times[k] < tnew) {
    // The interpolant of the accepted step (Hairer's CONTD5).
${each(
  (i) => `    ${declare}${rc(1, i)} = ${Y(i)};
    ${declare}${rc(2, i)} = ${arg(7, i)} - ${Y(i)};
    ${declare}${rc(3, i)} = h * ${k(1, i)} - ${rc(2, i)};
    ${declare}${rc(4, i)} = ${rc(2, i)} - h * ${k(7, i)} - ${rc(3, i)};
    ${declare}${rc(5, i)} = h * (${combination([[T.d1, 1], [T.d3, 3], [T.d4, 4], [T.d5, 5], [T.d6, 6], [T.d7, 7]], i)});`,
)}
    while (k < to && times[k] < tnew) {
      const theta = (times[k] - t) / h;
      const theta1 = 1 - theta;
${each((i) => `      yk[${i}] = ${rc(1, i)} + theta * (${rc(2, i)} + theta1 * (${rc(3, i)} + theta * (${rc(4, i)} + theta1 * ${rc(5, i)})));`)}
      sink(k, yk);
      k++;
    }
  }
`;
}

/** Hairer's stiffness test h·ρ on stages 6 and 7 (auto() only). */
function stiffnessTest(w: Writer): string {
  const { each, arg, k } = w;
  return `  if (host.detectStiffness && (++sinceStiffTest >= ${STIFF_TEST_EVERY} || host.suspectsStiffness)) {
    sinceStiffTest = 0;
    // Stages 6 and 7 are both taken at t + h, so h·‖k7 − k6‖/‖y1 − ysti‖ estimates h·ρ(∂f/∂y).
    let num = 0;
    let den = 0;
${each((i) => `    num += (${k(7, i)} - ${k(6, i)}) ** 2;\n    den += (${arg(7, i)} - ${arg(6, i)}) ** 2;`)}
    // A boolean, not h·ρ itself: a double passed to a call is boxed, one allocation per step.
    host.trackStiffness(den > 0 && h * Math.sqrt(num / den) > ${c(STIFF_RATIO)});
  }
`;
}

/** Moves to the new state (FSAL: k7 becomes k1), emits outputs on it, and stops at t1 or on a switch. */
function advanceState(w: Writer): string {
  const { each, Y, exit, locals, states } = w;
  return `${
  locals
    ? states.map((i) => `  y_${i} = x7_${i};\n  k1_${i} = k7_${i};`).join("\n")
    : `${each((i) => `  y[${i}] = y1[${i}];`)}\n  const f1 = k7;\n  k7 = k1;\n  k1 = f1;`
}
  while (k < to && times[k] <= tnew) {
    // The sink gets a copy: it may keep or change its argument only for the call.
${each((i) => `    yk[${i}] = ${Y(i)};`)}
    sink(k, yk);
    k++;
  }
  t = tnew;
  if (last || host.switchRequested) ${exit("host.stop(t, k)")}
`;
}

/** The next step size from the PI controller. */
function controller(w: Writer): string {
  const {  } = w;
  return `
  if (adaptive) {
    // h_new = h · SAFE · facold^BETA / err^EXPO1 within [FACMIN, FACMAX]·h: the PI controller,
    // facold its memory of the last accepted error.
    const factor = Math.min(${c(FACMAX)}, Math.max(${c(FACMIN)}, ${c(SAFE)} * Math.exp(${c(BETA)} * logFacold - ${c(EXPO1)} * logErr)));
    logFacold = Math.max(logErr, ${c(LOG_FACOLD_MIN)});
    h = limitStep(h * factor, h, hmax, reject);
  }
  reject = false;
}`;
}
