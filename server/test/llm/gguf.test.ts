// The local-model backend with a real llama.cpp (node-llama-cpp's prebuilt CPU binary) and a
// tiny GGUF file the test writes, whose scripted sentence the test knows in advance.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FallbackTutor } from "../../src/llm/fallback-tutor.js";
import { GgufTutor } from "../../src/llm/gguf-tutor.js";
import { offlineStandIn } from "../support/harness.js";
import { writeTinyGguf } from "../support/tiny-gguf.js";

const exercise = { id: "pk-basics/half-life", text: "Theophylline: CL = 2.8 L/h, V = 32 L. Compute the half-life.", hints: ["ke = CL / V"] };
const ask = { kind: "hint" as const, question: "help", exercise, hintLevel: 0, history: [] };
// t½ = ln 2 · V / CL = ln 2 · 32 / 2.8 = 7.92 h
const solutions = () => ({ code: "const halfLife = Math.LN2 / ke;", values: [{ value: (Math.LN2 * 32) / 2.8, unit: "h" }] });

describe("local GGUF tutor (node-llama-cpp)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pmxlab-gguf-"));
    writeTinyGguf(join(dir, "socratic.gguf"), ["What", "links", "ke", "to", "the", "half-life?"]);
    writeTinyGguf(join(dir, "leaky.gguf"), ["The", "half-life", "is", "7.92", "h."]);
    writeFileSync(join(dir, "broken.gguf"), "not a model");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("streams the model's reply and says which file answered", async () => {
    const chunks: string[] = [];
    const reply = await new GgufTutor({ file: join(dir, "socratic.gguf"), solutions, timeoutMs: 30_000 }).reply(ask, { onText: (c) => chunks.push(c) });
    expect(reply.text.trim()).toBe("What links ke to the half-life?");
    expect(reply.backend).toBe("gguf:socratic.gguf");
    expect(reply.hintLevel).toBe(1);
    expect(chunks.join("")).toBe(reply.text);
  });

  it("its replies pass the leak guard too", async () => {
    const chunks: string[] = [];
    const reply = await new GgufTutor({ file: join(dir, "leaky.gguf"), solutions, timeoutMs: 30_000 }).reply(ask, { onText: (c) => chunks.push(c) });
    expect(reply.text).toMatch(/can't give you the solution/);
    expect(reply.notice).toMatch(/leak guard/);
    expect(chunks.join("")).not.toContain("7.92");
  });

  it("a file that does not load falls back to the offline tutor with the reason", async () => {
    const tutor = new FallbackTutor(new GgufTutor({ file: join(dir, "broken.gguf"), solutions, timeoutMs: 30_000 }), offlineStandIn);
    const reply = await tutor.reply(ask);
    expect(reply.backend).toBe("offline");
    expect(reply.notice).toMatch(/gguf:broken\.gguf.*could not be loaded/);
  });
});
