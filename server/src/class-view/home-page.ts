// The service's front page (`/services/pmxlab/`): a student's released courses with a
// button to bring each into their home, and their feedback; an instructor's courses with
// links to publish, grade and the class view.
import type { Release } from "../courses-release/release-store.js";
import type { CourseEntry } from "../courses-release/publish.js";
import type { Identity } from "../http/identity.js";
import { esc, page } from "./html.js";

export function homePage(identity: Identity, releases: Release[], courses: CourseEntry[]): string {
  const released = releases.map((r) => `<tr><td>${esc(r.course)}</td><td>${esc(r.version)}</td><td>${esc(r.at)}</td><td><button data-sync="${esc(r.course)}">Get into my home</button> <a href="feedback/${encodeURIComponent(r.course)}">my feedback</a></td></tr>`).join("");
  let body = `<p>Signed in as <b>${esc(identity.user)}</b> (${identity.instructor ? "instructor" : "student"}). <span class="status" id="status"></span></p>
<h2>Released courses</h2>
<table><tr><th>course</th><th>version</th><th>published</th><th></th></tr>${released || `<tr><td colspan="4">nothing released yet</td></tr>`}</table>`;
  if (identity.instructor) {
    body += `<h2>Courses</h2><table><tr><th>course</th><th>title</th><th></th></tr>${courses
      .map((c) => `<tr><td>${esc(c.course)}</td><td>${esc(c.title)}</td><td><a href="class/${encodeURIComponent(c.course)}/page">class view</a></td></tr>`)
      .join("")}</table>`;
  }
  const script = `
const status = document.getElementById("status");
for (const button of document.querySelectorAll("button[data-sync]")) {
  button.addEventListener("click", async () => {
    status.textContent = "copying " + button.dataset.sync + " into your home…";
    const r = await fetch("releases/" + encodeURIComponent(button.dataset.sync) + "/sync", { method: "POST", credentials: "same-origin" });
    const body = await r.json().catch(() => ({}));
    status.textContent = r.ok ? "added " + body.added.length + ", updated " + body.updated.length + ", kept your edits of " + body.beside.length + " (new versions beside them)" : "failed: " + (body.error || r.status);
  });
}`;
  return page("pmxlab class service", body, script);
}
