import type { Dataset, EventRecord } from "../dosing/types.js";
import { nca } from "./nca.js";
import { NcaError } from "./nca-error.js";
import type { NcaOptions, NcaResult } from "./types.js";

/**
 * `nca` for every subject of a NONMEM-format dataset, in dataset order: the dose is the
 * subject's one dose row (EVID 1 or 4: AMT at TIME; with route "iv-infusion" the duration
 * is AMT/RATE), the samples are its observation rows (EVID 0 with MDV 0: DV at TIME);
 * rows with MDV 1 are ignored, and so are observations before the dose (listed in the
 * result's `notes`). A subject without a dose row is analysed from time 0 with the dose
 * NaN. More than one dose, ADDL or SS (multiple-dose NCA) is an `NcaError`, as is any
 * bad sample, which is named by its dataset row.
 *
 * @example
 * const data = readDataset("ID,TIME,AMT,DV\n1,0,100,.\n1,1,0,8\n1,2,0,6\n1,4,0,4\n1,8,0,2\n");
 * ncaDataset(data)[0].cmax; // 8
 */
export function ncaDataset(dataset: Dataset, options: NcaOptions = {}): NcaResult[] {
  return dataset.subjects.map(({ id, records }) => {
    const dose = singleDose(id, records);
    const doseTime = dose?.time ?? 0;
    const observed = records.filter((r) => r.evid === 0 && r.mdv === 0);
    const samples = observed.filter((r) => r.time >= doseTime);
    const route = options.route ?? "extravascular";
    if (dose && dose.rate > 0 && route !== "iv-infusion") {
      throw new NcaError(`ID ${id}: row ${dose.row} is an infusion (RATE ${dose.rate}) but the route is ${route}; use route iv-infusion`);
    }
    if (dose && route === "iv-infusion" && !(dose.rate > 0)) {
      throw new NcaError(`ID ${id}: route iv-infusion needs RATE > 0 on the dose row (row ${dose.row}) to give the duration AMT/RATE`);
    }
    const result = nca(
      {
        id,
        time: samples.map((r) => r.time),
        conc: samples.map((r) => r.dv),
        rows: samples.map((r) => r.row),
        dose: dose?.amt,
        doseTime,
        route,
        duration: dose && dose.rate > 0 ? dose.amt / dose.rate : undefined,
      },
      options,
    );
    const before = observed.length - samples.length;
    if (before > 0) result.notes.unshift(`${before} observation(s) before the dose at time ${doseTime} ignored`);
    if (!dose) result.notes.unshift("no dose row: times are taken as time after dose");
    return result;
  });
}

function singleDose(id: number, records: readonly EventRecord[]): EventRecord | undefined {
  const doses = records.filter((r) => r.evid === 1 || r.evid === 4);
  if (doses.length > 1) {
    throw new NcaError(`ID ${id}: ${doses.length} dose rows (rows ${doses.map((d) => d.row).join(", ")}); NCA here is for a single dose per subject`);
  }
  const dose = doses[0];
  if (dose && (dose.addl > 0 || dose.ss > 0)) {
    throw new NcaError(`ID ${id}: the dose on row ${dose.row} has ADDL or SS (repeated dosing); NCA here is for a single dose per subject`);
  }
  return dose;
}
