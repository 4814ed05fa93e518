// The common start of a browser test of the browser-only edition: the built site (lite/dist/,
// `npm run lite`) served as plain static files by lite/serve.mjs on 127.0.0.1, Debian's
// chromium (test/e2e/chromium.mjs) with every request to any other host aborted and recorded.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../e2e/chromium.mjs";
import { REPO_ROOT } from "../e2e/jupyterlab.mjs";
import { serveStatic } from "../../lite/serve.mjs";

export const SITE = join(REPO_ROOT, "lite/dist");
export const RESULTS = join(REPO_ROOT, "test-results");

/**
 * Serves lite/dist/ and starts chromium. Fails (never skips) when the site is not built.
 * Returns `{ url, browser, newContext, close }`; `newContext()` gives a browser context with
 * an empty browser storage whose requests are confined to 127.0.0.1: each other request is
 * aborted and listed in `context.outside` (requests of the page, its workers and the
 * JupyterLite service worker; `context.requests` counts them all, `context.bytes` adds up the
 * sizes the server declared).
 */
export async function openLiteSite() {
  assert.ok(existsSync(join(SITE, "index.html")), `${SITE} has no built site: run \`npm run lite\` first (scripts/test.sh does)`);
  mkdirSync(RESULTS, { recursive: true });
  const site = await serveStatic({ dir: SITE, port: 0 });
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await site.close();
    throw error;
  }
  const newContext = async (options = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true, ...options });
    context.outside = [];
    context.requests = 0;
    context.bytes = 0;
    context.on("request", (request) => {
      context.requests++;
      if (!isLocal(request.url())) context.outside.push(request.url());
    });
    // A response the service worker gave the page was fetched by the service worker too: count it once.
    context.on("response", (response) => {
      if (!response.fromServiceWorker()) context.bytes += Number(response.headers()["content-length"] ?? 0);
    });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (!isLocal(url)) {
        context.outside.push(url);
        return route.abort("blockedbyclient");
      }
      // The tests drive JupyterLab through its `window.jupyterapp`, which a site exposes only
      // when asked to: the test asks in its copy of the configuration; the site's file stays as built.
      if (new URL(url).pathname === "/jupyter-lite.json") {
        const response = await route.fetch();
        const config = await response.json();
        config["jupyter-config-data"].exposeAppInBrowser = true;
        return route.fulfill({ response, json: config });
      }
      return route.continue();
    });
    return context;
  };
  return {
    url: site.url,
    browser,
    newContext,
    close: async () => {
      await browser.close().catch(() => {});
      await site.close();
    },
  };
}

/** Whether `url` stays on this machine's loopback address (or is page-internal: data:, blob:, about:). */
function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "127.0.0.1";
}

/**
 * Opens `path` (a file of the site, e.g. "pk-basics/01-elimination.ipynb") in JupyterLab in a
 * new page of `context` and waits until its kernel is idle. Returns `{ page, consoleErrors, seconds }`.
 */
export async function openNotebook(context, siteUrl, path, { kernelTimeout = 120_000 } = {}) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  const started = Date.now();
  await page.goto(`${siteUrl}lab/index.html?path=${encodeURIComponent(path)}`, { timeout: 60_000 });
  await page
    .waitForFunction(
      (p) => {
        const widget = window.jupyterapp?.shell.currentWidget;
        return widget?.context?.path === p && widget.sessionContext?.session?.kernel?.status === "idle";
      },
      path,
      { timeout: kernelTimeout, polling: 100 },
    )
    .catch(() => assert.fail(`${path} did not open with an idle kernel within ${kernelTimeout / 1000} s`));
  return { page, consoleErrors, seconds: (Date.now() - started) / 1000 };
}

/**
 * Runs cell `index` of the open notebook and resolves to its outputs (nbformat JSON) once it
 * has an execution count, or fails after `timeout` ms.
 */
export async function runCell(page, index, { timeout = 120_000 } = {}) {
  await page.evaluate((i) => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    notebook.model.cells.get(i).executionCount = null;
    notebook.activeCellIndex = i;
    return window.jupyterapp.commands.execute("notebook:run-cell");
  }, index);
  await page
    .waitForFunction((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).executionCount != null, index, { timeout, polling: 100 })
    .catch(() => assert.fail(`cell ${index} did not finish within ${timeout / 1000} s`));
  return page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.model.cells.get(i).outputs.toJSON(), index);
}
