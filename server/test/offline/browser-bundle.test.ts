import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the offline tutor in a browser bundle", () => {
  it("bundles for the browser platform (no Node module) and answers from the bundle", async () => {
    const entry = new URL("../../src/llm/offline/index.ts", import.meta.url).pathname;
    // platform "browser" fails to resolve node:fs, path, … if anything in the tutor imports them.
    const result = await build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const dir = mkdtempSync(join(tmpdir(), "pmxlab-tutor-bundle-"));
    try {
      const file = join(dir, "offline-tutor.mjs");
      writeFileSync(file, result.outputFiles[0].contents);
      const { OfflineTutor } = (await import(pathToFileURL(file).href)) as typeof import("../../src/llm/offline/index.js");
      const reply = await new OfflineTutor().reply({ kind: "question", question: "What is bioavailability?", hintLevel: 0, history: [] });
      expect(reply.backend).toBe("offline");
      expect(reply.text).toContain("fraction of an extravascular");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
