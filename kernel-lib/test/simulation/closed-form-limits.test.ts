import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/data/index.js";
import { MatrixExponential } from "../../src/linalg/index.js";
import { parseModel } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";

// Issue 11: inputs at which the closed-form (matrix exponential) path looped forever, lost
// the slow phase of a stiff model, or failed with "expm: the matrix holds a NaN or infinite
// entry". Bounds: each case finishes within the stated time; the old code never returned
// from the first two.

/** A → B with rate constants K1 (fast) and K2 (slow), 1 mg into A at t = 0. */
const chain = parseModel(`$MODEL chain
$PARAMETERS
K1 = 1 : 1/h : fast transfer
K2 = 1 : 1/h : slow elimination
$COMPARTMENTS
A : mg : first
B : mg : second
$ODE
d/dt(A) = -K1*A
d/dt(B) = K1*A - K2*B
$OUTPUTS
BOUT = B : mg : amount in B
`);

/** Bateman: B(t) = K1/(K1 − K2)·(e^{−K2·t} − e^{−K1·t}) for a unit dose into A. */
const bateman = (k1: number, k2: number, t: number) => (k1 / (k1 - k2)) * (Math.exp(-k2 * t) - Math.exp(-k1 * t));

const timed = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
};

describe("the matrix exponential at the edge of the double range", () => {
  it("e^A for ‖A‖ = 1e308 returns within 1 s (the scaling step used to overflow and loop forever)", () => {
    const [out, ms] = timed(() => new MatrixExponential(1).compute(Float64Array.of(-1e308), new Float64Array(1)));
    expect(ms).toBeLessThan(1000);
    expect(out[0]).toBe(0);
  });

  it("CL = 1e308 L/h with V = 1 L eliminates the dose at once, within 2 s", () => {
    const [sim, ms] = timed(() => simulate("pk1cmt_iv", { regimen: "1 mg", times: [0.5, 1], params: { CL: 1e308, V: 1 } }));
    expect(ms).toBeLessThan(2000);
    expect(sim.status).toBe("success");
    expect([...sim.outputs.CP]).toEqual([0, 0]);
  });

  it("a gap of 1e308 h between records eliminates the dose, within 2 s", () => {
    const data = readDataset("ID,TIME,AMT,EVID,DV\n1,0,100,1,.\n1,1e308,0,0,.\n");
    const [sim, ms] = timed(() => simulate("pk1cmt_iv", { data }, { method: "closed-form" }));
    expect(ms).toBeLessThan(2000);
    expect(sim.status).toBe("success");
    expect(sim.outputs.CP[0]).toBe(0);
  });

  it("a gap so long that rate × gap overflows is a failure naming the interval, within 2 s", () => {
    const data = readDataset("ID,TIME,AMT,EVID,DV\n1,0,100,1,.\n1,1e308,0,0,.\n");
    const [sim, ms] = timed(() => simulate("pk1cmt_iv", { data, params: { CL: 50, V: 1 } }, { method: "closed-form" }));
    expect(ms).toBeLessThan(2000);
    expect(sim.status).toBe("unstable");
    expect(sim.message).toMatch(/^ID 1: the interval from t = 0 to 1e\+308 is too long for the closed-form solution/);
  });
});

describe("stiff linear models", () => {
  it.each([1e16, 1e12, 1e8])("A → B with rates %s and 1 per h follows the analytic slow phase within 1e-5 (was 1.001 vs 0.368 at 1e16)", (k1) => {
    const times = [0.5, 1, 2, 5];
    const [sim, ms] = timed(() => simulate(chain, { regimen: "1 mg", times, params: { K1: k1, K2: 1 } }));
    expect(ms).toBeLessThan(5000);
    expect(sim.status).toBe("success");
    expect(sim.method).toBe("closed-form+rodas4");
    times.forEach((t, i) => expect(Math.abs(sim.outputs.BOUT[i] / bateman(k1, 1, t) - 1)).toBeLessThan(1e-5));
  });

  it("a moderately stiff chain (rates 1000 and 1 per h) keeps the closed form and its rounding-level accuracy", () => {
    const sim = simulate(chain, { regimen: "1 mg", times: [1, 5], params: { K1: 1000, K2: 1 } });
    expect(sim.method).toBe("closed-form");
    [1, 5].forEach((t, i) => expect(Math.abs(sim.outputs.BOUT[i] / bateman(1000, 1, t) - 1)).toBeLessThan(1e-11));
  });
});

describe("undefined rates are named", () => {
  const allometric = parseModel(`$MODEL allometric
$PARAMETERS
CL = 1 : L/h : clearance
V = 10 : L : volume
WTREF = 70 : kg : reference weight
$COVARIATES
WT = 70 : kg : body weight
$COMPARTMENTS
central : mg : amount
$DERIVED
CLi = CL*(WT/WTREF)^0.75
$ODE
d/dt(central) = -CLi/V*central
$OUTPUTS
CP = central/V : mg/L : concentration
`);

  it("a negative weight under a fractional power names the equation, the state and the covariate value", () => {
    const sim = simulate(allometric, { regimen: "1 mg", times: [1], covariates: { WT: -5 } });
    expect(sim.status).toBe("unstable");
    expect(sim.message).toMatch(/^ID 1: the rate of d\/dt\(central\) per unit of central is NaN with CL = 1, V = 10, WTREF = 70, WT = -5: .*fractional power/);
  });

  it("V − V in a denominator names the equation", () => {
    const model = parseModel(`$MODEL vv\n$PARAMETERS\nCL = 1 : L/h : c\nV = 10 : L : v\n$COMPARTMENTS\nc : mg : c\n$ODE\nd/dt(c) = -CL/(V-V)*c\n`);
    const sim = simulate(model, { regimen: "1 mg", times: [1] });
    expect(sim.message).toMatch(/the rate of d\/dt\(c\) per unit of c is -Infinity with CL = 1, V = 10: .*division by zero/);
  });
});
