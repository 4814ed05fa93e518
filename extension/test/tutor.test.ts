// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import type { ICellModel } from "@jupyterlab/cells";
import { readTutorState } from "../src/tutor/conversation.js";
import { replyHtml } from "../src/tutor/markdown.js";
import { readEvents } from "../src/tutor/tutorClient.js";
import { tutorRequestBody } from "../src/tutor/tutorContext.js";
import { TutorView } from "../src/tutor/TutorView.js";

describe("tutor reply rendering", () => {
  it("renders markdown and removes scripts and event handlers a reply could carry", () => {
    const html = replyHtml('**Look** at `ke`.\n\n<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>');
    expect(html).toContain("<strong>Look</strong>");
    expect(html).toContain("<code>ke</code>");
    expect(html).not.toMatch(/<script|onerror|javascript:/);
  });

  it("keeps math out of the markdown parser, escaped, for the typesetter", () => {
    const html = replyHtml("Use $t_{1/2} = \\ln 2 / k_e$ and $$C_0 * e^{-k t}$$ <b>");
    expect(html).toContain('<span class="pmx-math">$t_{1/2} = \\ln 2 / k_e$</span>');
    expect(html).toContain('<span class="pmx-math">$$C_0 * e^{-k t}$$</span>');
    expect(html).not.toContain("<em>");
  });
});

describe("the server's event stream", () => {
  const stream = (text: string, pieces = 5) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let i = 0; i < bytes.length; i += pieces) controller.enqueue(bytes.slice(i, i + pieces));
        controller.close();
      },
    });

  it("gives text chunks as they come and the final reply", async () => {
    const chunks: string[] = [];
    const reply = await readEvents(
      stream('event: text\ndata: {"chunk":"Think "}\n\nevent: text\ndata: {"chunk":"again.\\n"}\n\nevent: done\ndata: {"text":"Think again.\\n","backend":"offline","hintLevel":1,"computed":[]}\n\n'),
      (c) => chunks.push(c),
    );
    expect(chunks).toEqual(["Think ", "again.\n"]);
    expect(reply).toEqual({ text: "Think again.\n", backend: "offline", hintLevel: 1, computed: [] });
  });

  it("rejects with the server's message on an error event, and on a cut stream", async () => {
    await expect(readEvents(stream('event: error\ndata: {"message":"the tutor could not answer; try again"}\n\n'))).rejects.toThrow("the tutor could not answer; try again");
    await expect(readEvents(stream('event: text\ndata: {"chunk":"Th'))).rejects.toThrow(/ended before it was complete/);
  });
});

describe("tutor cell state and view", () => {
  it("reads a stored conversation and drops malformed turns", () => {
    expect(readTutorState({ exercise: "pk-basics/auc", hintLevel: 2, turns: [{ role: "student", text: "?" }, { role: "robot", text: "x" }, 5] })).toEqual({
      exercise: "pk-basics/auc",
      hintLevel: 2,
      turns: [{ role: "student", text: "?" }],
    });
    expect(readTutorState("nonsense")).toBeUndefined();
  });

  it("shows the turns, the computed numbers, a notice and who answered", () => {
    const typeset = vi.fn();
    const view = new TutorView(
      {
        hintLevel: 1,
        turns: [
          { role: "student", text: "What is C at 2 h?" },
          { role: "tutor", text: "It is **1.64 mg/L**.", backend: "openai:m", notice: "Corrected a number", computed: [{ label: "CP at 2 h", value: 1.6374615, unit: "mg/L" }] },
        ],
      },
      () => {},
      () => {},
      typeset,
    );
    const text = view.node.textContent!;
    expect(view.node.querySelector(".pmx-mod-tutor strong")!.textContent).toBe("1.64 mg/L");
    expect(text).toContain("Computed by pmxlab: CP at 2 h = 1.64 mg/L");
    expect(text).toContain("Corrected a number");
    expect(text).toContain("answered by openai:m");
    expect(typeset).toHaveBeenCalledTimes(1);
  });

  it("offers Stop while a reply streams, and asks with the typed question", () => {
    const onAsk = vi.fn();
    const onStop = vi.fn();
    const view = new TutorView({ hintLevel: 0, turns: [] }, onAsk, onStop, () => {});
    view.node.querySelector("textarea")!.value = "why ln 2?";
    (view.node.querySelector(".pmx-TutorView-ask") as HTMLButtonElement).click();
    expect(onAsk).toHaveBeenCalledWith("question", "why ln 2?");
    view.setStreaming("Because");
    expect(view.node.querySelector(".pmx-mod-streaming")!.textContent).toContain("Because");
    (view.node.querySelector(".pmx-TutorView-stop") as HTMLButtonElement).click();
    expect(onStop).toHaveBeenCalled();
  });
});

