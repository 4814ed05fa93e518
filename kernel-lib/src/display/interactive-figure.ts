import { getModel } from "../library/index.js";
import { parseModel } from "../model/index.js";
import type { Model } from "../model/types.js";
import { concentrationTimePlot } from "../plot/index.js";
import type { PlotlyFigure } from "../plot/index.js";
import { simulate } from "../simulation/index.js";
import { interactiveRegimen } from "./interactive-regimen.js";
import type { InteractiveSettings } from "./interactive-settings.js";
import type { InteractiveSpec } from "./interactive-spec.js";

/**
 * The compiled model of a spec: the library model by name, or the spec's model text
 * compiled (slow enough, tens of ms, that a front end compiles once and passes the model
 * to {@link interactiveFigure}).
 *
 * @example
 * interactiveModel({ ...spec, model: { library: "pk1cmt_iv" } }).name; // "pk1cmt_iv"
 */
export function interactiveModel(spec: InteractiveSpec): Model {
  return "library" in spec.model ? getModel(spec.model.library) : parseModel(spec.model.text);
}

/**
 * Simulates a spec at the given settings (slider parameters, the fixed ones, the regimen
 * scaled to the dose) and plots it: one line per output, named after it, on a linear or
 * logarithmic y axis; the title gives the model and the regimen simulated.
 *
 * @example
 * const fig = interactiveFigure(spec, { params: { CL: 8, V: 25 }, dose: 600, logY: true });
 * fig.layout.yaxis.type; // "log"
 */
export function interactiveFigure(spec: InteractiveSpec, settings: InteractiveSettings, model: Model = interactiveModel(spec)): PlotlyFigure {
  const regimen = interactiveRegimen(spec.regimen, settings.dose);
  const sim = simulate(model, { regimen: regimen.doses, times: spec.times, params: { ...spec.fixed, ...settings.params } });
  const figures = spec.outputs.map((output) => concentrationTimePlot(sim, { output, log: settings.logY, title: `${model.name}: ${regimen.text}` }));
  const yTitle = figures.map((f) => f.layout.yaxis.title?.text ?? "").join(", ");
  return {
    data: figures.flatMap((f, i) => f.data.map((trace) => ({ ...trace, name: spec.outputs[i] }))),
    layout: { ...figures[0].layout, yaxis: { ...figures[0].layout.yaxis, title: { text: yTitle } }, showlegend: figures.length > 1 },
  };
}
