import { parseArgs } from "node:util";
import { simulate } from "@pmxlab/kernel";
import { emit, loadDataset, loadModel, parseParams } from "./io.js";
import { UsageError } from "./usage-error.js";

export const SIMULATE_USAGE = `pmxlab simulate --model NAME|FILE --data EVENTS.csv [--param K=V]... [--out OUT.csv]
                [--method auto|closed-form|ode] [--rtol R] [--atol A]

Simulates every subject of a NONMEM-format dataset and prints CSV with columns
ID,TIME and the model's outputs (e.g. CP) for each observation row (EVID=0), in dataset order.`;

/** `pmxlab simulate`: the DESIGN.md contract. Nothing is printed unless every subject succeeded. */
export function simulateCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: "string" },
      data: { type: "string" },
      param: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      method: { type: "string", default: "auto" },
      rtol: { type: "string" },
      atol: { type: "string" },
    },
    strict: true,
  });
  if (!values.model) throw new UsageError("missing --model NAME|FILE");
  if (!values.data) throw new UsageError("missing --data EVENTS.csv");
  const method = values.method;
  if (method !== "auto" && method !== "closed-form" && method !== "ode") {
    throw new UsageError(`--method ${method}: expected auto, closed-form or ode`);
  }
  const model = loadModel(values.model);
  const data = loadDataset(values.data);
  const sim = simulate(
    model,
    { data, params: parseParams(values.param ?? []) },
    { method, rtol: tolerance("rtol", values.rtol), atol: tolerance("atol", values.atol) },
  );
  if (sim.status !== "success") throw new Error(`simulation failed (${sim.status}): ${sim.message}`);
  emit(sim.toCSV(), values.out);
  return 0;
}

function tolerance(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(`--${name} ${text}: expected a positive number`);
  return value;
}
