// The checks the run_check tool may run: each course's checks.ts, as students get it (hidden
// items left out, so the tool cannot reveal what grading alone should see), bundled with
// esbuild (the course's own helper modules included, @pmxlab/kernel shared with the server)
// and loaded once per course. Exercise ids map to check names through the notebooks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { exerciseCells, isCheck, withoutHiddenChecks, type Answers, type Check, type Notebook } from "@pmxlab/kernel/exercise";
import type { CheckLookup } from "./check-tool.js";

const requireHere = createRequire(import.meta.url);
const COURSE = /^[\w.-]+$/;

/** An answer value a check expects, as the leak guard compares replies with it. */
export interface ExpectedValue {
  value: number;
  unit: string;
}

// The checks get @pmxlab/kernel/exercise with a numericAnswer that, while `recording` is set,
// notes the expected value it is given: running a check on no answers then lists the values
// it would accept (`expectedValues`), without anyone typing them in.
let recording: ExpectedValue[] | undefined;
const exercise = requireHere("@pmxlab/kernel/exercise") as typeof import("@pmxlab/kernel/exercise");
const recordingExercise = {
  ...exercise,
  numericAnswer(actual: unknown, expected: unknown, options: { unit?: string } = {}) {
    if (recording) {
      const e = expected as { value?: unknown; unit?: unknown };
      if (typeof expected === "number" && options.unit !== undefined) recording.push({ value: expected, unit: options.unit });
      else if (typeof e === "object" && e !== null && typeof e.value === "number" && typeof e.unit === "string") recording.push({ value: e.value, unit: options.unit ?? e.unit });
      else if (typeof expected === "number") recording.push({ value: expected, unit: "1" });
      else if (typeof expected === "string") {
        const match = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(.*?)\s*$/i.exec(expected);
        if (match) recording.push({ value: Number(match[1]), unit: match[2] || "1" });
      }
    }
    return exercise.numericAnswer(actual, expected as never, options as never);
  },
};
const requireForChecks = (id: string) => (id === "@pmxlab/kernel/exercise" ? recordingExercise : requireHere(id));

/**
 * The numbers a check expects: each item run on no answers with numericAnswer recording its
 * expected value (items that are asynchronous are recorded up to their first await). Wrong
 * answers listed as misconceptions are not expected values and are not recorded.
 */
export function expectedValues(check: Check): ExpectedValue[] {
  const values: ExpectedValue[] = [];
  recording = values;
  try {
    // Every name "defined" but without a value, so each item reaches its numericAnswer.
    const none: Answers = { has: () => true, get: () => undefined };
    for (const item of check.items) {
      try {
        const outcome = item.test(none);
        if (outcome instanceof Promise) outcome.catch(() => undefined);
      } catch {
        // "no answer yet": the expected value was noted before the answer was read
      }
    }
  } finally {
    recording = undefined;
  }
  return values.filter((v) => Number.isFinite(v.value));
}

/** The exercise id → check name map of a course, from its notebooks' exercise metadata. */
function checkNames(dir: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ipynb"))) {
    const notebook = JSON.parse(readFileSync(join(dir, file), "utf8")) as Notebook;
    for (const { exercise } of exerciseCells(notebook, file)) names.set(exercise.id, exercise.check);
  }
  return names;
}

/** The student version of a course's checks module, evaluated: its exports by name. */
function loadChecks(dir: string): Map<string, Check> {
  const file = join(dir, "checks.ts");
  const source = withoutHiddenChecks(readFileSync(file, "utf8"), file);
  const bundle = buildSync({
    stdin: { contents: source, resolveDir: dir, sourcefile: file, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "cjs",
    write: false,
    logLevel: "silent",
    // One @pmxlab/kernel for the checks and the server (the course's own modules are bundled).
    external: ["@pmxlab/kernel", "@pmxlab/kernel/*"],
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function("module", "exports", "require", bundle.outputFiles[0].text)(module, module.exports, requireForChecks);
  const checks = new Map<string, Check>();
  for (const [name, value] of Object.entries(module.exports)) if (isCheck(value)) checks.set(name, value);
  return checks;
}

/**
 * A {@link CheckLookup} over the courses of `coursesDir`: "<course>/<name>" → that course's
 * check of the exercise. A course whose checks cannot be loaded offers no check (the tutor
 * still answers; `onError` hears why).
 */
export function courseChecks(coursesDir: string, onError: (course: string, error: unknown) => void = () => undefined): CheckLookup {
  const courses = new Map<string, { names: Map<string, string>; checks: Map<string, Check> } | undefined>();
  return (exerciseId) => {
    const course = exerciseId.split("/")[0] ?? "";
    if (!COURSE.test(course)) return undefined;
    if (!courses.has(course)) {
      const dir = join(coursesDir, course);
      let loaded: { names: Map<string, string>; checks: Map<string, Check> } | undefined;
      if (existsSync(join(dir, "checks.ts"))) {
        try {
          loaded = { names: checkNames(dir), checks: loadChecks(dir) };
        } catch (error) {
          onError(course, error);
        }
      }
      courses.set(course, loaded);
    }
    const entry = courses.get(course);
    const name = entry?.names.get(exerciseId);
    return name === undefined ? undefined : entry!.checks.get(name);
  };
}
