// Model drafting through the real `openai` client against a local chat-completions server:
// the kernel's errors go back to the model for a repair, a draft that never verifies is
// returned with its errors and no model, and an endpoint that fails hands the description to
// the offline drafter with a note.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftingService } from "../../src/drafting/index.js";
import { startChatServer, type ChatServer } from "../support/chat-server.js";

// A one-compartment IV model in the pmxlab format, right, and with CP declared in mg (the
// unit checker must refuse: central/V is mg/L).
const RIGHT = `$MODEL one_cmt
$DESCRIPTION one-compartment IV
$TIME h
$PARAMETERS
CL = 5 : L/h : clearance (assumed)
V = 50 : L : volume (assumed)
$COMPARTMENTS
central : mg : central compartment
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = central/V : mg/L : plasma concentration
`;
const WRONG_UNIT = RIGHT.replace("CP = central/V : mg/L", "CP = central/V : mg");

let chat: ChatServer;
beforeEach(async () => {
  chat = await startChatServer();
});
afterEach(() => chat.close());

const service = () => draftingService({ llm: { baseURL: chat.url, apiKey: "test-key", model: "drafter-model", timeoutMs: 5_000, maxRetries: 0 } });

describe("drafting with a language model", () => {
  it("sends the unit checker's error back and returns the repaired, verified model", async () => {
    chat.script({ content: "Here it is:\n```\n" + WRONG_UNIT + "```" }, { content: "```\n" + RIGHT + "```" });
    const answer = await service()("one-compartment IV bolus model");
    expect(answer.ok).toBe(true);
    expect(answer.drafter).toBe("openai:drafter-model");
    expect(answer.attempts).toHaveLength(2);
    expect(answer.attempts[0].errors[0].stage).toBe("units");
    expect(answer.text).toBe(RIGHT);
    expect(answer).not.toHaveProperty("model");
    // The repair request carried the model's own draft and the kernel's message about it.
    const repair = chat.requests[1].messages;
    expect(repair.some((m) => m.role === "assistant" && m.content?.includes("CP = central/V : mg :"))).toBe(true);
    expect(repair[repair.length - 1].content).toContain(answer.attempts[0].errors[0].message);
    // The smoke run: 1-cmt IV, so the peak is dose/V at the dose time.
    expect(answer.smoke?.output).toBe("CP");
  });

  it("returns a draft that never verifies with its errors, never as a model", async () => {
    chat.script({ content: WRONG_UNIT }, { content: WRONG_UNIT.replace("$MODEL one_cmt", "$MODEL one_cmt_b") }, { content: WRONG_UNIT.replace("$MODEL one_cmt", "$MODEL one_cmt_c") });
    const answer = await service()("one-compartment IV bolus model");
    expect(answer.ok).toBe(false);
    expect(answer.attempts).toHaveLength(3);
    expect(answer.errors.map((e) => e.stage)).toContain("units");
    expect(answer.smoke).toBeUndefined();
  });

  it("falls back to the offline drafter when the endpoint fails, and says so", async () => {
    chat.script({ status: 500 });
    const answer = await service()("one-compartment oral model with first-order absorption");
    expect(answer.ok).toBe(true);
    expect(answer.drafter).toBe("offline");
    expect(answer.notice).toMatch(/could not draft it \(it failed with a server error \(500\)\), so the offline drafter/);
  });
});
