import { describe, expect, it } from "vitest";
import { simulate, type Model } from "@pmxlab/kernel";
import { draftModel, OfflineDrafter, type DraftRequest, type Drafter } from "../../src/drafting/index.js";

/** A drafted model's default value of one parameter (the closed forms below use the draft's own values). */
function p(model: Model, name: string): number {
  const q = model.parameters.find((x) => x.name === name);
  if (!q) throw new Error(`draft has no parameter ${name}`);
  return q.value;
}

async function drafted(description: string): Promise<Model> {
  const result = await draftModel(description, new OfflineDrafter());
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.smoke?.peak).toBeGreaterThan(0);
  return result.model!;
}

/** AUC(0–∞) by the trapezoidal rule on a dense grid plus the log-linear tail C_last·Δt/ln(C_{n-1}/C_n). */
function aucInf(time: ArrayLike<number>, conc: ArrayLike<number>): number {
  let auc = 0;
  for (let i = 1; i < time.length; i++) auc += ((conc[i] + conc[i - 1]) / 2) * (time[i] - time[i - 1]);
  const n = time.length - 1;
  const lambda = Math.log(conc[n - 1] / conc[n]) / (time[n] - time[n - 1]);
  return auc + conc[n] / lambda;
}

const TIMES = [0.25, 0.5, 1, 2, 4, 8, 12, 24];

/** A grid fine (0.01 h) over the first day, where distribution and absorption are fast, then 0.5 h to `end`. */
function aucGrid(end: number): number[] {
  const fine = Array.from({ length: 2400 }, (_, i) => i * 0.01);
  const coarse = Array.from({ length: Math.round((end - 24) / 0.5) + 1 }, (_, i) => 24 + i * 0.5);
  return [...fine, ...coarse];
}

