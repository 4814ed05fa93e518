import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fitPopulation, toCsv, type PopulationFit } from "@pmxlab/kernel";
import { loadDataset, loadModel, parseParams } from "./io.js";
import { UsageError } from "./usage-error.js";

/** `pmxlab fit`: the DESIGN.md contract (FOCE-I; SAEM is not implemented yet and says so). */
export function fitCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: "string" },
      data: { type: "string" },
      method: { type: "string", default: "focei" },
      theta: { type: "string", multiple: true, default: [] },
      omega: { type: "string", multiple: true, default: [] },
      sigma: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      "no-covariance": { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.model) throw new UsageError("missing --model NAME|FILE");
  if (!values.data) throw new UsageError("missing --data DATA.csv");
  if (values.method === "saem") throw new UsageError("--method saem is not implemented yet; use --method focei");
  if (values.method !== "focei") throw new UsageError(`--method ${values.method}: expected focei`);
  const theta = parseParams(values.theta ?? []);
  if (Object.keys(theta).length === 0) throw new UsageError("missing --theta NAME=INITIAL (one per estimated model parameter, e.g. --theta CL=3)");
  const omegaGiven = parseParams(values.omega ?? []);
  const omega = Object.keys(omegaGiven).length > 0 ? omegaGiven : Object.fromEntries(Object.keys(theta).map((name) => [name, 0.1]));
  const sigma = parseParams(values.sigma ?? []);
  const model = loadModel(values.model);
  const data = loadDataset(values.data);
  const fit = fitPopulation(model, data, {
    theta,
    omega,
    sigma: Object.keys(sigma).length > 0 ? sigma : { additive: 1 },
    covariance: !values["no-covariance"],
    onIteration: (iteration, ofv) => process.stderr.write(`iteration ${iteration}  OFV ${ofv.toFixed(4)}\n`),
  });
  const summary = fit.toString() + "\n";
  if (values.out) writeResults(values.out, fit, summary);
  else process.stdout.write(summary);
  if (fit.status !== "converged") {
    process.stderr.write(`pmxlab fit: did not converge (${fit.status}): ${fit.message}; the results are where it stopped\n`);
    return 1;
  }
  return 0;
}

function writeResults(dir: string, fit: PopulationFit, summary: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "summary.txt"), summary);
  writeFileSync(join(dir, "estimates.csv"), toCsv(["parameter", "estimate", "se", "rse"], fit.estimates.map((e) => [e.name, e.estimate, e.se, e.rse])));
  const t = fit.table;
  writeFileSync(
    join(dir, "table.csv"),
    toCsv(["ID", "TIME", "DV", "PRED", "IPRED", "RES", "IWRES", "CWRES"], Array.from(t.id, (id, i) => [id, t.time[i], t.dv[i], t.pred[i], t.ipred[i], t.res[i], t.iwres[i], t.cwres[i]])),
  );
  const ids = [...new Set(Array.from(t.id))];
  writeFileSync(join(dir, "etas.csv"), toCsv(["ID", ...fit.etaNames.map((n) => `ETA_${n}`)], fit.etas.map((eta, i) => [ids[i], ...eta])));
}
