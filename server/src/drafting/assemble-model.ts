// Assembles pmxlab model text for a ModelSpec from the built-in library's blocks: the PK
// model of the same structure (pk<n>cmt_<route>) supplies compartments, parameters and
// equations; the library's PD models (emax, sigmoid_emax, effect_cmt, idr1–4) supply the
// effect's parameters and equations; whole mechanistic models (tmdd, friberg, simeoni) are
// templates. Values, units, labels and references all come from the library's texts.
import { modelSource } from "@pmxlab/kernel";
import { libraryText, lineFor, sectionLines, type LibraryText } from "./library-blocks.js";
import type { ModelSpec } from "./model-spec.js";

const ROWLAND_TOZER_MM = "Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics: Concepts and Applications, 4th ed. Lippincott Williams & Wilkins; 2011 (Michaelis–Menten elimination)";

/** Michaelis–Menten elimination's parameters: illustrative teaching values, as the library's PD defaults are. */
const MM_PARAMETERS = ["VMAX = 10 : mg/h : maximum elimination rate (illustrative)", "KM = 2 : mg/L : concentration at half the maximum elimination rate (illustrative)"];

/** The lag time a drafted "with lag time" model starts from (illustrative; fit or set it). */
const LAG_LINE = "ALAG1 = 0.5 : h : lag time of doses into compartment 1 (illustrative)";

const NUMBER_WORD = ["", "One", "Two", "Three"];

/** The model's name: draft_ plus the structure, e.g. draft_pk2cmt_oral_emax. */
function draftName(spec: ModelSpec): string {
  if (spec.template) return `draft_${spec.template}`;
  const parts = [`pk${spec.compartments}cmt_${spec.route}`, spec.elimination === "michaelis-menten" ? "mm" : "", spec.lag ? "lag" : "", spec.effect === "none" ? "" : spec.effect.replace("-", "_")];
  return `draft_${parts.filter(Boolean).join("_")}`;
}

function describe(spec: ModelSpec): string {
  const effects: Record<ModelSpec["effect"], string> = {
    none: "",
    emax: ", direct Emax effect",
    sigmoid: ", direct sigmoid Emax effect",
    "effect-compartment": spec.sigmoidEffectSite ? ", effect compartment with sigmoid Emax effect" : ", effect compartment with Emax effect",
    idr1: ", indirect response type I (inhibition of production)",
    idr2: ", indirect response type II (inhibition of loss)",
    idr3: ", indirect response type III (stimulation of production)",
    idr4: ", indirect response type IV (stimulation of loss)",
  };
  return [
    `${NUMBER_WORD[spec.compartments]}-compartment model`,
    spec.route === "oral" ? ", first-order absorption (oral doses into CMT 1, depot)" : ", IV dosing (bolus or infusion into CMT 1, central)",
    spec.lag ? " with a lag time" : "",
    spec.elimination === "michaelis-menten" ? ", Michaelis–Menten elimination" : ", linear elimination",
    effects[spec.effect],
    "; drafted offline from the built-in library's blocks",
  ].join("");
}

/** A template model's text under the draft's name. */
function fromTemplate(template: NonNullable<ModelSpec["template"]>): string {
  return modelSource(template).replace(/^\$MODEL\s+\S+/m, `$MODEL draft_${template}`);
}

/** The effect block: which library model it comes from and what it adds. */
interface EffectBlock {
  library: LibraryText;
  parameters: string[];
  compartments: string[];
  odes: string[];
  init: string[];
  outputs: string[];
}