describe("the request a tutor cell sends", () => {
  const cell = (type: string, source: string, metadata: object = {}, outputs: object[] = []) =>
    ({ type, getMetadata: (k: string) => (metadata as Record<string, unknown>)[k], sharedModel: { getSource: () => source, toJSON: () => ({ outputs }) } }) as unknown as ICellModel;

  it("takes the exercise above, its text, code, check result and last error, never asking the student to paste", () => {
    const check = { exercise: "pk-basics/half-life", attempts: 1, time: "t", codeHash: "h", result: { passed: false, score: 0, items: [{ name: "half-life (h)", passed: false, message: "ln 2 forgotten" }] } };
    const cells = [
      cell("markdown", "# Elimination"),
      cell("markdown", "Compute the half-life."),
      cell("code", "const halfLife = 1 / ke;", { pmxlab: { exercise: { id: "pk-basics/half-life", hints: ["ke = CL / V"] }, check } }, [
        { output_type: "error", ename: "TypeError", evalue: "\u001b[31mke is undefined\u001b[0m", traceback: ["at cell 3"] },
      ]),
      cell("markdown", "**Tutor**"),
    ];
    const body = tutorRequestBody(cells, 3, { hintLevel: 1, turns: [{ role: "student", text: "hi" }] }, "hint", "", "pk-basics") as { course: string; attempt: number; request: Record<string, unknown> };
    expect(body.course).toBe("pk-basics");
    expect(body.attempt).toBe(1);
    expect(body.request).toMatchObject({
      kind: "hint",
      hintLevel: 1,
      exercise: { id: "pk-basics/half-life", text: "Compute the half-life.", hints: ["ke = CL / V"] },
      code: "const halfLife = 1 / ke;",
      check: check.result,
      error: { name: "TypeError", message: "ke is undefined", traceback: "at cell 3" },
      history: [{ role: "student", text: "hi" }],
    });
  });
});

describe("when a cell offers Ask the tutor", () => {
  const cell = (type: string, metadata: object, outputs: object[]) =>
    ({ type, getMetadata: (k: string) => (metadata as Record<string, unknown>)[k], sharedModel: { getSource: () => "", toJSON: () => ({ outputs }) } }) as unknown as ICellModel;
  const failedCheck = { pmxlab: { check: { exercise: "e", attempts: 1, time: "t", codeHash: "h", result: { passed: false, score: 0, items: [] } } } };

  it("an error output asks to explain the error; a failed Check asks for a hint; otherwise nothing", async () => {
    const { askReason } = await import("../src/tutor/askReason.js");
    expect(askReason(cell("code", failedCheck, [{ output_type: "error", ename: "TypeError" }]))).toBe("explain-error");
    expect(askReason(cell("code", failedCheck, [{ output_type: "stream" }]))).toBe("hint");
    const passed = { pmxlab: { check: { ...failedCheck.pmxlab.check, result: { passed: true, score: 1, items: [] } } } };
    expect(askReason(cell("code", passed, []))).toBeUndefined();
    expect(askReason(cell("markdown", failedCheck, []))).toBeUndefined();
  });
});
