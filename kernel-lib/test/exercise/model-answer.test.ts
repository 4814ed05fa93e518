import { describe, expect, it } from "vitest";
import { modelAnswer } from "../../src/exercise/index.js";

const model = (elimination: string, extra = "") => `$MODEL student_oral
$DESCRIPTION one-compartment oral model written by a student
$PARAMETERS
KA = 1 : 1/h : absorption rate constant
CL = 5 : L/h : clearance
V = 50 : L : volume
${extra}$COMPARTMENTS
depot : mg : depot
central : mg : central
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - ${elimination}*central
$OUTPUTS
CP = central/V : mg/L : concentration
`;

// Two parameter sets and two regimens: a model right in one situation only must fail.
const cases = [
  { params: { KA: 1, CL: 5, V: 50 }, regimen: "100 mg" },
  { params: { KA: 0.4, CL: 3, V: 20 }, regimen: "50 mg q12h x 4" },
];

describe("modelAnswer", () => {
  it("passes a student model that reproduces pk1cmt_oral in every case", () => {
    expect(modelAnswer(model("CL/V"), "pk1cmt_oral", { cases })).toMatchObject({ passed: true });
  });

  it("fails a model right for the first parameter set only (ke = 0.1 1/h fixed instead of CL/V) and names the case", () => {
    const outcome = modelAnswer(model("KE", "KE = 0.1 : 1/h : elimination rate constant\n"), "pk1cmt_oral", { cases });
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/KA = 0.4, CL = 3, V = 20; 50 mg q12h x 4/);
  });

  it("reports a model that does not compile as the student's error", () => {
    expect(() => modelAnswer(model("CL/V +"), "pk1cmt_oral", { cases })).toThrow(/does not compile/);
  });
});
