import { afterEach, describe, expect, it } from "vitest";
import { parseModel } from "../../src/model/index.js";
import { setWarningHandler } from "../../src/warnings/index.js";

const model = (scale: string, unit = "(ng/mL)/(mg/L)", output = "ng/mL") => `$MODEL scaled
$DESCRIPTION output in ng/mL through a conversion parameter
$PARAMETERS
CL = 5 : L/h : clearance
V = 50 : L : volume
SCALE = ${scale} : ${unit} : from mg/L to ng/mL
$COMPARTMENTS
central : mg : central amount
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = SCALE*central/V : ${output} : concentration
`;

describe("conversion parameters", () => {
  let previous: ReturnType<typeof setWarningHandler> | undefined;
  afterEach(() => {
    if (previous) setWarningHandler(previous);
    previous = undefined;
  });

  it("warns (and keeps the warning on the model) when a (ng/mL)/(mg/L) parameter is 1 instead of 1000", () => {
    const seen: string[] = [];
    previous = setWarningHandler((m) => seen.push(m));
    const m = parseModel(model("1"));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^model scaled: parameter SCALE = 1 \(ng\/mL\)\/\(mg\/L\) converts between units of one dimension: the identity conversion is 1000 /);
    expect(m.warnings).toEqual(seen);
  });

  it("does not warn for 1000, nor for a dimensionless parameter of scale 1", () => {
    const seen: string[] = [];
    previous = setWarningHandler((m) => seen.push(m));
    parseModel(model("1000"));
    parseModel(model("1", "1", "mg/L"));
    parseModel(model("1", "(mg/L)/(mg/L)", "mg/L"));
    expect(seen).toEqual([]);
  });

  it("sends warnings to the console by default, and back there when the handler is cleared", () => {
    const logged: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => logged.push(args.join(" "));
    try {
      setWarningHandler(undefined);
      parseModel(model("1"));
    } finally {
      console.warn = original;
    }
    expect(String(logged[0])).toMatch(/^pmxlab warning: model scaled: parameter SCALE = 1/);
  });
});