function effectBlock(spec: ModelSpec): EffectBlock | undefined {
  const params = (lib: LibraryText, names: string[]): string[] => names.map((n) => lineFor(lib, "PARAMETERS", n));
  switch (spec.effect) {
    case "none":
      return undefined;
    case "emax": {
      const lib = libraryText("emax");
      return { library: lib, parameters: params(lib, ["E0", "EMAX", "EC50"]), compartments: [], odes: [], init: [], outputs: [lineFor(lib, "OUTPUTS", "E")] };
    }
    case "sigmoid": {
      const lib = libraryText("sigmoid_emax");
      return { library: lib, parameters: params(lib, ["E0", "EMAX", "EC50", "GAMMA"]), compartments: [], odes: [], init: [], outputs: [lineFor(lib, "OUTPUTS", "E")] };
    }
    case "effect-compartment": {
      const lib = libraryText("effect_cmt");
      const sigmoid = libraryText("sigmoid_emax");
      // The sigmoid form of the effect site: the library's sigmoid Emax with CE for C.
      const effect = spec.sigmoidEffectSite ? lineFor(sigmoid, "OUTPUTS", "E").replace(/\bC\b/g, "CE") : lineFor(lib, "OUTPUTS", "E");
      return {
        library: lib,
        parameters: [...params(lib, ["KE0", "E0", "EMAX", "EC50"]), ...(spec.sigmoidEffectSite ? params(sigmoid, ["GAMMA"]) : [])],
        compartments: [lineFor(lib, "COMPARTMENTS", "CE")],
        odes: [lineFor(lib, "ODE", "CE")],
        init: [],
        outputs: [effect],
      };
    }
    default: {
      const lib = libraryText(spec.effect);
      const potency = spec.effect === "idr1" || spec.effect === "idr2" ? ["IMAX", "IC50"] : ["EMAX", "EC50"];
      return {
        library: lib,
        parameters: params(lib, ["KIN", "KOUT", ...potency]),
        compartments: [lineFor(lib, "COMPARTMENTS", "R")],
        odes: [lineFor(lib, "ODE", "R")],
        init: [lineFor(lib, "INIT", "R")],
        outputs: [lineFor(lib, "OUTPUTS", "RESP")],
      };
    }
  }
}

/**
 * pmxlab model text for `spec`, assembled from library blocks (see the file's header). The
 * text is not verified here: the drafting loop compiles and simulates it.
 */
export function assembleModel(spec: ModelSpec): string {
  if (spec.template) return fromTemplate(spec.template);
  const pk = libraryText(`pk${spec.compartments}cmt_${spec.route}`);
  const volume = spec.compartments === 1 ? "V" : "V1";
  const mm = spec.elimination === "michaelis-menten";
  const effect = effectBlock(spec);

  const parameters = sectionLines(pk, "PARAMETERS")
    .filter((line) => !(mm && /^CL\s*=/.test(line)))
    .map((line) => (spec.lag && /^ALAG1\s*=/.test(line) ? LAG_LINE : line));
  if (mm) parameters.push(...MM_PARAMETERS);
  // Linear elimination from central is the library's `-CL/V*central` term; Michaelis–Menten replaces it.
  const linearTerm = new RegExp(`\\s*-\\s*CL/${volume}\\*central`);
  const odes = sectionLines(pk, "ODE").map((line) => (mm && /^d\/dt\(central\)/.test(line) ? line.replace(linearTerm, " - VMAX*C/(KM + C)") : line));
  if (mm && !odes.some((l) => l.includes("VMAX"))) throw new Error(`built-in model ${pk.name}: no -CL/${volume}*central term to replace with Michaelis–Menten elimination`);

  const references = [pk.inline.get("REFERENCE"), mm ? ROWLAND_TOZER_MM : undefined, effect?.library.inline.get("REFERENCE")].filter(Boolean);
  const init = effect?.init ?? [];
  const text = [
    `$MODEL ${draftName(spec)}`,
    `$DESCRIPTION ${describe(spec)}`,
    `$REFERENCE ${references.join("; ")}`,
    `$TIME ${pk.inline.get("TIME") || "h"}`,
    "$ROUTES",
    ...sectionLines(pk, "ROUTES"),
    "$PARAMETERS",
    ...parameters,
    ...(effect?.parameters ?? []),
    "$COMPARTMENTS",
    ...sectionLines(pk, "COMPARTMENTS"),
    ...(effect?.compartments ?? []),
    "$DERIVED",
    `C = central/${volume}`,
    "$ODE",
    ...odes,
    ...(effect?.odes ?? []),
    ...(init.length > 0 ? ["$INIT", ...init] : []),
    "$OUTPUTS",
    `CP = C : mg/L : plasma concentration`,
    ...(effect?.outputs ?? []),
  ];
  return text.join("\n") + "\n";
}
