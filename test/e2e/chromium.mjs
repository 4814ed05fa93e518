// Launches Debian's chromium (test/e2e/ensure-chromium.sh installs it) headless for playwright-core.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";

/** Path of the Chromium binary: $PMXLAB_CHROMIUM, else `chromium` on the PATH. */
export function chromiumPath() {
  if (process.env.PMXLAB_CHROMIUM) return process.env.PMXLAB_CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("chromium not found: run `bash test/e2e/ensure-chromium.sh` (installs Debian's chromium) or set PMXLAB_CHROMIUM");
  }
}

/** Starts headless Chromium; the flags keep it off the network (only the test's local server). */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 60_000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
}
