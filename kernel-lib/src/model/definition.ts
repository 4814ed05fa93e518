/** A quantity with its value, unit (mathjs unit string, "1" = dimensionless) and label. */
export interface QuantityDefinition {
  value: number;
  unit: string;
  label?: string;
}

/**
 * A model as a TypeScript object: the same content as the text format, keyed by name in
 * declaration order (compartment k of `compartments` is NONMEM CMT k).
 *
 * @example
 * defineModel({
 *   name: "one", description: "1-compartment IV", reference: "textbook",
 *   parameters: { CL: { value: 6, unit: "L/h" }, V: { value: 25, unit: "L" } },
 *   compartments: { central: { unit: "mg" } },
 *   odes: { central: "-CL/V*central" },
 *   outputs: { CP: { expr: "central/V", unit: "mg/L" } },
 * });
 */
export interface ModelDefinition {
  name: string;
  description?: string;
  reference?: string;
  /** Unit of t (default "h"). */
  timeUnit?: string;
  parameters: Record<string, QuantityDefinition>;
  /** Covariates with their default values (the dataset's values replace them). */
  covariates?: Record<string, QuantityDefinition>;
  compartments: Record<string, { unit: string; label?: string }>;
  /** Derived quantities, computed in order; each may use the ones before it. */
  derived?: Record<string, string>;
  /** d/dt of each compartment. */
  odes: Record<string, string>;
  /** Initial amounts (default 0); may use parameters, covariates and state-free derived names. */
  init?: Record<string, string>;
  outputs: Record<string, { expr: string; unit: string; label?: string }>;
}

/** Where each item was written, for error messages (text models only). */
export type SourceLines = Map<string, number>;
