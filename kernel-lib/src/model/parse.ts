import type { ModelDefinition, SourceLines } from "./definition.js";
import { ModelError } from "./errors.js";

const SECTIONS = ["MODEL", "DESCRIPTION", "REFERENCE", "TIME", "PARAMETERS", "COVARIATES", "COMPARTMENTS", "DERIVED", "ODE", "INIT", "OUTPUTS"] as const;
type Section = (typeof SECTIONS)[number];
const NAME = "[A-Za-z_][A-Za-z0-9_]*";

/**
 * Reads the pmxlab model text format (see docs/models.md) into a {@link ModelDefinition}
 * plus the line of each item, without compiling it.
 */
export function parseDefinition(source: string): { definition: ModelDefinition; lines: SourceLines } {
  const def: ModelDefinition = { name: "", parameters: {}, covariates: {}, compartments: {}, derived: {}, odes: {}, init: {}, outputs: {} };
  const lines: SourceLines = new Map();
  const seen = new Map<string, number>();
  let section: Section | undefined;
  const text: Partial<Record<Section, string[]>> = {};

  const declare = (key: string, name: string, line: number) => {
    const before = seen.get(name);
    if (before !== undefined) throw new ModelError(`"${name}" is declared twice (first on line ${before})`, line, section);
    seen.set(name, line);
    lines.set(key, line);
  };

  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, "").trim();
    if (!content) return;
    const header = /^\$([A-Za-z]+)\s*(.*)$/.exec(content);
    if (header) {
      const name = header[1].toUpperCase() as Section;
      if (!SECTIONS.includes(name)) {
        throw new ModelError(`unknown section $${header[1]}; sections are ${SECTIONS.map((s) => "$" + s).join(", ")}`, line);
      }
      section = name;
      if (header[2]) (text[name] ??= []).push(header[2]);
      lines.set(`section:${name}`, line);
      return;
    }
    if (!section) throw new ModelError(`text before the first section: "${content}" (a model starts with $MODEL name)`, line);
    switch (section) {
      case "MODEL":
      case "DESCRIPTION":
      case "REFERENCE":
      case "TIME":
        (text[section] ??= []).push(content);
        return;
      case "PARAMETERS":
      case "COVARIATES": {
        const m = new RegExp(`^(${NAME})\\s*=\\s*([^:]+?)\\s*:\\s*([^:]+?)\\s*(?::\\s*(.*))?$`).exec(content);
        if (!m) throw new ModelError(`expected "NAME = value : unit : label", got "${content}"`, line, section);
        const value = Number(m[2]);
        if (!Number.isFinite(value)) throw new ModelError(`${m[1]} = ${m[2]}: the value must be a number`, line, section);
        declare(`${section === "PARAMETERS" ? "parameter" : "covariate"}:${m[1]}`, m[1], line);
        const target = section === "PARAMETERS" ? def.parameters : (def.covariates as NonNullable<ModelDefinition["covariates"]>);
        target[m[1]] = { value, unit: m[3], label: m[4] || undefined };
        return;
      }
      case "COMPARTMENTS": {
        const m = new RegExp(`^(${NAME})\\s*:\\s*([^:]+?)\\s*(?::\\s*(.*))?$`).exec(content);
        if (!m) throw new ModelError(`expected "name : unit : label", got "${content}"`, line, section);
        declare(`compartment:${m[1]}`, m[1], line);
        def.compartments[m[1]] = { unit: m[2], label: m[3] || undefined };
        return;
      }
      case "DERIVED": {
        const m = new RegExp(`^(${NAME})\\s*=\\s*(.+)$`).exec(content);
        if (!m) throw new ModelError(`expected "NAME = expression", got "${content}"`, line, section);
        declare(`derived:${m[1]}`, m[1], line);
        (def.derived as Record<string, string>)[m[1]] = m[2];
        return;
      }
      case "ODE": {
        const m = new RegExp(`^d\\s*/\\s*dt\\s*\\(\\s*(${NAME})\\s*\\)\\s*=\\s*(.+)$`).exec(content);
        if (!m) throw new ModelError(`expected "d/dt(compartment) = expression", got "${content}"`, line, section);
        if (m[1] in def.odes) throw new ModelError(`d/dt(${m[1]}) is given twice`, line, section);
        lines.set(`ode:${m[1]}`, line);
        def.odes[m[1]] = m[2];
        return;
      }
      case "INIT": {
        const m = new RegExp(`^(${NAME})\\s*\\(\\s*0\\s*\\)\\s*=\\s*(.+)$`).exec(content);
        if (!m) throw new ModelError(`expected "compartment(0) = expression", got "${content}"`, line, section);
        lines.set(`init:${m[1]}`, line);
        (def.init as Record<string, string>)[m[1]] = m[2];
        return;
      }
      case "OUTPUTS": {
        const m = new RegExp(`^(${NAME})\\s*=\\s*([^:]+?)\\s*:\\s*([^:]+?)\\s*(?::\\s*(.*))?$`).exec(content);
        if (!m) throw new ModelError(`expected "NAME = expression : unit : label", got "${content}"`, line, section);
        declare(`output:${m[1]}`, m[1], line);
        def.outputs[m[1]] = { expr: m[2], unit: m[3], label: m[4] || undefined };
        return;
      }
    }
  });

  const name = text.MODEL?.join(" ").trim();
  if (!name) throw new ModelError("missing $MODEL name (the first section of a model file)");
  def.name = name;
  def.description = text.DESCRIPTION?.join(" ");
  def.reference = text.REFERENCE?.join(" ");
  if (text.TIME) def.timeUnit = text.TIME.join(" ").trim();
  return { definition: def, lines };
}
