import type { ItemKind, ModelDefinition, SourceLines } from "./definition.js";
import { excerpt } from "./expression.js";
import { DOSE_ROUTES } from "../dosing/dose-block.js";
import { ModelError } from "./model-error.js";

const SECTIONS = ["MODEL", "DESCRIPTION", "REFERENCE", "TIME", "MW", "ROUTES", "PARAMETERS", "COVARIATES", "COMPARTMENTS", "DERIVED", "ODE", "INIT", "OUTPUTS"] as const;
type Section = (typeof SECTIONS)[number];

const NAME = "([A-Za-z_][A-Za-z0-9_]*)";
const FIELD = "\\s*([^:]*?)\\s*";
const LABEL = "(?::\\s*(.*?))?\\s*$";

/** One line pattern per list section, with the shape told to the user when a line does not match. */
const ITEMS: Partial<Record<Section, { kind: ItemKind; pattern: RegExp; shape: string }>> = {
  PARAMETERS: { kind: "parameter", pattern: new RegExp(`^${NAME}\\s*=${FIELD}:${FIELD}${LABEL}`), shape: "NAME = value : unit : label" },
  COVARIATES: { kind: "covariate", pattern: new RegExp(`^${NAME}\\s*=${FIELD}:${FIELD}${LABEL}`), shape: "NAME = default : unit : label" },
  COMPARTMENTS: { kind: "compartment", pattern: new RegExp(`^${NAME}\\s*:${FIELD}${LABEL}`), shape: "name : unit : label" },
  DERIVED: { kind: "derived", pattern: new RegExp(`^${NAME}\\s*=\\s*(.+?)\\s*$`), shape: "NAME = expression" },
  ODE: { kind: "ode", pattern: new RegExp(`^d\\s*/\\s*dt\\s*\\(\\s*${NAME}\\s*\\)\\s*=\\s*(.+?)\\s*$`), shape: "d/dt(compartment) = expression" },
  INIT: { kind: "init", pattern: new RegExp(`^${NAME}\\s*\\(\\s*0\\s*\\)\\s*=\\s*(.+?)\\s*$`), shape: "compartment(0) = expression" },
  ROUTES: { kind: "route", pattern: new RegExp(`^${NAME}\\s*=\\s*${NAME}\\s*$`), shape: "route = compartment" },
  OUTPUTS: { kind: "output", pattern: new RegExp(`^${NAME}\\s*=${FIELD}:${FIELD}${LABEL}`), shape: "NAME = expression : unit : label" },
};

/** A definition being read: what is known so far, the line of each item, and the header sections' text. */
interface Reading {
  readonly def: Required<ModelDefinition>;
  readonly lines: SourceLines;
  readonly header: Partial<Record<Section, string[]>>;
}

/**
 * Reads the pmxlab model text format into a {@link ModelDefinition} and the line of every
 * item, without compiling it. Syntax errors (unknown section, malformed line, an item given
 * twice in its section, missing $MODEL) are `ModelError`s naming the line.
 * @internal
 */
export function parseDefinition(source: string): { definition: ModelDefinition; lines: SourceLines } {
  // Items are keyed by names the model's author chose: records without a prototype, so a
  // name such as __proto__ or constructor is an item like any other.
  const record = <T>() => Object.create(null) as Record<string, T>;
  const reading: Reading = {
    def: {
      name: "", description: "", reference: "", timeUnit: "h", molecularWeight: "",
      parameters: record(), covariates: record(), compartments: record(), derived: record(), odes: record(), init: record(), outputs: record(), routes: record(),
    },
    lines: new Map(),
    header: {},
  };
  readSections(source, reading);
  readHeader(reading);
  return { definition: reading.def, lines: reading.lines };
}