describe("model drafting, offline: ten descriptions from one-compartment IV to TMDD", () => {
  it("one-compartment IV bolus: C = Dose/V · e^(−CL/V · t)", async () => {
    const m = await drafted("one-compartment IV bolus model");
    const [CL, V] = [p(m, "CL"), p(m, "V")];
    const cp = simulate(m, { regimen: "100 mg iv", times: TIMES }).outputs.CP;
    TIMES.forEach((t, i) => expect(cp[i]).toBeCloseTo((100 / V) * Math.exp((-CL / V) * t), 6));
  });

  it("one-compartment oral with first-order absorption: the Bateman function", async () => {
    const m = await drafted("one-compartment oral model with first-order absorption");
    const [KA, CL, V, F] = [p(m, "KA"), p(m, "CL"), p(m, "V"), p(m, "F1")];
    const k = CL / V;
    const cp = simulate(m, { regimen: "100 mg oral", times: TIMES }).outputs.CP;
    TIMES.forEach((t, i) => expect(cp[i]).toBeCloseTo(((F * 100 * KA) / (V * (KA - k))) * (Math.exp(-k * t) - Math.exp(-KA * t)), 6));
  });

  it("two-compartment IV infusion: AUC = Dose/CL, and a bolus follows the biexponential closed form", async () => {
    const m = await drafted("two-compartment IV infusion");
    const [CL, V1, Q, V2] = [p(m, "CL"), p(m, "V1"), p(m, "Q"), p(m, "V2")];
    const inf = simulate(m, { regimen: "100 mg over 1 h iv", times: aucGrid(2000) });
    expect(aucInf(inf.time, inf.outputs.CP) / (100 / CL)).toBeCloseTo(1, 3);
    // Bolus: α, β are the roots of s² − (k10 + k12 + k21)s + k10·k21 (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982).
    const [k10, k12, k21] = [CL / V1, Q / V1, Q / V2];
    const sum = k10 + k12 + k21;
    const root = Math.sqrt(sum * sum - 4 * k10 * k21);
    const [alpha, beta] = [(sum + root) / 2, (sum - root) / 2];
    const cp = simulate(m, { regimen: "100 mg iv", times: TIMES }).outputs.CP;
    TIMES.forEach((t, i) =>
      expect(cp[i]).toBeCloseTo((100 / V1) * (((alpha - k21) / (alpha - beta)) * Math.exp(-alpha * t) + ((k21 - beta) / (alpha - beta)) * Math.exp(-beta * t)), 6),
    );
  });

  it("two-compartment oral: AUC = F · Dose / CL", async () => {
    const m = await drafted("two-compartment model with oral absorption");
    const sim = simulate(m, { regimen: "100 mg oral", times: aucGrid(2000) });
    expect(aucInf(sim.time, sim.outputs.CP) / ((p(m, "F1") * 100) / p(m, "CL"))).toBeCloseTo(1, 3);
  });

  it("three-compartment IV bolus: C(0) = Dose/V1 and AUC = Dose/CL", async () => {
    const m = await drafted("three-compartment IV");
    const sim = simulate(m, { regimen: "100 mg iv", times: aucGrid(3000) });
    expect(sim.outputs.CP[0]).toBeCloseTo(100 / p(m, "V1"), 9);
    expect(aucInf(sim.time, sim.outputs.CP) / (100 / p(m, "CL"))).toBeCloseTo(1, 3);
  });

  it("one-compartment IV with Michaelis–Menten elimination: KM·ln(C0/C) + C0 − C = VMAX/V · t", async () => {
    const m = await drafted("one-compartment IV with Michaelis-Menten elimination");
    expect(m.parameters.map((q) => q.name)).not.toContain("CL");
    const [VMAX, KM, V] = [p(m, "VMAX"), p(m, "KM"), p(m, "V")];
    const cp = simulate(m, { regimen: "100 mg iv", times: TIMES }).outputs.CP;
    const c0 = 100 / V;
    TIMES.forEach((t, i) => expect(KM * Math.log(c0 / cp[i]) + c0 - cp[i]).toBeCloseTo((VMAX / V) * t, 5));
  });

  it("direct Emax on one-compartment oral PK: E = E0 + EMAX·C/(EC50 + C) of the Bateman concentration", async () => {
    const m = await drafted("direct Emax model with one-compartment oral PK");
    const [KA, CL, V, E0, EMAX, EC50] = ["KA", "CL", "V", "E0", "EMAX", "EC50"].map((n) => p(m, n));
    const k = CL / V;
    const e = simulate(m, { regimen: "100 mg oral", times: TIMES }).outputs.E;
    TIMES.forEach((t, i) => {
      const c = ((100 * KA) / (V * (KA - k))) * (Math.exp(-k * t) - Math.exp(-KA * t));
      expect(e[i]).toBeCloseTo(E0 + (EMAX * c) / (EC50 + c), 5);
    });
  });

  it("Emax effect compartment: CE = C0·KE0/(KE0 − k)·(e^(−k·t) − e^(−KE0·t)) drives E", async () => {
    const m = await drafted("Emax effect compartment model");
    const [CL, V, KE0, E0, EMAX, EC50] = ["CL", "V", "KE0", "E0", "EMAX", "EC50"].map((n) => p(m, n));
    const k = CL / V;
    const e = simulate(m, { regimen: "100 mg iv", times: TIMES }).outputs.E;
    TIMES.forEach((t, i) => {
      const ce = ((100 / V) * KE0 / (KE0 - k)) * (Math.exp(-k * t) - Math.exp(-KE0 * t));
      expect(e[i]).toBeCloseTo(E0 + (EMAX * ce) / (EC50 + ce), 5);
    });
  });

  it("indirect response type I on oral PK: baseline KIN/KOUT until the dose, then a delayed fall bounded by KIN·(1 − IMAX)/KOUT", async () => {
    const m = await drafted("indirect response model type I (inhibition of production) with one-compartment oral PK");
    const [KIN, KOUT, IMAX] = [p(m, "KIN"), p(m, "KOUT"), p(m, "IMAX")];
    const sim = simulate(m, { regimen: "100 mg at 10 h oral", times: { end: 72, step: 0.25 } });
    const resp = sim.outputs.RESP;
    const cp = sim.outputs.CP;
    for (let i = 0; sim.time[i] <= 10; i++) expect(resp[i]).toBeCloseTo(KIN / KOUT, 9);
    const low = Math.min(...resp);
    expect(low).toBeLessThan(KIN / KOUT);
    expect(low).toBeGreaterThanOrEqual((KIN * (1 - IMAX)) / KOUT);
    const argmax = (v: ArrayLike<number>, pick: (a: number, b: number) => boolean): number => Array.from(v).reduce((best, x, i, a) => (pick(x, a[best]) ? i : best), 0);
    expect(sim.time[argmax(resp, (a, b) => a < b)]).toBeGreaterThan(sim.time[argmax(cp, (a, b) => a > b)]);
  });

  it("TMDD: a 10 mg dose is 10 mg / 146 kDa / 3 L = 22.83 nM free drug at once, and the target starts at R0", async () => {
    const m = await drafted("TMDD model for a monoclonal antibody");
    const sim = simulate(m, { regimen: "10 mg iv", times: [0, 1, 24] });
    // 10e-3 g / 146000 g/mol = 6.849e-8 mol = 68.49 nmol; / 3 L = 22.83 nM (hand computation).
    expect(sim.outputs.CFREE[0]).toBeCloseTo(22.83, 2);
    expect(sim.outputs.RTOT[0]).toBeCloseTo(p(m, "R0"), 9);
    expect(sim.outputs.CFREE[2]).toBeLessThan(sim.outputs.CFREE[0]);
  });

  it("a description with no block in the library is refused with what the drafter can do, never a model", async () => {
    for (const description of ["a PBPK model of the liver", "a model of the weather"]) {
      const result = await draftModel(description, new OfflineDrafter());
      expect(result.ok).toBe(false);
      expect(result.model).toBeUndefined();
      expect(result.errors[0].stage).toBe("draft");
      expect(result.errors[0].message).toMatch(/one-, two- and three-compartment/);
    }
  });
});

