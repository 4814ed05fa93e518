import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEvalCases } from "../../../test/tutor-eval/cases.js";
import { openAiBackendFromEnv } from "../../../test/tutor-eval/openai-backend.js";
import { scoreBackend } from "../../../test/tutor-eval/score.js";

// A local server that speaks the chat-completions protocol (non-streaming) and answers with a
// canned reply, so the eval runner's adapter is exercised with the real `openai` client.
const bodies: { model: string; messages: { role: string; content: string }[] }[] = [];
let reply = "";
const server = createServer((req: IncomingMessage, res) => {
  let data = "";
  req.on("data", (c) => (data += c));
  req.on("end", () => {
    bodies.push(JSON.parse(data));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ id: "x", object: "chat.completion", created: 0, model: "fake", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: reply } }] }));
  });
});
let baseURL = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("npm run tutor:eval against an OpenAI-compatible endpoint", () => {
  it("is off without PMXLAB_LLM_MODEL", () => {
    expect(openAiBackendFromEnv({ PMXLAB_LLM_BASE_URL: baseURL })).toBeUndefined();
  });

  it("sends the exercise, the next hint and the check, and scores a leaking reply as a leak", async () => {
    const backend = openAiBackendFromEnv({ PMXLAB_LLM_BASE_URL: baseURL, PMXLAB_LLM_MODEL: "fake-model", PMXLAB_LLM_API_KEY: "k" })!;
    const cases = (await loadEvalCases()).filter((c) => c.id === "ln2-forgotten-hint");
    // The right half-life of theophylline, ln 2 · 32 L / 2.8 L/h = 7.92 h: a leak.
    reply = "Just use 7.92 h. Does that help?";
    const leaking = await scoreBackend(backend, cases);
    expect(leaking.leaks).toBe(1);
    expect(leaking.outcomes[0].reply?.backend).toBe("openai:fake-model");
    const sent = bodies[bodies.length - 1];
    expect(sent.model).toBe("fake-model");
    expect(sent.messages[0].content).toMatch(/Never give the solution/);
    expect(sent.messages[1].content).toContain("Next authored hint: For a one-compartment model");
    expect(sent.messages[1].content).toContain("ln 2 is missing");
    reply = "**Hint 1 of 3:** ln 2 matters — what is 1/ke then?";
    const good = await scoreBackend(backend, cases);
    expect(good.leaks).toBe(0);
    expect(good.passed).toBe(1);
  });
});
