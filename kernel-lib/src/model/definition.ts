/** A parameter or covariate: its value, unit (a mathjs unit string; "1" = dimensionless) and label. */
export interface QuantityDefinition {
  value: number;
  unit: string;
  label?: string;
}

/** A compartment (state): the unit of its amount or level, and a label. */
export interface CompartmentDefinition {
  unit: string;
  label?: string;
}

/** A model output: a mathjs expression, its declared unit (checked) and a label. */
export interface OutputDefinition {
  expr: string;
  unit: string;
  label?: string;
}

/**
 * A model as a TypeScript object, with the same content as the pmxlab model text format.
 * Records keep their declaration order: parameter k of `parameters` is p[k], compartment k
 * of `compartments` is NONMEM CMT k + 1. Expressions are mathjs syntax over parameters,
 * covariates, compartment names, derived names (earlier ones) and `t`.
 *
 * @example
 * const def: ModelDefinition = {
 *   name: "pk1cmt", description: "One-compartment IV bolus", reference: "Gabrielsson & Weiner 2016",
 *   timeUnit: "h",
 *   parameters: { CL: { value: 6, unit: "L/h", label: "clearance" }, V: { value: 25, unit: "L" } },
 *   compartments: { central: { unit: "mg" } },
 *   derived: { K: "CL/V" },
 *   odes: { central: "-K*central" },
 *   outputs: { CP: { expr: "central/V", unit: "mg/L", label: "plasma concentration" } },
 * };
 */
export interface ModelDefinition {
  name: string;
  description?: string;
  reference?: string;
  /** Unit of t (default "h"). */
  timeUnit?: string;
  parameters: Record<string, QuantityDefinition>;
  /** Covariates with their default values (a dataset's values replace them). */
  covariates?: Record<string, QuantityDefinition>;
  compartments: Record<string, CompartmentDefinition>;
  /** Derived quantities `NAME: expression`, computed in order; units are inferred. */
  derived?: Record<string, string>;
  /** d/dt of each compartment, keyed by compartment name. */
  odes: Record<string, string>;
  /** Initial values `compartment: expression` (default 0); no states and no t. */
  init?: Record<string, string>;
  outputs?: Record<string, OutputDefinition>;
  /**
   * The compartment each route of a regimen doses, by name: `{ oral: "depot", iv: "central" }`
   * (routes iv, oral, sc, im). The first is the default dose compartment.
   */
  routes?: Record<string, string>;
  /** Molecular weight with its unit, e.g. "146000 g/mol": doses in mol units into mass compartments, and back. */
  molecularWeight?: string;
}

/** The kinds of item a model declares, as they appear in error messages and line keys. */
export type ItemKind = "parameter" | "covariate" | "compartment" | "derived" | "ode" | "init" | "output" | "route" | "section";

/**
 * Where each item of a text model was written: `"kind:name"` → 1-based line.
 * @internal
 */
export type SourceLines = Map<string, number>;
