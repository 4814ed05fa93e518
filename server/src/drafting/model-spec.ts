// What the offline drafter reads in a description of a model in words.

/** The structure the offline drafter can assemble. */
export interface ModelSpec {
  /** A whole library model used as the template (mechanistic models with no PK/PD split). */
  template?: "tmdd" | "friberg" | "simeoni";
  compartments: 1 | 2 | 3;
  route: "iv" | "oral";
  elimination: "linear" | "michaelis-menten";
  lag: boolean;
  effect: "none" | "emax" | "sigmoid" | "effect-compartment" | "idr1" | "idr2" | "idr3" | "idr4";
  /** With an effect compartment: the effect-site concentration drives a sigmoid Emax. */
  sigmoidEffectSite: boolean;
}

/** Structures named in descriptions that the offline drafter has no blocks for. */
const UNSUPPORTED: [RegExp, string][] = [
  [/\bpbpk\b|physiologically[- ]based/i, "physiologically based (PBPK) models"],
  [/zero[- ]order absorption/i, "zero-order absorption"],
  [/transit (?:compartment|absorption)/i, "transit-compartment absorption"],
  [/\bmetabolite\b/i, "parent–metabolite models"],
  [/enterohepatic/i, "enterohepatic recirculation"],
  [/four[- ]compartment|4[- ]?cmt/i, "four-compartment models"],
];

const WHAT_IT_KNOWS =
  "The offline drafter assembles one-, two- and three-compartment PK (IV bolus or infusion, or first-order absorption; linear or Michaelis–Menten elimination; optional lag time) with a direct Emax, sigmoid Emax, effect-compartment or indirect-response (types I–IV) effect, and the library's TMDD, Friberg myelosuppression and Simeoni tumour-growth models.";

function indirectType(d: string): ModelSpec["effect"] {
  const roman = /\btype\s*(IV|III|II|I|[1-4])\b/i.exec(d)?.[1].toUpperCase();
  const byRoman: Record<string, ModelSpec["effect"]> = { I: "idr1", "1": "idr1", II: "idr2", "2": "idr2", III: "idr3", "3": "idr3", IV: "idr4", "4": "idr4" };
  if (roman) return byRoman[roman];
  const stimulation = /stimulat/i.test(d);
  const onLoss = /\b(?:loss|kout|degradation|removal)\b/i.test(d);
  return stimulation ? (onLoss ? "idr4" : "idr3") : onLoss ? "idr2" : "idr1";
}

/**
 * The structure a description asks for. Throws with what the offline drafter can assemble
 * when the description names something it has no block for, or nothing it knows.
 *
 * @example
 * readModelSpec("two-compartment IV infusion"); // { compartments: 2, route: "iv", elimination: "linear", effect: "none", … }
 */
export function readModelSpec(description: string): ModelSpec {
  const d = description.replace(/\s+/g, " ");
  for (const [pattern, what] of UNSUPPORTED) {
    if (pattern.test(d)) throw new Error(`"${description.slice(0, 120)}" asks for ${what}, which the offline drafter has no block for. ${WHAT_IT_KNOWS}`);
  }
  const spec: ModelSpec = { compartments: 1, route: "iv", elimination: "linear", lag: false, effect: "none", sigmoidEffectSite: false };
  if (/\btmdd\b|target[- ]mediated/i.test(d)) return { ...spec, template: "tmdd" };
  if (/friberg|myelosuppression|neutrophil|neutropenia/i.test(d)) return { ...spec, template: "friberg" };
  if (/simeoni|tumou?r growth/i.test(d)) return { ...spec, template: "simeoni" };

  let recognised = false;
  const see = (found: boolean): boolean => (recognised ||= found, found);
  if (see(/\b(?:three|3)[- ]?(?:compartments?|cmt)\b|tri-?exponential/i.test(d))) spec.compartments = 3;
  else if (see(/\b(?:two|2)[- ]?(?:compartments?|cmt)\b|bi-?exponential|peripheral/i.test(d))) spec.compartments = 2;
  else see(/\b(?:one|1|single)[- ]?(?:compartments?|cmt)\b|mono-?exponential/i.test(d));
  if (see(/\boral\b|absorption|subcutaneous|\bs\.?c\.?\b|extravascular|intramuscular|tablet|\bdepot\b/i.test(d))) spec.route = "oral";
  else see(/\biv\b|intravenous|bolus|infusion/i.test(d));
  if (see(/michaelis|menten|saturable|nonlinear elimination|\bvmax\b/i.test(d))) spec.elimination = "michaelis-menten";
  spec.lag = see(/\blag\b|\btlag\b|\balag/i.test(d));
  const sigmoid = /sigmoid|\bhill\b/i.test(d);
  if (see(/indirect[- ]response|\bidr\b|turnover/i.test(d))) spec.effect = indirectType(d);
  else if (see(/effect[- ](?:compartment|site)|biophase|hysteresis|\bke0\b|link model/i.test(d))) {
    spec.effect = "effect-compartment";
    spec.sigmoidEffectSite = sigmoid;
  } else if (see(sigmoid)) spec.effect = "sigmoid";
  else if (see(/\be_?max\b|direct effect/i.test(d))) spec.effect = "emax";
  if (!recognised && !/\bpk\b|pharmacokinetic|compartment/i.test(d)) {
    throw new Error(`"${description.slice(0, 120)}" names no model structure the offline drafter knows. ${WHAT_IT_KNOWS}`);
  }
  return spec;
}
