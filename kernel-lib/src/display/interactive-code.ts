import { interactiveRegimen } from "./interactive-regimen.js";
import type { InteractiveSettings } from "./interactive-settings.js";
import type { InteractiveSpec } from "./interactive-spec.js";

/**
 * TypeScript cell code (tslab kernel) that simulates and plots what the interactive view
 * shows at these settings: the same model (by name, or its text through `parseModel`),
 * the regimen scaled to the dose, the same times, every fixed and slider parameter, one
 * `show` per output. Numbers are written in their shortest exact form, so running the code
 * reproduces the curves exactly — the way to keep a setting found with the sliders.
 *
 * @example
 * interactiveCode(spec, { params: { CL: 8 }, logY: true });
 * // import * as tslab from "tslab"; … simulate("pk1cmt_iv", { regimen: "600 mg", … params: { CL: 8 } }) …
 */
export function interactiveCode(spec: InteractiveSpec, settings: InteractiveSettings): string {
  const custom = "text" in spec.model;
  const imports = custom ? "parseModel, simulate, show" : "simulate, show";
  const regimen = interactiveRegimen(spec.regimen, settings.dose).text;
  const lines = ['import * as tslab from "tslab";', `import { ${imports} } from "@pmxlab/kernel";`, ""];
  if ("text" in spec.model) lines.push(`const model = parseModel(${templateLiteral(spec.model.text)});`);
  const modelArg = "library" in spec.model ? JSON.stringify(spec.model.library) : "model";
  lines.push(
    `const sim = simulate(${modelArg}, {`,
    `  regimen: ${JSON.stringify(regimen)},`,
    `  times: ${literal(spec.times)},`,
    `  params: ${literal({ ...spec.fixed, ...settings.params })},`,
    "});",
  );
  for (const output of spec.outputs) lines.push(`show(sim.plot(${literal({ output, log: settings.logY })}), tslab);`);
  return lines.join("\n") + "\n";
}

/** A JSON-like value as a TypeScript literal: `{ end: 336, step: 1 }`, `[0, 1, 2]`. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** Model text as a template literal, with the characters that end or interpolate one escaped. */
function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
}
