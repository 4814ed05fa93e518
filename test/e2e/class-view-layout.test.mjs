// The instructor's class view page (server/src/class-view/class-page.ts, as built in
// server/dist) in Chromium at 1280 × 800: a course with many exercises makes the grid wider
// than the window; the page itself must not get wider, the grid scrolls sideways in its own
// box and the student column stays in view. Screenshot: test-results/class-view-scrolled.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { classPage } from "../../server/dist/class-view/class-page.js";
import { launchChromium } from "./chromium.mjs";
import { RESULTS } from "./lab-session.mjs";

const EXERCISES = Array.from({ length: 40 }, (_, i) => `pk-basics/exercise-${String(i + 1).padStart(2, "0")}`);
const STUDENTS = ["ada", "bob", "a-student-with-a-long-name"];
const summary = {
  course: "pk-basics",
  exercises: EXERCISES,
  students: STUDENTS,
  grid: Object.fromEntries(STUDENTS.map((s) => [s, Object.fromEntries(EXERCISES.map((e, i) => [e, { attempts: 1 + (i % 4), passed: i % 3 === 0, bestScore: (i % 3) / 2 }]))])),
  tutor: { ada: { requests: 3, hints: 2 } },
  failingItems: [],
  misconceptions: [],
  grades: {},
};

let server;
let browser;
let base;

before(async () => {
  const html = classPage(summary, { released: true });
  server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("a grid wider than a 1280 px window scrolls inside its box with the student column kept in view", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base);
  const layout = () =>
    page.evaluate(() => {
      const box = document.querySelector(".grid-scroll");
      const row = document.querySelectorAll("#grid tr")[1];
      return {
        pageWidth: document.documentElement.scrollWidth,
        windowWidth: document.documentElement.clientWidth,
        boxLeft: box.getBoundingClientRect().left,
        boxScrollWidth: box.scrollWidth,
        boxWidth: box.clientWidth,
        student: row.cells[0].getBoundingClientRect().left,
        tenth: row.cells[10].getBoundingClientRect().left,
      };
    });
  const start = await layout();
  assert.ok(start.boxScrollWidth > start.boxWidth + 600, `the grid is wider than its box: ${JSON.stringify(start)}`);
  assert.ok(start.pageWidth <= start.windowWidth, `the page is no wider than the window: ${JSON.stringify(start)}`);

  await page.evaluate(() => {
    document.querySelector(".grid-scroll").scrollLeft = 600;
  });
  const scrolled = await layout();
  assert.ok(Math.abs(scrolled.tenth - (start.tenth - 600)) <= 1, `the exercise columns move with the scroll: ${JSON.stringify({ start, scrolled })}`);
  assert.ok(Math.abs(scrolled.student - scrolled.boxLeft) <= 1, `the student column stays at the box's left edge: ${JSON.stringify(scrolled)}`);
  // Drawn over the columns scrolling under it, not under them.
  const onTop = await page.evaluate(() => {
    const cell = document.querySelectorAll("#grid tr")[1].cells[0];
    const r = cell.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === cell;
  });
  assert.equal(onTop, true, "the student cell is the topmost element where it is drawn");
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, "class-view-scrolled.png") });
  await context.close();
});
