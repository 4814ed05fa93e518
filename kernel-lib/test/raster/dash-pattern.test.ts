import { describe, expect, it } from "vitest";
import { dashPattern } from "../../src/raster/dash-pattern.js";

// Expected lengths from plotly.js Drawing.dashStyle (src/components/drawing/index.js):
// w = max(lineWidth, 3); dot w,w; dash 3w,3w; longdash 5w,5w; dashdot 3w,w,w,w; longdashdot 5w,2w,w,2w.
describe("dashPattern", () => {
  it("gives plotly's named dashes for a 2 px line (w = 3) and a 4 px line (w = 4)", () => {
    expect(dashPattern("dot", 2, "d")).toEqual([3, 3]);
    expect(dashPattern("dash", 2, "d")).toEqual([9, 9]);
    expect(dashPattern("longdash", 4, "d")).toEqual([20, 20]);
    expect(dashPattern("dashdot", 4, "d")).toEqual([12, 4, 4, 4]);
    expect(dashPattern("longdashdot", 2, "d")).toEqual([15, 6, 3, 6]);
  });

  it("reads pixel lists, repeating an odd one as SVG does, and draws solid for solid, unset or all-zero", () => {
    expect(dashPattern("5px,10px,2px,2px", 2, "d")).toEqual([5, 10, 2, 2]);
    expect(dashPattern("4, 2, 1", 2, "d")).toEqual([4, 2, 1, 4, 2, 1]);
    expect(dashPattern("solid", 2, "d")).toBeUndefined();
    expect(dashPattern(undefined, 2, "d")).toBeUndefined();
    expect(dashPattern("0px,0px", 2, "d")).toBeUndefined();
  });

  it("takes no Object.prototype member for a dash name", () => {
    expect(() => dashPattern("toString", 2, "data[1].line.dash")).toThrow('data[1].line.dash is "toString"');
  });
});
