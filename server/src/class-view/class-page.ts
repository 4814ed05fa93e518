// The instructor's class view as a page of the service (hub-authenticated like the API).
import type { ClassSummary } from "./class-summary.js";
import { esc, page } from "./html.js";

/**
 * The class view page. `released`: whether the course has a release (before it, the columns are
 * the course's own exercises, or none with a line saying when they come).
 */
export function classPage(summary: ClassSummary, { released }: { released: boolean }): string {
  // Column heads without the course's own prefix (pk-basics/half-life → half-life): narrower columns.
  const prefix = `${summary.course}/`;
  const short = (e: string) => (e.startsWith(prefix) ? e.slice(prefix.length) : e);
  const head = `<tr><th>student</th>${summary.exercises.map((e) => `<th title="${esc(e)}">${esc(short(e))}</th>`).join("")}<th>tutor requests (hints)</th><th>grade</th></tr>`;
  const rows = summary.students
    .map((s) => {
      const cells = summary.exercises
        .map((e) => {
          const c = summary.grid[s]?.[e];
          if (!c) return `<td class="none">—</td>`;
          return `<td class="${c.passed ? "pass" : "fail"}" title="best score ${esc(c.bestScore)}">${c.passed ? "✓" : "✗"} ${esc(c.attempts)} attempt${c.attempts === 1 ? "" : "s"}</td>`;
        })
        .join("");
      const t = summary.tutor[s];
      const g = summary.grades[s];
      return `<tr><td>${esc(s)}</td>${cells}<td>${t ? `${esc(t.requests)} (${esc(t.hints)})` : "0"}</td><td>${g ? `${esc(g.total)} / ${esc(g.max)}` : "—"}</td></tr>`;
    })
    .join("\n");
  const failing = summary.failingItems.map((f) => `<tr><td>${esc(f.exercise)}</td><td>${esc(f.item)}</td><td>${esc(f.count)}</td></tr>`).join("");
  const mistakes = summary.misconceptions.map((m) => `<tr><td>${esc(m.exercise)}</td><td>${esc(m.misconception)}</td><td>${esc(m.count)}</td></tr>`).join("");
  const body = `
<p><button id="publish">Publish release</button><button id="grade">Grade submissions</button><a href="grades.csv" download>Gradebook (CSV)</a><span class="status" id="status"></span></p>
<h2>Progress: students × exercises</h2>
${columnsNote(summary, released)}
<div class="grid-scroll"><table id="grid">${head}${rows}</table></div>
<h2>Most common failing check items</h2>
<table id="failing"><tr><th>exercise</th><th>item</th><th>failed checks</th></tr>${failing || `<tr><td colspan="3">none yet</td></tr>`}</table>
<h2>Misconceptions recognised</h2>
<table id="misconceptions"><tr><th>exercise</th><th>misconception</th><th>times</th></tr>${mistakes || `<tr><td colspan="3">none yet</td></tr>`}</table>`;
  // The page's buttons call the same API (same origin, the session cookie).
  const script = `
const course = ${JSON.stringify(summary.course)};
const status = document.getElementById("status");
async function call(method, path) {
  const r = await fetch("../../" + path, { method, headers: { "content-type": "application/json" }, credentials: "same-origin" });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || r.status);
  return body;
}
document.getElementById("publish").addEventListener("click", async () => {
  status.textContent = "publishing…";
  try { const r = await call("POST", "releases/" + course); status.textContent = "published version " + r.version + " (" + r.files.length + " files)"; }
  catch (e) { status.textContent = "publishing failed: " + e.message; }
});
document.getElementById("grade").addEventListener("click", async () => {
  status.textContent = "grading…";
  try {
    await call("POST", "grading/" + course);
    for (;;) {
      await new Promise((r) => setTimeout(r, 3000));
      const job = await call("GET", "grading/" + course);
      if (job.status !== "running") { status.textContent = job.status === "done" ? "graded " + job.students + " student(s)" : "grading failed: " + job.error; if (job.status === "done") location.reload(); break; }
    }
  } catch (e) { status.textContent = "grading failed: " + e.message; }
});`;
  return page(`Class view: ${summary.course}`, body, script);
}

function columnsNote(summary: ClassSummary, released: boolean): string {
  if (summary.exercises.length === 0) return `<p class="note" id="columns-note">No exercises yet: exercise columns appear with the first release.</p>`;
  if (!released) return `<p class="note" id="columns-note">Not released yet: the columns are the course's exercises (from its notebooks).</p>`;
  return "";
}