/** A drafter that answers from a script: its n-th call returns texts[n] (the last one after that). */
function scripted(texts: string[]): Drafter & { requests: DraftRequest[] } {
  const requests: DraftRequest[] = [];
  return {
    name: "scripted",
    requests,
    async draft(request) {
      requests.push(request);
      return texts[Math.min(requests.length - 1, texts.length - 1)];
    },
  };
}

const model = (ode: string, output = "CP = central/V : mg/L : c"): string =>
  `$MODEL m\n$ROUTES\niv = central\n$PARAMETERS\nCL = 1 : L/h : cl\nV = 10 : L : v\nKE = 0.1 : 1/h : ke\n$COMPARTMENTS\ncentral : mg : c\nperiph : mg : p\n$ODE\nd/dt(central) = ${ode}\nd/dt(periph) = -KE*periph\n$OUTPUTS\n${output}\n`;

describe("the drafting loop", () => {
  it("sends unit errors back for repair and returns the repaired, verified model", async () => {
    const drafter = scripted([model("-KE*V*central"), model("-CL/V*central")]);
    const result = await draftModel("any", drafter);
    expect(result.ok).toBe(true);
    expect(result.attempts.length).toBe(2);
    expect(result.attempts[0].errors[0].stage).toBe("units");
    expect(result.attempts[0].errors[0].message).toMatch(/line \d+: d\/dt\(central\) = -KE\*V\*central has unit/);
    expect(drafter.requests[1].previous?.errors).toEqual(result.attempts[0].errors);
    expect(result.model?.name).toBe("m");
  });

  it("gives up after the bounded repairs and returns the errors, not a model", async () => {
    const drafter = scripted([model("-KE*V*central"), model("-KE*V*central + 0*central"), model("-KE*V*central - 0*central")]);
    const result = await draftModel("any", drafter, { maxRepairs: 2 });
    expect(result.ok).toBe(false);
    expect(result.model).toBeUndefined();
    expect(result.attempts.length).toBe(3);
    expect(result.errors[0].stage).toBe("units");
  });

  it("stops at once when the drafter repeats its text", async () => {
    const result = await draftModel("any", scripted([model("-K*central")]), { maxRepairs: 5 });
    expect(result.attempts.length).toBe(1);
    expect(result.errors).toEqual([{ stage: "compile", message: 'line 12: d/dt(central) = -K*central: unknown symbol "K"' }]);
  });

  it("refuses a model whose output the dose never reaches (smoke simulation)", async () => {
    const result = await draftModel("any", scripted([model("-CL/V*central", "CP = periph/V : mg/L : c")]));
    expect(result.ok).toBe(false);
    expect(result.errors[0].stage).toBe("simulate");
    expect(result.errors[0].message).toMatch(/never rises above 0/);
  });
});
