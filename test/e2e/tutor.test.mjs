// Browser end-to-end test of tutor cells: the real JupyterLab (as `npm start` runs it, with
// pmxlab's server started on demand by jupyter-server-proxy), Debian's chromium, and a local
// server in this test that speaks the OpenAI chat-completions protocol in place of a hosted
// model (PMXLAB_LLM_BASE_URL). On the released pk-basics notebook, with a failing Check result
// stored on the half-life exercise: insert a tutor cell under it, ask for a hint, see the reply
// stream in and cite the Check result; "Ask the tutor" under the exercise asks again in that
// cell; a co-editor sees the conversation; it is saved in the .ipynb and still there after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./jupyterlab.mjs";
import { openLabSession, RESULTS } from "./lab-session.mjs";

const NOTEBOOK = "01-elimination.ipynb";
const EXERCISE = "pk-basics/half-life";
const TUTOR = ".pmx-TutorView";
const CHECK_MESSAGE = "11.4 h is not right. ln 2 forgotten: the half-life is ln 2 / ke, not 1 / ke.";

/** The stand-in model: cites the failed Check item it finds in the prompt, in two lines with a pause between them. */
function startModel() {
  const requests = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body);
    requests.push(request);
    const prompt = request.messages.at(-1).content;
    const failed = /- failed: (.*)/.exec(prompt)?.[1] ?? "nothing failed";
    const lines = [`Your last Check says: ${failed}\n`, "Which constant turns $1/k_e$ into the half-life?\n"];
    const chunk = (delta, finish = null) =>
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(chunk({ role: "assistant", content: "" }));
    for (const line of lines) {
      for (const piece of line.match(/[\s\S]{1,12}/g)) res.write(chunk({ content: piece }));
      await new Promise((r) => setTimeout(r, 2_000));
    }
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/v1`, requests, close: () => server.close() })));
}

let session;
let lab;
let browser;
let model;
let dataDir;

before(async () => {
  model = await startModel();
  dataDir = mkdtempSync(join(tmpdir(), "pmxlab-e2e-tutor-data-"));
  // Read by startJupyterLab's environment and passed by jupyter-server-proxy to pmxlab's server.
  Object.assign(process.env, { PMXLAB_LLM_BASE_URL: model.url, PMXLAB_LLM_MODEL: "stand-in", PMXLAB_LLM_API_KEY: "sk-e2e", PMXLAB_DATA_DIR: dataDir });
  session = await openLabSession({
    name: "e2e-tutor",
    logFile: "jupyterlab-tutor.log",
    stale: ["e2e-tutor-failure.png", "e2e-tutor.png"],
    prepare: (workDir) =>
      execFileSync(process.execPath, [join(REPO_ROOT, "kernel-lib/bin/pmxlab.js"), "release", join(REPO_ROOT, "courses/pk-basics"), "--out", workDir], { stdio: "inherit" }),
  });
  ({ lab, browser } = session);
});

after(async () => {
  await session?.close();
  model?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openNotebook(context) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.goto(`${lab.baseUrl}/lab/tree/${NOTEBOOK}?token=${lab.token}`, { timeout: 60_000 });
  await page.waitForFunction(() => window.jupyterapp?.shell.currentWidget?.content?.model?.cells.length > 0, null, { timeout: 90_000, polling: 250 });
  return { page, consoleErrors };
}

test("a tutor cell under a failing exercise streams a hint that cites the Check result, seen by a co-editor and kept after a reload", { timeout: 10 * 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const { page, consoleErrors } = await openNotebook(context);
  try {
    // The exercise's last Check failed (the Check itself has its own browser test): the stored
    // result, as *Check* writes it through the cell-state API.
    const index = await page.evaluate(
      ([id, message]) => {
        const notebook = window.jupyterapp.shell.currentWidget.content;
        const cells = notebook.model.cells;
        for (let i = 0; i < cells.length; i++) {
          const cell = cells.get(i);
          const pmxlab = cell.getMetadata("pmxlab");
          if (pmxlab?.exercise?.id !== id) continue;
          cell.sharedModel.setSource("const ke = CL / V;\nconst halfLife = 1 / ke;");
          const result = { passed: false, score: 0.5, items: [{ name: "ke (1/h)", passed: true, message: "0.0875 1/h is right" }, { name: "half-life (h)", passed: false, message, misconception: "ln 2 forgotten" }] };
          cell.setMetadata("pmxlab", { ...pmxlab, check: { exercise: id, result, attempts: 1, time: new Date().toISOString(), codeHash: "0".repeat(64) } });
          notebook.activeCellIndex = i;
          return i;
        }
        return -1;
      },
      [EXERCISE, CHECK_MESSAGE],
    );
    assert.ok(index >= 0, "the released notebook has the half-life exercise");

    // A co-editor has the notebook open too.
    const coEditor = await openNotebook(await browser.newContext({ viewport: { width: 1280, height: 900 } }));

    await page.evaluate(() => window.jupyterapp.commands.execute("pmxlab:insert-tutor-cell"));
    const tutorCell = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex);
    assert.equal(tutorCell, index + 1, "the tutor cell is inserted right under the exercise");
    const cellCount = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.length);
    await page.locator(`${TUTOR}[data-exercise="${EXERCISE}"]`).waitFor({ timeout: 30_000 });

    await page.locator(`${TUTOR} .pmx-TutorView-hint`).click();
    // Streaming: the first line shows while the model still holds back the second.
    await page.waitForFunction(() => document.querySelector(".pmx-TutorView .pmx-mod-streaming")?.textContent.includes("Your last Check says"), null, { timeout: 60_000 });
    assert.doesNotMatch(await page.locator(`${TUTOR} .pmx-mod-streaming`).textContent(), /Which constant/);
    const reply = page.locator(`${TUTOR} .pmx-mod-tutor:not(.pmx-mod-streaming)`);
    await reply.waitFor({ timeout: 60_000 });
    const text = await reply.textContent();
    assert.match(text, /half-life \(h\) — 11\.4 h is not right\. ln 2 forgotten/);
    assert.match(text, /answered by openai:stand-in/);
    await page.locator(TUTOR).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, "e2e-tutor.png"), timeout: 30_000 });

    // The server sent the model the Check result and the student's code, and never the solution.
    const prompt = JSON.stringify(model.requests[0].messages);
    assert.match(prompt, /ln 2 forgotten/);
    assert.match(prompt, /const halfLife = 1 \/ ke/);
    assert.doesNotMatch(prompt, /Math\.LN2/);

    // The co-editor sees the conversation.
    await coEditor.page.locator(`${TUTOR} .pmx-mod-tutor`).filter({ hasText: "Your last Check says" }).waitFor({ timeout: 30_000 });
    await coEditor.page.context().close();

    // "Ask the tutor" under the exercise (its Check failed) asks again in the tutor cell below it.
    await page.locator(".pmx-AskTutor").first().click();
    await page.locator(`${TUTOR} .pmx-mod-tutor:not(.pmx-mod-streaming)`).nth(1).waitFor({ timeout: 60_000 });
    assert.equal(model.requests.length, 2);
    assert.equal(await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.model.cells.length), cellCount, "no second tutor cell");

    // Saved in the .ipynb, and there after a reload.
    await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
    await page.waitForTimeout(1_500);
    const response = await fetch(`${lab.baseUrl}/api/contents/${NOTEBOOK}?content=1&type=notebook`, { headers: { Authorization: `token ${lab.token}` } });
    const saved = (await response.json()).content.cells[tutorCell].metadata.pmxlab.tutor;
    assert.deepEqual(saved.turns.map((t) => t.role), ["student", "tutor", "student", "tutor"]);
    assert.equal(saved.turns[1].backend, "openai:stand-in");
    assert.equal(saved.hintLevel, 2);
    await page.reload({ timeout: 60_000 });
    await page.locator(`${TUTOR} .pmx-mod-tutor`).filter({ hasText: "Your last Check says" }).nth(1).waitFor({ timeout: 90_000 });
    assert.deepEqual(consoleErrors.filter((e) => /pmx|tutor/i.test(e)), []);
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, "e2e-tutor-failure.png"), timeout: 30_000 }).catch(() => {});
    if (consoleErrors.length > 0) console.log(`# browser console errors:\n${consoleErrors.join("\n")}`);
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
});
