// Tool: non-compartmental analysis of samples the student has (PKNCA conventions, @pmxlab/kernel's nca).
import { nca } from "@pmxlab/kernel";
import { z } from "zod";
import type { ComputedValue } from "../tutor/types.js";
import type { GroundingTool } from "./tool.js";

const args = z.object({
  time: z.array(z.number()).min(2).max(500).describe("sample times in h, increasing"),
  conc: z.array(z.number().min(0)).min(2).max(500).describe("concentrations in mg/L, one per time"),
  dose: z.number().positive().optional().describe("dose in mg"),
  route: z.enum(["extravascular", "iv-bolus", "iv-infusion"]).optional(),
});

// The results worth quoting, with the units they have for h, mg/L and mg input.
const REPORTED: [key: string, unit: string][] = [
  ["cmax", "mg/L"],
  ["tmax", "h"],
  ["auclast", "mg·h/L"],
  ["aucinf.obs", "mg·h/L"],
  ["half.life", "h"],
  ["lambda.z", "1/h"],
  ["cl.obs", "L/h"],
  ["vz.obs", "L"],
];

export const ncaTool: GroundingTool<z.infer<typeof args>> = {
  name: "nca",
  description: "Non-compartmental analysis (PKNCA conventions) of one concentration-time profile: Cmax, Tmax, AUClast, AUCinf, half-life, CL, Vz.",
  args,
  run({ time, conc, dose, route }) {
    if (time.length !== conc.length) throw new Error(`time has ${time.length} values but conc has ${conc.length}`);
    const result = nca({ time, conc, ...(dose === undefined ? {} : { dose }), ...(route === undefined ? {} : { route }) });
    const computed: ComputedValue[] = [];
    const content: Record<string, number | string> = Object.create(null);
    for (const [key, unit] of REPORTED) {
      const value = (result as unknown as Record<string, number>)[key];
      if (Number.isFinite(value)) {
        content[key] = value;
        computed.push({ label: `${key} (NCA)`, value, unit });
      }
    }
    return { content: { ...content, exclude: result.exclude, units: "time h, conc mg/L, dose mg" }, computed };
  },
};
