import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fitPopulation, fitSaem, npde, saemLinearisation, toCsv, vpc, type Dataset, type Model, type PopulationFit, type PopulationValuesSpec, type SaemFit, type SaemOptions } from "@pmxlab/kernel";
import { DEFAULT_MAX_INPUT, loadDataset } from "./data-file.js";
import { loadModel } from "./model.js";
import { parseParams } from "./params.js";
import { UsageError } from "./usage-error.js";

/** `pmxlab fit`: the DESIGN.md contract, FOCE-I (default) or SAEM. */
export async function fitCommand(argv: string[]): Promise<number> {
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
      npde: { type: "string" },
      vpc: { type: "string" },
    },
    strict: true,
  });
  if (!values.model) throw new UsageError("missing --model NAME|FILE");
  if (!values.data) throw new UsageError("missing --data DATA.csv");
  if (values.method !== "focei" && values.method !== "saem") throw new UsageError(`--method ${values.method}: expected focei or saem`);
  const theta = parseParams(values.theta ?? [], "--theta");
  if (Object.keys(theta).length === 0) throw new UsageError("missing --theta NAME=INITIAL (one per estimated model parameter, e.g. --theta CL=3)");
  const omegaGiven = parseParams(values.omega ?? [], "--omega");
  const omega = Object.keys(omegaGiven).length > 0 ? omegaGiven : Object.fromEntries(Object.keys(theta).map((name) => [name, 0.1]));
  const sigma = parseParams(values.sigma ?? [], "--sigma");
  const checks = { npde: replicateCount(values.npde, "--npde"), vpc: replicateCount(values.vpc, "--vpc") };
  if ((checks.npde || checks.vpc) && !values.out) throw new UsageError("--npde and --vpc write files: give --out DIR");
  const model = loadModel(values.model);
  const data = await loadDataset(values.data, DEFAULT_MAX_INPUT);
  if (values.method === "saem") {
    const fit = saem(model, data, theta, omega, sigma, values.out, !values["no-covariance"]);
    writeChecks(values.out, model, data, checks, fit);
    return 0;
  }
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
  writeChecks(values.out, model, data, checks, fit);
  if (fit.status !== "converged") {
    process.stderr.write(`pmxlab fit: did not converge (${fit.status}): ${fit.message}; the results are where it stopped\n`);
    return 1;
  }
  return 0;
}

/**
 * SAEM, then (unless --no-covariance) standard errors, the table and the EBEs by FOCE-I
 * linearisation at its estimates (`saemLinearisation`); without it, estimates and SAEM's
 * conditional means of η only.
 */
function saem(model: Parameters<typeof fitSaem>[0], data: Parameters<typeof fitSaem>[1], theta: Record<string, number>, omega: Record<string, number>, sigma: Record<string, number>, out: string | undefined, covariance: boolean): SaemFit {
  const fit: SaemFit = fitSaem(model, data, {
    theta,
    omega,
    // fitSaem checks the names (additive and/or proportional) and values.
    sigma: (Object.keys(sigma).length > 0 ? sigma : { additive: 1 }) as SaemOptions["sigma"],
    onIteration: (iteration, values) => {
      if (iteration % 50 === 0) process.stderr.write(`iteration ${iteration}  ${Object.entries(values).map(([k, v]) => `${k} ${v.toPrecision(4)}`).join("  ")}\n`);
    },
  });
  const linearised = covariance ? saemLinearisation(model, data, fit) : undefined;
  const summary = fit.toString() + (linearised ? `\n\nStandard errors, table and EBEs by FOCE-I linearisation at SAEM's estimates:\n${linearised.toString()}` : "") + "\n";
  if (!out) {
    process.stdout.write(summary);
    return fit;
  }
  if (linearised) {
    writeResults(out, linearised, summary);
    return fit;
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "summary.txt"), summary);
  const rows = [...Object.entries(fit.theta), ...Object.entries(fit.omega).map(([k, v]) => [`OMEGA(${k},${k})`, v] as const), ...Object.entries(fit.sigma).map(([k, v]) => [`SIGMA ${k}`, v] as const)];
  writeFileSync(join(out, "estimates.csv"), toCsv(["parameter", "estimate", "se", "rse"], rows.map(([k, v]) => [k, v, NaN, NaN])));
  const ids = [...new Set(data.subjects.filter((s) => s.records.some((r) => r.evid === 0 && r.mdv === 0)).map((s) => s.id))];
  writeFileSync(join(out, "etas.csv"), toCsv(["ID", ...Object.keys(fit.theta).map((n) => `ETA_${n}`)], fit.etas.map((eta, i) => [ids[i], ...eta])));
  return fit;
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

function replicateCount(value: string | undefined, option: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new UsageError(`${option} ${value}: give the number of simulated replicates, a whole number ≥ 2 (e.g. ${option} 500)`);
  return n;
}

/** --npde N / --vpc N: npde.csv (ID,TIME,DV,PD,PDE,NPDE) and vpc.csv (one row per time bin) under --out, from N replicates of the fitted model. */
function writeChecks(dir: string | undefined, model: Model, data: Dataset, checks: { npde: number; vpc: number }, fit: PopulationFit | SaemFit): void {
  if (!dir || (!checks.npde && !checks.vpc)) return;
  const population: PopulationValuesSpec = fit.population;
  if (checks.npde) {
    process.stderr.write(`NPDE: simulating ${checks.npde} replicates\n`);
    const r = npde(model, data, population, { replicates: checks.npde });
    writeFileSync(join(dir, "npde.csv"), toCsv(["ID", "TIME", "DV", "PD", "PDE", "NPDE"], Array.from(r.id, (id, i) => [id, r.time[i], r.dv[i], r.pd[i], r.pde[i], r.npde[i]])));
  }
  if (checks.vpc) {
    process.stderr.write(`VPC: simulating ${checks.vpc} replicates\n`);
    const v = vpc(model, data, population, { replicates: checks.vpc });
    const header = ["BIN_LOWER", "BIN_UPPER", "TIME", "N", ...["P5", "P50", "P95"].flatMap((p) => [`OBS_${p}`, `SIM_${p}_LO`, `SIM_${p}_MED`, `SIM_${p}_HI`])];
    writeFileSync(join(dir, "vpc.csv"), toCsv(header, v.bins.map((b) => [b.lower, b.upper, b.time, b.count, ...b.observed.flatMap((o, k) => [o, ...b.simulated[k]])])));
  }
}
