import { datasetFromRegimen, type RegimenSource } from "../data/index.js";
import type { Dataset } from "../dosing/types.js";
import type { DemographicField } from "./types.js";

/** The columns of a virtual population, in output order. */
export const DEMOGRAPHIC_FIELDS: readonly DemographicField[] = ["SEX", "AGE", "WT", "HT", "SCR", "CRCL"];

/** One virtual subject as a plain object: ID then the demographic fields. */
export type VirtualSubjectRow = { ID: number } & Record<DemographicField, number>;

/**
 * Virtual subjects, columnar: `ID` (1…n) and one Float64Array per field. Units: SEX 0 = male,
 * 1 = female; AGE years; WT kg; HT cm; SCR serum creatinine mg/dL; CRCL creatinine clearance
 * mL/min (Cockcroft–Gault). Made by `generateVirtualPopulation`.
 *
 * @example
 * const pop = generateVirtualPopulation(100, source);
 * pop.WT[0];                                                  // kg
 * simulate(model, { regimen: "100 mg", times, subjects: pop.toSubjects(["WT", "CRCL"]) });
 */
export class VirtualPopulation {
  readonly ID: Float64Array;

  constructor(
    readonly SEX: Float64Array,
    readonly AGE: Float64Array,
    readonly WT: Float64Array,
    readonly HT: Float64Array,
    readonly SCR: Float64Array,
    readonly CRCL: Float64Array,
  ) {
    this.ID = Float64Array.from({ length: SEX.length }, (_, i) => i + 1);
  }

  /** Number of subjects. */
  get length(): number {
    return this.ID.length;
  }

  /** A field's column by name. */
  column(field: DemographicField): Float64Array {
    return this[field];
  }

  /** Subjects as objects `{ ID, SEX, AGE, WT, HT, SCR, CRCL }`. */
  toRows(): VirtualSubjectRow[] {
    return Array.from(this.ID, (id, i) => {
      const row = { ID: id } as VirtualSubjectRow;
      for (const f of DEMOGRAPHIC_FIELDS) row[f] = this[f][i];
      return row;
    });
  }

  /**
   * Per-subject covariate values for `simulate(model, { subjects })`: one object per subject
   * with the `fields` named (default all; pass the model's covariates, e.g. `model.covariates`,
   * since `simulate` rejects names the model does not read). Throws naming an unknown field.
   */
  toSubjects(fields: readonly string[] = DEMOGRAPHIC_FIELDS): Record<string, number>[] {
    const known = checkedFields(fields);
    return Array.from(this.ID, (_, i) => Object.fromEntries(known.map((f) => [f, this[f][i]])));
  }

  /**
   * A NONMEM dataset: every subject gets `regimen` and observations at `observationTimes` (h),
   * as `datasetFromRegimen` builds them, with the `fields` (default all) as covariate columns
   * on every row. `datasetToCsv` writes it; `simulate(model, { data })` runs it.
   */
  toDataset(regimen: RegimenSource, observationTimes: ArrayLike<number>, fields: readonly string[] = DEMOGRAPHIC_FIELDS): Dataset {
    const known = checkedFields(fields);
    const data = datasetFromRegimen(regimen, observationTimes, Array.from(this.ID));
    data.subjects.forEach((s, i) => {
      const values = Object.fromEntries(known.map((f) => [f, this[f][i]]));
      for (const r of s.records) r.covariates = { ...values };
    });
    return { covariates: [...known], subjects: data.subjects };
  }
}

function checkedFields(fields: readonly string[]): DemographicField[] {
  for (const f of fields) {
    if (!DEMOGRAPHIC_FIELDS.includes(f as DemographicField)) {
      throw new Error(`virtual population has no field "${f}"; its fields are ${DEMOGRAPHIC_FIELDS.join(", ")}`);
    }
  }
  return fields as DemographicField[];
}
