// Tool: concentrations of a built-in model under a regimen, at the times asked, computed by
// @pmxlab/kernel's simulate (closed form for the linear built-in models).
import { simulate } from "@pmxlab/kernel";
import { z } from "zod";
import type { GroundingTool } from "./tool.js";

const MODELS = ["pk1cmt_iv", "pk1cmt_oral", "pk2cmt_iv", "pk2cmt_oral", "pk3cmt_iv"] as const;

const args = z.object({
  model: z.enum(MODELS).describe("built-in model (DESIGN.md names; time h, amounts mg, volumes L)"),
  params: z.record(z.string(), z.number()).describe("parameters, e.g. { CL: 5, V: 50 } (CL L/h, V L, KA 1/h)"),
  regimen: z.string().max(200).describe('dosing in pmxlab notation, e.g. "100 mg" or "100 mg q12h x 14"'),
  times: z.array(z.number().min(0)).min(1).max(50).describe("times in h at which CP is wanted"),
});

export const simulateTool: GroundingTool<z.infer<typeof args>> = {
  name: "simulate",
  description: "Simulate a built-in PK model under a regimen and return the central concentration CP (mg/L) at the given times (h).",
  args,
  run({ model, params, regimen, times }) {
    const sorted = [...new Set(times)].sort((a, b) => a - b);
    const sim = simulate(model, { regimen, times: sorted, params });
    const cp = sim.outputs.CP;
    const rows = sorted.map((t, i) => ({ time_h: t, CP_mg_per_L: cp[i] }));
    return {
      content: { model, params, regimen, rows },
      computed: rows.map((r) => ({ label: `CP at ${r.time_h} h (${model}, ${regimen})`, value: r.CP_mg_per_L, unit: "mg/L" })),
    };
  },
};