/** Walks the source line by line: section starts, and each item handed to {@link readItem} with its line and section. */
function readSections(source: string, reading: Reading): void {
  const { lines } = reading;
  let section: Section | undefined;
  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, "").trim();
    if (!content) return;
    const start = /^\$([A-Za-z]+)\s*(.*)$/.exec(content);
    if (start) {
      const name = start[1].toUpperCase() as Section;
      if (!SECTIONS.includes(name)) {
        throw new ModelError(`unknown section $${start[1]}; the sections are ${SECTIONS.map((s) => "$" + s).join(", ")}`, line);
      }
      if (lines.has(`section:${name}`)) throw new ModelError(`duplicate section $${name} (first on line ${lines.get(`section:${name}`)})`, line, name);
      section = name;
      lines.set(`section:${name}`, line);
      if (start[2]) readItem(reading, start[2], line, name);
      return;
    }
    if (!section) throw new ModelError(`text before the first section: "${excerpt(content)}" (a model starts with $MODEL name)`, line);
    readItem(reading, content, line, section);
  });
}

/** One line of a section: header text, or a list item checked against its section's pattern and stored. */
function readItem({ def, lines, header }: Reading, content: string, line: number, current: Section): void {
  const spec = ITEMS[current];
  if (!spec) {
    (header[current] ??= []).push(content);
    return;
  }
  const m = spec.pattern.exec(content);
  if (!m || m.slice(1, spec.kind === "compartment" ? 3 : 4).some((field) => field === "")) {
    throw new ModelError(`malformed line in $${current}: expected "${spec.shape}", got "${excerpt(content)}"`, line, current);
  }
  const [, name, a, b, c] = m;
  const key = `${spec.kind}:${name}`;
  const first = lines.get(key);
  if (first !== undefined) {
    const what = spec.kind === "ode" ? `d/dt(${name})` : spec.kind === "init" ? `${name}(0)` : `${spec.kind} "${name}"`;
    throw new ModelError(`duplicate name: ${what} is declared twice (first on line ${first})`, line, current);
  }
  lines.set(key, line);
  const label = (text: string | undefined) => (text ? text : undefined);
  switch (spec.kind) {
    case "parameter":
    case "covariate": {
      const value = Number(a);
      if (!Number.isFinite(value)) throw new ModelError(`${spec.kind} ${name} = ${a}: the value must be a finite number`, line, current);
      (spec.kind === "parameter" ? def.parameters : def.covariates)[name] = { value, unit: b, label: label(c) };
      return;
    }
    case "compartment":
      def.compartments[name] = { unit: a, label: label(b) };
      return;
    case "derived":
      def.derived[name] = a;
      return;
    case "ode":
      def.odes[name] = a;
      return;
    case "init":
      def.init[name] = a;
      return;
    case "output":
      def.outputs[name] = { expr: a, unit: b, label: label(c) };
      return;
    case "route":
      // Checked here, before it becomes a key: only the known route words are accepted.
      if (!(DOSE_ROUTES as readonly string[]).includes(name)) {
        throw new ModelError(`unknown route "${name}" in $ROUTES; the routes are ${DOSE_ROUTES.join(", ")}`, line, current);
      }
      def.routes[name] = a;
      return;
  }
}

/** The header sections ($MODEL, $DESCRIPTION, $REFERENCE, $TIME, $MW) into the definition; a missing or malformed name is an error. */
function readHeader({ def, lines, header }: Reading): void {
  const text = (s: Section) => header[s]?.join(" ").trim() ?? "";
  def.name = text("MODEL");
  if (!def.name) throw new ModelError("missing $MODEL: a model file starts with $MODEL name", lines.get("section:MODEL"), "MODEL");
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(def.name)) {
    throw new ModelError(`$MODEL ${def.name}: a model name is one word (letters, digits, _ . -)`, lines.get("section:MODEL"), "MODEL");
  }
  def.description = text("DESCRIPTION");
  def.reference = text("REFERENCE");
  if (header.TIME) def.timeUnit = text("TIME");
  def.molecularWeight = text("MW");
}
