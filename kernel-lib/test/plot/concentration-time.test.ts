import { describe, expect, it } from "vitest";
import { concentrationTimePlot } from "../../src/plot/index.js";
import type { PlotSource } from "../../src/plot/index.js";

// Two subjects of a one-compartment IV bolus, C(t) = (dose / V)·exp(-CL/V·t), CL 6 L/h, V 25 L.
const times = [0, 1, 2, 4, 8];
const doses = [600, 300];
const bolus = (dose: number, t: number) => (dose / 25) * Math.exp((-6 / 25) * t);
const model: PlotSource["model"] = {
  timeUnit: "h",
  outputs: [{ name: "CP", unit: "mg/L", label: "plasma concentration" }],
  compartments: [{ name: "central", cmt: 1, unit: "mg" }],
};

function twoSubjects(withModel = true): PlotSource {
  const rows = doses.flatMap((dose, s) => times.map((t) => ({ id: s + 1, t, cp: bolus(dose, t) })));
  return {
    id: Float64Array.from(rows, (r) => r.id),
    time: Float64Array.from(rows, (r) => r.t),
    outputs: { CP: Float64Array.from(rows, (r) => r.cp) },
    states: { central: Float64Array.from(rows, (r) => r.cp * 25) },
    ...(withModel ? { model } : {}),
  };
}

function manySubjects(n: number): PlotSource {
  return {
    id: Float64Array.from({ length: n }, (_, i) => i + 1),
    time: new Float64Array(n),
    outputs: { CP: new Float64Array(n).fill(1) },
    states: {},
  };
}

