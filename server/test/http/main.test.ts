// The service as `npm start` runs it (server/dist/main.js, the real offline tutor and the
// course passages of courses/), with no LLM configured: a hint request gets the offline
// tutor's reply, which gives the exercise's first authored hint and not its solution, and a
// model description gets a verified model from the offline drafter.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askTutor } from "../support/harness.js";
import { freePort } from "../support/ports.js";

const repo = resolve(__dirname, "../../..");
let child: ChildProcess;
let base: string;
const data = mkdtempSync(join(tmpdir(), "pmxlab-server-main-"));

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PMXLAB_DATA_DIR: data };
  for (const key of Object.keys(env)) if (key.startsWith("PMXLAB_LLM_") || key === "PMXLAB_DATABASE_URL") delete env[key];
  child = spawn(process.execPath, [join(repo, "server", "dist", "main.js"), "--port", String(port)], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server/dist/main.js did not answer /health in 20 s");
}, 30_000);

afterAll(() => {
  child?.kill();
  rmSync(data, { recursive: true, force: true });
});

describe("server/dist/main.js with no LLM configured", () => {
  it("reports the offline tutor and answers a hint with the exercise's first authored hint", async () => {
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: "ok", database: "sqlite", llm: "offline" });
    // The exercise as the course authored it (pk-basics 01, "AUC and dose").
    const notebook = JSON.parse(readFileSync(join(repo, "courses", "pk-basics", "01-elimination.ipynb"), "utf8"));
    const cell = notebook.cells.find((c: { metadata: { pmxlab?: { exercise?: { id: string } } } }) => c.metadata.pmxlab?.exercise?.id === "pk-basics/auc");
    const hints: string[] = cell.metadata.pmxlab.exercise.hints;
    const answer = await askTutor(base, {
      course: "pk-basics",
      request: { kind: "hint", question: "", exercise: { id: "pk-basics/auc", text: "Write aucOf(dose): the AUC from 0 to infinity of an IV bolus.", hints }, code: "const aucOf = (dose: number) => dose / (CL / V);", hintLevel: 0, history: [] },
    });
    expect(answer.status).toBe(200);
    expect(answer.reply?.backend).toBe("offline");
    expect(answer.reply?.text).toContain(hints[0]);
    expect(answer.reply?.text).not.toContain("dose / CL");
  });

  it("drafts a model from words offline (POST /draft), verified by the kernel, and refuses an empty description", async () => {
    const post = (body: unknown) => fetch(`${base}/draft`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const response = await post({ description: "two-compartment model with IV infusion" });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ ok: true, drafter: "offline", errors: [] });
    expect(answer.text).toMatch(/\$COMPARTMENTS[\s\S]*\$ODE/);
    expect(answer.smoke.output).toBe("CP");
    const empty = await post({ description: " " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatch(/description/);
  });
});
