import { describe, expect, it } from "vitest";
import { getModel } from "../../src/library/index.js";
import { parameterVector, parseModel } from "../../src/model/index.js";
import { rhsCodeOf } from "../../src/model/rhs-code.js";
import type { Model } from "../../src/model/types.js";
import { dopri5 } from "../../src/ode/index.js";
import type { Rhs, RhsCode } from "../../src/ode/index.js";
import { simulate } from "../../src/simulation/simulate.js";
import { MICHAELIS_MENTEN } from "../model/fixtures.js";

const OPTIONS = { rtol: 1e-8, atol: 1e-10 };

/** Integrates `model` with dopri5 from y0 over [0, t1], outputs at `times`; `code` inlines f. */
function integrate(model: Model, rhs: Rhs, code: RhsCode | undefined, y0: number[], times: number[]) {
  const n = model.compartments.length;
  const integrator = dopri5().createIntegrator(n, rhs, undefined, OPTIONS, code);
  const y = Float64Array.from(y0);
  const out = times.map(() => new Float64Array(n));
  const status = integrator.advance(0, times[times.length - 1], y, parameterVector(model), { times, from: 0, to: times.length, sink: (k, yk) => out[k].set(yk) });
  return { status, out, stats: integrator.stats };
}

/** The same model with its rhs wrapped: no generated source, so the integrator calls it. */
function called(model: Model): Model {
  return { ...model, rhs: (t, y, p, dydt) => model.rhs(t, y, p, dydt) };
}

const TRANSIT_STATES = 40;
const TRANSIT_K = 2;
/** 40 transit compartments with one rate (more than the 32 states dopri5 unrolls). */
const TRANSIT = `$MODEL transit40
$DESCRIPTION chain of ${TRANSIT_STATES} transit compartments
$PARAMETERS
KTR = ${TRANSIT_K} : 1/h : transit rate constant
$COMPARTMENTS
${Array.from({ length: TRANSIT_STATES }, (_, j) => `a${j} : mg : transit compartment ${j}`).join("\n")}
$ODE
d/dt(a0) = -KTR*a0
${Array.from({ length: TRANSIT_STATES - 1 }, (_, j) => `d/dt(a${j + 1}) = KTR*a${j} - KTR*a${j + 1}`).join("\n")}
`;

/** A forced linear system, x' = A·sin(W·t) − K·x with K = 0: the right-hand side reads t. */
const FORCED = `$MODEL forced
$DESCRIPTION sinusoidal input
$PARAMETERS
A = 3 : mg/h : amplitude
W = 0.5 : 1/h : angular frequency
$COMPARTMENTS
x : mg : amount
$ODE
d/dt(x) = A*sin(W*t)
`;

