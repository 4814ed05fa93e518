// Tool: run the exercise's own check on a value the student has (or is considering), so the
// tutor says "the check accepts / rejects this" instead of judging it itself.
import { answersFrom, runCheck, type Check } from "@pmxlab/kernel/exercise";
import { z } from "zod";
import type { GroundingTool } from "./tool.js";

/** Finds the check of an exercise (by its `pmxlab.exercise.id`); undefined when the server has none. */
export type CheckLookup = (exerciseId: string) => Check | undefined;

const args = z.object({
  answers: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('the answers by name, as the student\'s code names them, with units, e.g. { "halfLife": "7.9 h" }'),
});

/** The check tool for one exercise. Its result carries no computed numbers: a check judges, it does not reveal. */
export function checkTool(exerciseId: string, check: Check): GroundingTool<z.infer<typeof args>> {
  return {
    name: "run_check",
    description: `Run the check of exercise ${exerciseId} on the given answers; returns passed/failed per item with feedback.`,
    args,
    async run({ answers }) {
      const values = Object.create(null) as Record<string, string | number>;
      for (const [k, v] of Object.entries(answers)) values[k] = v;
      const result = await runCheck(check, answersFrom(values), { timeoutMs: 5_000 });
      return { content: result, computed: [] };
    },
  };
}
