import { DEFAULT_CONC_BLQ } from "./clean-blq.js";
import { NcaError } from "./nca-error.js";
import type { AucMethod, BlqRule, BlqRules, NcaOptions, NcaRoute, NcaSubject } from "./types.js";

/** A subject and options after every check, with times relative to the dose and BLQ samples at 0 (internal). */
export interface NcaInput {
  id: number;
  time: number[];
  conc: number[];
  /** Samples at or above 0 but below `lloq`, now 0. */
  belowLloq: number;
  dose: number;
  route: NcaRoute;
  duration: number;
  aucMethod: AucMethod;
  concBlq: BlqRules;
  minHlPoints: number;
  adjRSquaredFactor: number;
  allowTmaxInHalfLife: boolean;
  impute: "start_conc0" | "none";
  partialAuc: [number, number][];
}

const ROUTES: readonly NcaRoute[] = ["extravascular", "iv-bolus", "iv-infusion"];
const METHODS: readonly string[] = ["linear-up/log-down", "linear", "log", "lin-log", "lin up/log down"];

/**
 * Checks a subject and the options (internal to `nca`); the first problem throws an
 * `NcaError` naming the subject and the sample (its dataset row when `subject.rows` is given).
 */
export function readNcaInput(subject: NcaSubject, options: NcaOptions): NcaInput {
  const who = subject.id === undefined ? "" : `ID ${subject.id}: `;
  const fail = (message: string): never => {
    throw new NcaError(who + message);
  };
  const sample = (i: number) => (subject.rows ? `row ${subject.rows[i]}` : `sample ${i + 1}`);
  const n = subject.time.length;
  if (subject.conc.length !== n) fail(`${n} times but ${subject.conc.length} concentrations; give one concentration per time`);
  if (n < 2) fail(`${n} concentration sample(s); NCA needs at least 2`);
  const doseTime = subject.doseTime ?? 0;
  if (!Number.isFinite(doseTime)) fail(`dose time ${doseTime} is not a finite number`);
  const lloq = subject.lloq ?? 0;
  if (!(lloq >= 0 && Number.isFinite(lloq))) fail(`lloq ${subject.lloq} is not a finite number ≥ 0`);
  const time: number[] = [];
  const conc: number[] = [];
  let belowLloq = 0;
  for (let i = 0; i < n; i++) {
    const t = subject.time[i];
    const c = subject.conc[i];
    if (!Number.isFinite(t)) fail(`${sample(i)}: time ${t} is not a finite number`);
    if (i > 0 && !(t > subject.time[i - 1])) fail(`${sample(i)}: time ${t} is not after the previous time ${subject.time[i - 1]}; times must increase strictly`);
    if (t < doseTime) fail(`${sample(i)}: time ${t} is before the dose at ${doseTime}`);
    if (Number.isNaN(c)) fail(`${sample(i)}: the concentration at time ${t} is missing (NaN); remove the sample or give its value`);
    if (!(c >= 0 && c < Infinity)) fail(`${sample(i)}: concentration ${c} at time ${t} is negative or infinite; concentrations must be ≥ 0 (BLQ as 0 or below lloq)`);
    if (c > 0 && c < lloq) belowLloq++;
    time.push(t - doseTime);
    conc.push(c < lloq ? 0 : c);
  }
  const dose = subject.dose ?? NaN;
  if (!Number.isNaN(dose) && !(dose > 0 && dose < Infinity)) fail(`dose ${dose} is not a positive number`);
  const route = subject.route ?? options.route ?? "extravascular";
  if (!ROUTES.includes(route)) fail(`route "${route}" is not one of ${ROUTES.join(", ")}`);
  const duration = route === "iv-infusion" ? subject.duration ?? NaN : 0;
  if (route === "iv-infusion" && !(duration > 0 && duration < Infinity)) fail(`an iv-infusion needs its duration (a positive number), not ${subject.duration}`);
  return { id: subject.id ?? NaN, time, conc, belowLloq, dose, route, duration, ...readOptions(options, fail) };
}

function readOptions(options: NcaOptions, fail: (message: string) => never) {
  const method = options.aucMethod ?? "linear-up/log-down";
  if (!METHODS.includes(method)) fail(`aucMethod "${method}" is not one of linear-up/log-down, linear, log, lin-log`);
  const minHlPoints = options.minHlPoints ?? 3;
  if (!(Number.isInteger(minHlPoints) && minHlPoints >= 3)) fail(`minHlPoints ${minHlPoints} is not a whole number ≥ 3`);
  const adjRSquaredFactor = options.adjRSquaredFactor ?? 1e-4;
  if (!(adjRSquaredFactor > 0 && adjRSquaredFactor < 1)) fail(`adjRSquaredFactor ${adjRSquaredFactor} is not between 0 and 1 (exclusive)`);
  const impute = options.impute ?? "start_conc0";
  if (impute !== "start_conc0" && impute !== "none") fail(`impute "${impute}" is not "start_conc0" or "none"`);
  const partialAuc = (options.partialAuc ?? []).map(([start, end]): [number, number] => {
    if (!(Number.isFinite(start) && end > start)) fail(`partial AUC [${start}, ${end}] needs a finite start before its end`);
    return [start, end];
  });
  return {
    aucMethod: (method === "lin up/log down" ? "linear-up/log-down" : method) as AucMethod,
    concBlq: checkBlq(options.concBlq ?? DEFAULT_CONC_BLQ, fail),
    minHlPoints,
    adjRSquaredFactor,
    allowTmaxInHalfLife: options.allowTmaxInHalfLife ?? false,
    impute,
    partialAuc,
  };
}

function checkBlq(rules: BlqRules, fail: (message: string) => never): BlqRules {
  const check = (name: string, rule: BlqRule | undefined) => {
    if (rule === "keep" || rule === "drop" || (typeof rule === "number" && rule >= 0 && rule < Infinity)) return;
    fail(`concBlq${name}: ${JSON.stringify(rule)} is not "keep", "drop" or a number ≥ 0`);
  };
  if (typeof rules !== "object") check("", rules);
  else {
    const keys = Object.keys(rules).sort().join(",");
    if (keys !== "first,last,middle" && keys !== "after.tmax,before.tmax") {
      fail(`concBlq needs exactly { first, middle, last } or { "before.tmax", "after.tmax" }, not { ${keys} }`);
    }
    for (const [name, rule] of Object.entries(rules)) check(`.${name}`, rule as BlqRule);
  }
  return rules;
}