describe("dopri5 with the right-hand side inlined", () => {
  it("calls rhs only for f(t0) and the initial step, yet counts six evaluations per step", () => {
    const model = getModel("pk2cmt_oral");
    let calls = 0;
    const counting: Rhs = (t, y, p, dydt) => {
      calls++;
      model.rhs(t, y, p, dydt);
    };
    const { status, stats } = integrate(model, counting, rhsCodeOf(model.rhs), [100, 0, 0], [0, 6, 12]);
    expect(status).toBe("success");
    expect(calls).toBe(2);
    expect(stats.rhsEvals).toBe(2 + 6 * (stats.steps + stats.rejected));
  });

  it("computes expressions of the parameters once per interval, not in the stages", () => {
    const code = rhsCodeOf(getModel("pk2cmt_oral").rhs) as RhsCode;
    expect(code.setup).toContain("(v_CL / v_V1)");
    const stage = code.derivative((i) => `s${i}`, (i) => `f${i}`);
    expect(stage).not.toMatch(/\/ v_V/);
    expect(stage).toContain("const v_depot = s0;");
  });

  it("has no source for a wrapped right-hand side", () => {
    expect(rhsCodeOf(called(getModel("pk1cmt_iv")).rhs)).toBeUndefined();
  });

  // Each model: the inlined loop and the calling loop give the same doubles.
  describe.each([
    ["pk2cmt_oral", getModel("pk2cmt_oral"), [100, 0, 0]],
    ["tmdd (nonlinear binding)", getModel("tmdd"), [30, 2, 0]],
    ["friberg (powers of state ratios)", getModel("friberg"), [20, 5, 5, 5, 5, 5]],
    ["Michaelis–Menten (state-dependent derived)", parseModel(MICHAELIS_MENTEN), [60]],
    ["forced by sin(W·t)", parseModel(FORCED), [0]],
    [`${TRANSIT_STATES} transit compartments (loops, not unrolled)`, parseModel(TRANSIT), [100, ...new Array(TRANSIT_STATES - 1).fill(0)]],
  ] as [string, Model, number[]][])("%s", (_name, model, y0) => {
    it("equals the calling path bit for bit", () => {
      const times = Array.from({ length: 25 }, (_, i) => i);
      const inlined = integrate(model, model.rhs, rhsCodeOf(model.rhs), y0, times);
      const plain = integrate(model, model.rhs, undefined, y0, times);
      expect(rhsCodeOf(model.rhs)).toBeDefined();
      expect(inlined.status).toBe("success");
      expect(inlined.out).toEqual(plain.out);
      expect(inlined.stats.steps).toBe(plain.stats.steps);
    });
  });

  it("follows Michaelis–Menten elimination: t = (KM·V·ln(C0/C) + V·(C0 − C))/VMAX", () => {
    const mm = parseModel(MICHAELIS_MENTEN.replace("KIN = 0.5", "KIN = 0"));
    const [VMAX, KM, V] = [10, 2, 20];
    const times = [0, 1, 2, 4, 8];
    const { out } = integrate(mm, mm.rhs, rhsCodeOf(mm.rhs), [60], times);
    const c0 = 60 / V;
    times.slice(1).forEach((t, i) => {
      const c = out[i + 1][0] / V;
      expect((KM * V * Math.log(c0 / c) + V * (c0 - c)) / VMAX).toBeCloseTo(t, 6);
    });
  });

  it(`follows the Erlang solution of ${TRANSIT_STATES} transit compartments`, () => {
    const model = parseModel(TRANSIT);
    const t = 10;
    const { out } = integrate(model, model.rhs, rhsCodeOf(model.rhs), [100, ...new Array(TRANSIT_STATES - 1).fill(0)], [0, t]);
    let term = 100 * Math.exp(-TRANSIT_K * t);
    for (let j = 0; j < TRANSIT_STATES; j++) {
      if (term > 1e-3) expect(out[1][j] / term - 1).toBeCloseTo(0, 6);
      term *= (TRANSIT_K * t) / (j + 1);
    }
  });

  it("follows x = A/W·(1 − cos(W·t)) when f reads t", () => {
    const model = parseModel(FORCED);
    const times = [0, 3, 7, 12];
    const { out } = integrate(model, model.rhs, rhsCodeOf(model.rhs), [0], times);
    times.forEach((t, k) => expect(out[k][0]).toBeCloseTo((3 / 0.5) * (1 - Math.cos(0.5 * t)), 6));
  });

  it("adds infusion rates as the calling path does (simulate, bolus and infusion)", () => {
    const model = getModel("tmdd");
    const input = {
      regimen: [
        { time: 0, amount: 30, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0 as const },
        { time: 5, amount: 40, cmt: 1, rate: 10, ii: 12, addl: 1, ss: 0 as const },
      ],
      times: { start: 0, end: 30, step: 0.5 },
    };
    const inlined = simulate(model, input, { method: dopri5() });
    const plain = simulate(called(model), input, { method: dopri5() });
    expect(inlined.status).toBe("success");
    expect(inlined.states).toEqual(plain.states);
    expect(inlined.outputs).toEqual(plain.outputs);
  });
});