describe("concentrationTimePlot", () => {
  it("draws one line per subject whose x and y are that subject's rows of the input", () => {
    const sim = twoSubjects();
    const fig = concentrationTimePlot(sim);
    const rowsOf = (id: number) => Array.from(sim.id.keys()).filter((r) => sim.id[r] === id);
    expect(fig.data).toHaveLength(2);
    for (const [k, id] of [1, 2].entries()) {
      expect(fig.data[k].mode).toBe("lines");
      expect(fig.data[k].name).toBe(`ID ${id}`);
      expect(fig.data[k].x).toEqual(rowsOf(id).map((r) => sim.time[r]));
      expect(fig.data[k].y).toEqual(rowsOf(id).map((r) => sim.outputs.CP[r]));
    }
    expect(fig.data[1].y[0]).toBeCloseTo(300 / 25, 12);
  });

  it("groups rows by id even when a subject's rows are not contiguous", () => {
    const sim: PlotSource = {
      id: Float64Array.of(7, 3, 7, 3),
      time: Float64Array.of(0, 0, 1, 1),
      outputs: { CP: Float64Array.of(10, 20, 5, 10) },
      states: {},
    };
    const fig = concentrationTimePlot(sim);
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ["ID 7", [0, 1], [10, 5]],
      ["ID 3", [0, 1], [20, 10]],
    ]);
  });

  it("keeps the traces plain JSON number arrays", () => {
    const fig = concentrationTimePlot(twoSubjects(), { title: "bolus", observed: [{ id: 1, time: 2, dv: 14 }] });
    expect(Array.isArray(fig.data[0].x)).toBe(true);
    expect(Array.isArray(fig.data[0].y)).toBe(true);
    expect(JSON.parse(JSON.stringify(fig))).toStrictEqual(fig);
  });

  it("titles the axes with the model's units", () => {
    const fig = concentrationTimePlot(twoSubjects());
    expect(fig.layout.xaxis.title?.text).toBe("time (h)");
    expect(fig.layout.yaxis.title?.text).toBe("CP (mg/L)");
    expect(concentrationTimePlot(twoSubjects(), { output: "central" }).layout.yaxis.title?.text).toBe("central (mg)");
  });

  it("takes units from the options, and shows none rather than guessing without a model", () => {
    const bare = twoSubjects(false);
    expect(concentrationTimePlot(bare).layout.xaxis.title?.text).toBe("time");
    expect(concentrationTimePlot(bare).layout.yaxis.title?.text).toBe("CP");
    const fig = concentrationTimePlot(bare, { units: { time: "min", output: "ug/L" } });
    expect(fig.layout.xaxis.title?.text).toBe("time (min)");
    expect(fig.layout.yaxis.title?.text).toBe("CP (ug/L)");
  });

  it("offers buttons that set the y axis to log and to linear", () => {
    const menu = concentrationTimePlot(twoSubjects()).layout.updatemenus?.[0];
    const byLabel = Object.fromEntries((menu?.buttons ?? []).map((b) => [b.label, b]));
    expect(byLabel.log.method).toBe("relayout");
    expect(byLabel.log.args[0]["yaxis.type"]).toBe("log");
    expect(byLabel.linear.args[0]["yaxis.type"]).toBe("linear");
  });

  it("starts on a log axis with the log button pressed when asked, linear otherwise", () => {
    const log = concentrationTimePlot(twoSubjects(), { log: true }).layout;
    const linear = concentrationTimePlot(twoSubjects()).layout;
    expect(log.yaxis.type).toBe("log");
    expect(log.updatemenus?.[0].buttons[log.updatemenus[0].active].label).toBe("log");
    expect(linear.yaxis.type).toBe("linear");
    expect(linear.updatemenus?.[0].buttons[linear.updatemenus[0].active].label).toBe("linear");
  });

  it("overlays observed data as markers at the given times and values", () => {
    const observed = [
      { id: 1, time: 1, dv: 19.1 },
      { id: 2, time: 4, dv: 4.6 },
    ];
    const fig = concentrationTimePlot(twoSubjects(), { observed });
    const markers = fig.data.filter((t) => t.mode === "markers");
    expect(markers).toHaveLength(1);
    expect(markers[0].x).toEqual([1, 4]);
    expect(markers[0].y).toEqual([19.1, 4.6]);
    expect(markers[0].text).toEqual(["ID 1", "ID 2"]);
  });

  it("names the observation that is not a finite number", () => {
    expect(() => concentrationTimePlot(twoSubjects(), { observed: [{ time: 1, dv: 2 }, { time: 2, dv: NaN }] })).toThrow(
      "observed[1].dv is NaN",
    );
  });

  it("shows the legend up to 10 subjects and hides it beyond", () => {
    expect(concentrationTimePlot(manySubjects(10)).layout.showlegend).toBe(true);
    expect(concentrationTimePlot(manySubjects(11)).layout.showlegend).toBe(false);
  });

  it("sets the title only when one is given", () => {
    expect(concentrationTimePlot(twoSubjects(), { title: "600 and 300 mg" }).layout.title).toEqual({ text: "600 and 300 mg" });
    expect("title" in concentrationTimePlot(twoSubjects()).layout).toBe(false);
  });

  it("draws every subject of several simulations, naming the simulation", () => {
    const fig = concentrationTimePlot([twoSubjects(), twoSubjects()]);
    expect(fig.data.map((t) => t.name)).toEqual(["sim 1, ID 1", "sim 1, ID 2", "sim 2, ID 1", "sim 2, ID 2"]);
  });

  it("refuses simulations whose units disagree", () => {
    const ugPerL = { ...twoSubjects(), model: { ...model, outputs: [{ name: "CP", unit: "ug/L" }] } };
    expect(() => concentrationTimePlot([twoSubjects(), ugPerL])).toThrow("simulation 1 has CP in mg/L but simulation 2 in ug/L");
  });

  it("names a missing column and lists the ones there are", () => {
    expect(() => concentrationTimePlot(twoSubjects(), { output: "CE" })).toThrow('no column "CE" in simulation 1; its columns: CP, central');
    expect(() => concentrationTimePlot([])).toThrow("nothing to plot");
  });
});
