import { describe, expect, it } from "vitest";
import { ModelError, parseModel } from "../../src/model/index.js";
import { BRIEF_EXAMPLE, ONE_CMT, thrown } from "./fixtures.js";

describe("parseModel reading the text format", () => {
  const model = parseModel(BRIEF_EXAMPLE);

  it("reads the brief's example: header, parameters, covariates, compartments with CMT numbers, derived, outputs", () => {
    expect(model.name).toBe("pk2cmt_oral");
    expect(model.description).toBe("Two-compartment model with first-order absorption");
    expect(model.reference).toMatch(/^Gabrielsson J, Weiner D\. .*2016\.$/);
    expect(model.timeUnit).toBe("h");
    expect(model.parameters.map((q) => [q.name, q.value, q.unit, q.label])).toEqual([
      ["KA", 1.1, "1/h", "absorption rate constant"],
      ["CL", 6, "L/h", "clearance"],
      ["V1", 25, "L", "central volume"],
      ["Q", 3, "L/h", "inter-compartmental clearance"],
      ["V2", 50, "L", "peripheral volume"],
      ["F1", 1, "1", "bioavailability of doses into compartment 1"],
      ["ALAG1", 0, "h", "lag time of doses into compartment 1"],
    ]);
    expect(model.covariates).toEqual(["WT"]);
    expect(model.covariateSpecs).toEqual([{ name: "WT", value: 70, unit: "kg", label: "body weight" }]);
    expect(model.compartments.map((c) => [c.name, c.cmt, c.unit, c.label])).toEqual([
      ["depot", 1, "mg", "absorption depot"],
      ["central", 2, "mg", "central compartment"],
      ["periph", 3, "mg", "peripheral compartment"],
    ]);
    expect(model.derived).toEqual([{ name: "K10", expr: "CL/V1", unit: "1/h" }]);
    expect(model.outputs).toEqual([{ name: "CP", unit: "mg/L", label: "plasma concentration" }]);
    expect(model.source).toBe(BRIEF_EXAMPLE);
  });

  it("defaults the time unit to h and a missing label to undefined", () => {
    const m = parseModel(ONE_CMT.replace("CL = 6 : L/h : clearance", "CL = 6 : L/h"));
    expect(m.timeUnit).toBe("h");
    expect(m.parameters[0]).toEqual({ name: "CL", value: 6, unit: "L/h", label: undefined });
  });

  it("takes an item written on its section's header line, and ignores comments and blank lines", () => {
    const m = parseModel(ONE_CMT.replace("$PARAMETERS\nCL", "\n\n$PARAMETERS   CL").replace("V = 25 : L : volume", "V = 25 : L : volume   # of distribution"));
    expect(m.parameters.map((q) => [q.name, q.value, q.label])).toEqual([["CL", 6, "clearance"], ["V", 25, "volume"]]);
  });
});

describe("parseModel syntax errors", () => {
  it("names an unknown section and its line", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("$ODE", "$EQUATIONS")));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^line 8: unknown section \$EQUATIONS; the sections are \$MODEL, /);
    expect(error.line).toBe(8);
  });

  it("names a malformed line, its section and the expected shape", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("V = 25 : L : volume", "V 25 L")));
    expect(error.message).toBe('line 5: malformed line in $PARAMETERS: expected "NAME = value : unit : label", got "V 25 L"');
    expect([error.line, error.section]).toEqual([5, "PARAMETERS"]);
  });

  it("rejects a parameter value that is not a number", () => {
    expect(() => parseModel(ONE_CMT.replace("V = 25", "V = big"))).toThrow("line 5: parameter V = big: the value must be a finite number");
  });

  it("names a duplicate parameter and where it was first declared", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("V = 25 : L", "CL = 25 : L")));
    expect(error.message).toBe('line 5: duplicate name: parameter "CL" is declared twice (first on line 4)');
    expect(error.section).toBe("PARAMETERS");
  });

  it("names a name used for two kinds of item", () => {
    expect(() => parseModel(ONE_CMT.replace("central : mg", "CL : mg").replace(/central/g, "CL"))).toThrow(
      'line 7: duplicate name: "CL" is declared as a parameter (line 4) and as a compartment',
    );
  });

  it("refuses a dose modifier computed in $DERIVED, which the dosing would ignore", () => {
    const text = ONE_CMT.replace("$ODE", "$DERIVED\nF1 = 0.5\n$ODE");
    expect(() => parseModel(text)).toThrow("line 9: F1 is a dose modifier, so it must be a parameter or a covariate, not a derived");
  });

  it("names an equation given twice", () => {
    expect(() => parseModel(ONE_CMT.replace("d/dt(central) = -CL/V*central", "d/dt(central) = -CL/V*central\nd/dt(central) = 0"))).toThrow(
      "line 10: duplicate name: d/dt(central) is declared twice (first on line 9)",
    );
  });

  it("requires $MODEL", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("$MODEL one\n", "")));
    expect(error.message).toBe("missing $MODEL: a model file starts with $MODEL name");
    expect(error.section).toBe("MODEL");
  });

  it("names a parse error in an expression with its line", () => {
    const error = thrown(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CL/(V*central")));
    expect(error.message).toMatch(/^line 9: d\/dt\(central\) = -CL\/\(V\*central: cannot parse "-CL\/\(V\*central": Parenthesis \) expected/);
    expect(error.section).toBe("ODE");
  });

  it("rejects operators and functions a model may not use", () => {
    expect(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CL/V*central*(t > 1)"))).toThrow(/line 9: .*operator ">" is not supported/);
    expect(() => parseModel(ONE_CMT.replace("-CL/V*central", "-CL/V*gamma(central)"))).toThrow(/line 9: .*function gamma\(\) is not available; use exp, log/);
  });

  it("refuses Object.prototype member names with their line, without touching any prototype", () => {
    // The parsed records have no prototype, so the name reaches the compiler as an item,
    // which refuses it by name (a parameter named __proto__ would be renamed or lost by any
    // code that later keys a plain object by parameter name).
    const text = ONE_CMT.replace("V = 25 : L : volume", "V = 25 : L : volume\n__proto__ = 2 : 1 : a factor").replace("-CL/V*central", "-CL/V*central*__proto__");
    expect(() => parseModel(text)).toThrow(/^line 6: parameter name "__proto__" is reserved/);
    const other = ONE_CMT.replace("V = 25 : L : volume", "V = 25 : L : volume\nconstructor = 3 : 1 : another");
    expect(() => parseModel(other)).toThrow(/^line 6: parameter name "constructor" is reserved/);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });

  it("refuses Object.prototype members as functions", () => {
    for (const name of ["toString", "constructor", "hasOwnProperty"]) {
      expect(() => parseModel(ONE_CMT.replace("-CL/V*central", `-CL/V*${name}(central)`))).toThrow(new RegExp(`line 9: .*function ${name}\\(\\) is not available`));
    }
  });
});
