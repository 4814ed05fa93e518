import Papa from "papaparse";
import type { Dataset, EventRecord } from "../dosing/types.js";
import { DatasetError } from "./dataset-error.js";

const NONMEM = ["ID", "TIME", "EVID", "AMT", "CMT", "RATE", "II", "ADDL", "SS", "DV", "MDV"] as const;
type Column = (typeof NONMEM)[number];

/**
 * Reads a NONMEM-format CSV (header required; column names case-insensitive). Missing
 * optional columns take NONMEM defaults: EVID 1 when AMT > 0 else 0, MDV 1 on non-observation
 * rows, CMT 1, RATE/II/ADDL/SS 0, DV "." or empty = NaN. Other columns are numeric covariates.
 * Rows of one ID must be contiguous and in time order. Errors name row, line and column.
 *
 * @example
 * readDataset("ID,TIME,AMT,DV\n1,0,100,.\n1,2,0,3.1\n").subjects[0].records.length; // 2
 */
export function readDataset(csv: string): Dataset {
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  if (parsed.data.length === 0) throw new DatasetError("the dataset is empty (a header line is required)");
  const header = parsed.data[0].map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(h.toUpperCase(), i));
  for (const required of ["ID", "TIME"]) {
    if (!index.has(required)) throw new DatasetError(`missing column ${required}; a dataset needs ID and TIME (found: ${header.join(", ")})`);
  }
  const covariates = header.filter((h) => !(NONMEM as readonly string[]).includes(h.toUpperCase()));
  const subjects: Dataset["subjects"] = [];
  const seen = new Set<number>();

  parsed.data.slice(1).forEach((cells, i) => {
    const row = i + 1;
    if (cells.length !== header.length) throw new DatasetError(`has ${cells.length} fields, the header has ${header.length}`, row);
    const number = (name: string, fallback: number): number => {
      const at = index.get(name.toUpperCase());
      const text = at === undefined ? "" : cells[at].trim();
      if (text === "" || text === ".") return fallback;
      const value = Number(text);
      if (!Number.isFinite(value)) throw new DatasetError(`"${text}" is not a number`, row, header[at as number]);
      return value;
    };
    const get = (name: Column, fallback: number) => number(name, fallback);
    const amt = get("AMT", 0);
    const evid = get("EVID", amt > 0 ? 1 : 0);
    if (![0, 1, 2, 3, 4].includes(evid)) throw new DatasetError(`EVID ${evid} is not one of 0-4`, row, "EVID");
    // RATE may be negative: NONMEM's -1/-2 (modelled rate/duration), which the engine reports.
    for (const name of ["AMT", "II", "ADDL"] as const) {
      if (get(name, 0) < 0) throw new DatasetError(`${name} must not be negative`, row, name);
    }
    const id = get("ID", NaN);
    if (Number.isNaN(id)) throw new DatasetError("ID is missing", row, "ID");
    const time = get("TIME", NaN);
    if (Number.isNaN(time)) throw new DatasetError("TIME is missing", row, "TIME");
    const ss = get("SS", 0);
    if (![0, 1, 2].includes(ss)) throw new DatasetError(`SS ${ss} is not 0, 1 or 2`, row, "SS");
    const record: EventRecord = {
      id,
      time,
      evid: evid as EventRecord["evid"],
      amt,
      cmt: get("CMT", 1),
      rate: get("RATE", 0),
      ii: get("II", 0),
      addl: get("ADDL", 0),
      ss: ss as EventRecord["ss"],
      dv: get("DV", NaN),
      mdv: get("MDV", evid === 0 ? 0 : 1) ? 1 : 0,
      covariates: Object.fromEntries(covariates.map((c) => [c, number(c, NaN)])),
      row,
    };
    if (record.addl > 0 && !(record.ii > 0)) throw new DatasetError(`ADDL ${record.addl} needs II > 0`, row, "II");
    if (record.ss > 0 && !(record.ii > 0) && !(record.rate > 0)) throw new DatasetError(`SS=${record.ss} needs II > 0 (or RATE > 0 for a steady-state infusion)`, row, "II");
    const last = subjects[subjects.length - 1];
    if (last && last.id === id) {
      const previous = last.records[last.records.length - 1];
      if (time < previous.time) {
        throw new DatasetError(`TIME ${time} is before the previous TIME ${previous.time} of ID ${id}; rows of one ID must be in time order`, row, "TIME");
      }
      last.records.push(record);
    } else {
      if (seen.has(id)) throw new DatasetError(`ID ${id} appears again after other IDs; keep each subject's rows together`, row, "ID");
      seen.add(id);
      subjects.push({ id, records: [record] });
    }
  });
  return { covariates, subjects };
}
