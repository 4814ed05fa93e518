import { describe, expect, it } from "vitest";
import { defineModel, ModelError, parseModel } from "../../src/model/index.js";
import { simulate } from "../../src/simulation/index.js";

// Issue 11: model text that used to hang the compiler, overflow its stack, or be silently
// misread. Each case states its time bound; the old compiler missed every one of them.

/** A one-compartment model whose elimination is the sum of `n` first-order rate constants K0…K(n−1). */
function summedRates(n: number, k = 0.001): string {
  const params = Array.from({ length: n }, (_, i) => `K${i} = ${k} : 1/h : rate ${i}`).join("\n");
  const sum = Array.from({ length: n }, (_, i) => `K${i}*central`).join(" + ");
  return `$MODEL summed\n$PARAMETERS\n${params}\n$COMPARTMENTS\ncentral : mg : amount\n$ODE\nd/dt(central) = -(${sum})\n$OUTPUTS\nA = central : mg : amount\n`;
}

const elapsed = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
};

describe("model compilation stays polynomial", () => {
  it("a 200-term sum over one state compiles within 5 s (20 terms took 2 s, 28 over 30 s before) and is solved exactly", { timeout: 20_000 }, () => {
    const [model, ms] = elapsed(() => parseModel(summedRates(200)));
    expect(ms).toBeLessThan(5000);
    expect(model.linear).toBe(true);
    // Elimination at 200 × 0.001 /h: A(1 h) = 1 mg · e^{−0.2}.
    const sim = simulate(model, { regimen: "1 mg", times: [1] });
    expect(sim.method).toBe("closed-form");
    expect(sim.outputs.A[0]).toBeCloseTo(Math.exp(-0.2), 12);
  });

  it("a sum of 3,000 terms is refused naming the line and the limit, with the equation quoted only in part", { timeout: 20_000 }, () => {
    const text = summedRates(3000);
    let error: unknown;
    const [, ms] = elapsed(() => {
      try {
        parseModel(text);
      } catch (e) {
        error = e;
      }
    });
    expect(ms).toBeLessThan(5000);
    expect(error).toBeInstanceOf(ModelError);
    const message = (error as Error).message;
    expect(message).toMatch(/^line 3006: d\/dt\(central\) = /);
    expect(message).toMatch(/too large.*limit of 1000.*\$DERIVED/);
    expect(message.length).toBeLessThan(400);
  });

  it("3,000 nested parentheses are refused with the same clear message, not a stack overflow", () => {
    const deep = `${"(".repeat(3000)}K0*central${")".repeat(3000)}`;
    expect(() => parseModel(`$MODEL deep\n$PARAMETERS\nK0 = 1 : 1/h : k\n$COMPARTMENTS\ncentral : mg : a\n$ODE\nd/dt(central) = -${deep}\n`)).toThrow(
      /line 7: .*3000 levels of parentheses.*limit/,
    );
  });

  const derivedK = (expression: string) =>
    `$MODEL m\n$PARAMETERS\nCL = 1 : L/h : clearance\nV = 10 : L : volume\n$COMPARTMENTS\ncentral : mg : amount\n$DERIVED\nK = ${expression}\n$ODE\nd/dt(central) = -K*central\n`;

  // The message said "above the limit of 1000", the tree limit, though parentheses stop at 250.
  it("300 nested parentheses are refused with the parentheses limit, 250", () => {
    const deep = `${"(".repeat(300)}CL/V${")".repeat(300)}`;
    expect(() => parseModel(derivedK(deep))).toThrow(
      /^line 8: K = \(+… \(604 characters\): the expression is too large for the model compiler: 300 levels of parentheses, above the limit of 250; split it into \$DERIVED names$/,
    );
  });

  // mathjs parses a^b^c… recursively: 5,000 powers overflowed the call stack before the tree was measured.
  it("a chain of 5,000 powers is refused naming the line, not a stack overflow", () => {
    let error: unknown;
    try {
      parseModel(derivedK(`CL/V${"^1".repeat(5000)}`));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toMatch(
      /^line 8: K = CL\/V\^1\^1.*… \(10004 characters\): the expression is too large for the model compiler: 5000 powers and signs nested in one another \(as in a\^b\^c\^… or - - x\), above the limit of 1000; split it into \$DERIVED names$/,
    );
  });
});

describe("names never reach Object.prototype", () => {
  const oneCompartment = (extra: string) =>
    `$MODEL m\n$PARAMETERS\nK = 0.1 : 1/h : rate\n$COMPARTMENTS\ncentral : mg : amount\n$ODE\nd/dt(central) = ${extra}\n`;

  it.each(["hasOwnProperty", "isPrototypeOf", "constructor", "toString", "valueOf"])("%s(K) in an equation is an unknown function, not a JavaScript method", (name) => {
    expect(() => parseModel(oneCompartment(`-K*central*${name}(K)`))).toThrow(new RegExp(`line 7: .*function ${name}\\(\\) is not available; use exp, log`));
  });

  it("a compartment named __proto__ is refused with its line, not dropped with later compartments renumbered", () => {
    const text = "$MODEL m\n$PARAMETERS\nK = 0.1 : 1/h : rate\n$COMPARTMENTS\n__proto__ : mg : hidden\ncentral : mg : amount\n$ODE\nd/dt(__proto__) = -K*__proto__\nd/dt(central) = K*__proto__\n";
    expect(() => parseModel(text)).toThrow(/line 5: compartment name "__proto__" is reserved/);
  });

  it("a parameter named constructor is refused with its line", () => {
    const text = "$MODEL m\n$PARAMETERS\nconstructor = 1 : 1/h : k\n$COMPARTMENTS\ncentral : mg : amount\n$ODE\nd/dt(central) = -constructor*central\n";
    expect(() => parseModel(text)).toThrow(/line 3: parameter name "constructor" is reserved/);
  });

  it("a derived value named valueOf is refused with its line", () => {
    const text = "$MODEL m\n$PARAMETERS\nK = 0.1 : 1/h : k\n$DERIVED\nvalueOf = K*2\n$COMPARTMENTS\ncentral : mg : amount\n$ODE\nd/dt(central) = -valueOf*central\n";
    expect(() => parseModel(text)).toThrow(/line 5: derived name "valueOf" is reserved/);
  });

  it("defineModel with a __proto__ key in an object literal is refused rather than losing the compartment", () => {
    const compartments = { __proto__: { unit: "mg" }, central: { unit: "mg" } } as unknown as Record<string, { unit: string }>;
    expect(() => defineModel({ name: "m", parameters: { K: { value: 1, unit: "1/h" } }, compartments, odes: { central: "-K*central" } })).toThrow(/__proto__.*reserved/);
  });
});
