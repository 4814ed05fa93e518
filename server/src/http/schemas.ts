// Request bodies, validated before anything else runs. Sizes are bounded so one request
// cannot fill memory or a prompt.
import { EXERCISE_ID } from "@pmxlab/kernel/exercise";
import { z } from "zod";

const text = (max: number) => z.string().max(max);
const courseId = z.string().min(1).max(200).regex(/^[\w.-]+$/, "a course id is letters, digits, '.', '_' or '-'");
// As the kernel's exercise format has it (pmxlab.exercise.id), e.g. "pk-basics/half-life".
const exerciseId = z.string().max(300).regex(EXERCISE_ID, "an exercise id is letters, digits, '_', '.', '/' or '-', starting with a letter or digit");

const checkResult = z.object({
  passed: z.boolean(),
  score: z.number().min(0).max(1),
  items: z
    .array(z.object({ name: text(300), passed: z.boolean(), message: text(4000), misconception: text(300).optional(), hidden: z.boolean().optional() }))
    .max(100),
});

export const tutorBody = z.object({
  course: courseId,
  attempt: z.number().int().min(0).max(100_000).default(0),
  request: z.object({
    kind: z.enum(["hint", "explain-error", "explain-result", "question"]),
    question: text(4000),
    exercise: z.object({ id: exerciseId, text: text(20_000), hints: z.array(text(2000)).max(20) }).optional(),
    code: text(50_000).optional(),
    check: checkResult.optional(),
    error: z.object({ name: text(200), message: text(4000), traceback: text(20_000).optional() }).optional(),
    notes: text(100_000).optional(),
    hintLevel: z.number().int().min(0).max(100),
    history: z.array(z.object({ role: z.enum(["student", "tutor"]), text: text(20_000) })).max(50),
  }),
});

export const checkBody = z.object({
  course: courseId,
  exercise: exerciseId,
  attempt: z.number().int().min(0).max(100_000),
  result: checkResult,
  latencyMs: z.number().min(0).max(3_600_000).optional(),
});

export const settingsBody = z
  .object({
    tutorOff: z.boolean(),
    model: z.string().min(1).max(200).nullable(),
    // zod's record drops a "__proto__" key without a word; an instructor should hear that it was not taken.
    hintBudgets: z.preprocess((raw, ctx) => {
      if (raw !== null && typeof raw === "object" && Object.hasOwn(raw, "__proto__")) ctx.addIssue({ code: "custom", message: "__proto__ is not an exercise id" });
      return raw;
    }, z.record(exerciseId, z.number().int().min(0).max(100))),
  })
  .partial()
  .strict();

export { courseId };

/** POST /draft: a model described in words. */
export const draftBody = z.object({ description: z.string().trim().min(3, "describe the model in a few words").max(2000) });
