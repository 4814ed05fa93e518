// `npm run tutor:eval`: scores a tutor backend on the evaluation set and prints the pass
// rate and the leak count. The offline tutor by default; the OpenAI-compatible endpoint of
// PMXLAB_LLM_* when PMXLAB_LLM_MODEL is set. Exits 1 when any reply leaked a solution.
// `--verbose` prints every reply.
import { OfflineTutor } from "../../server/src/llm/offline/index.js";
import { loadCoursePassages } from "../../server/src/retrieval/load-courses.js";
import { loadEvalCases } from "./cases.js";
import { COURSES_DIR } from "./course.js";
import { openAiBackendFromEnv } from "./openai-backend.js";
import { scoreBackend } from "./score.js";

const verbose = process.argv.includes("--verbose");
const backend = openAiBackendFromEnv(process.env) ?? new OfflineTutor({ passages: loadCoursePassages(COURSES_DIR) });
const cases = await loadEvalCases();
const score = await scoreBackend(backend, cases);

for (const o of score.outcomes) {
  if (o.passed && !verbose) continue;
  console.log(`${o.passed ? "PASS" : "FAIL"} ${o.id} (${o.topic})`);
  if (o.error) console.log(`  error: ${o.error}`);
  if (o.missing.length) console.log(`  missing: ${o.missing.join(", ")}`);
  if (o.forbidden.length) console.log(`  must not contain: ${o.forbidden.join(", ")}`);
  if (o.leaked.length) console.log(`  LEAKED: ${o.leaked.join(", ")}`);
  if (verbose || !o.passed) console.log(`  reply:\n${(o.reply?.text ?? "").replace(/^/gm, "    | ")}`);
}
const byTopic = new Map<string, [number, number]>();
for (const o of score.outcomes) {
  const [p, n] = byTopic.get(o.topic) ?? [0, 0];
  byTopic.set(o.topic, [p + (o.passed ? 1 : 0), n + 1]);
}
console.log(`\nbackend: ${backend.name}`);
console.log(`by topic: ${[...byTopic].map(([t, [p, n]]) => `${t} ${p}/${n}`).join("; ")}`);
console.log(`pass rate: ${score.passed}/${score.cases} (${((100 * score.passed) / score.cases).toFixed(1)} %)`);
console.log(`leaks: ${score.leaks}`);
if (score.leaks > 0) process.exitCode = 1;
