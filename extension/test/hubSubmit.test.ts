// File → Submit notebook on a hub: the notebook is saved (through the collaboration server when
// it is shared in real time, never through JupyterLab's "File Changed" check), then posted;
// the student always gets the receipt or one error naming the step, within a bound.
import { afterEach, describe, expect, it, vi } from "vitest";
import { saveForSubmit, submitNotebook, type Submission } from "../src/hub/submitNotebook.js";

afterEach(() => {
  vi.useRealTimers();
});

/** A context whose own save (with the conflict check) is recorded. */
function context(path = "pk-basics/01-elimination.ipynb") {
  const calls: string[] = [];
  return { calls, ctx: { path, localPath: path, save: async () => void calls.push("context.save") } };
}

describe("saving before a submission", () => {
  it("asks the collaboration server to save a shared notebook, not the context", async () => {
    const { calls, ctx } = context();
    const saved: unknown[] = [];
    const collaboration = { providers: new Map([["json:notebook:pk-basics/01-elimination.ipynb", {}]]), save: async (path: string, options: unknown) => void saved.push([path, options]) };
    await saveForSubmit(ctx, collaboration);
    expect(saved).toEqual([["pk-basics/01-elimination.ipynb", { type: "notebook", format: "json" }]]);
    expect(calls).toEqual([]);
  });

  it("finds a shared notebook by its local path when the context's path names a drive", async () => {
    const ctx = { path: "RTC:pk-basics/01-elimination.ipynb", localPath: "pk-basics/01-elimination.ipynb", save: async () => expect.unreachable("context.save") };
    const saved: string[] = [];
    await saveForSubmit(ctx, { providers: new Map([["json:notebook:pk-basics/01-elimination.ipynb", {}]]), save: async (path: string) => void saved.push(path) });
    expect(saved).toEqual(["pk-basics/01-elimination.ipynb"]);
  });

  it("saves through the context when the notebook is not shared in real time", async () => {
    const { calls, ctx } = context();
    const other = { providers: new Map([["json:notebook:pk-basics/02-other.ipynb", {}]]), save: async () => expect.unreachable("collaboration save") };
    await saveForSubmit(ctx, other);
    await saveForSubmit(ctx, null);
    expect(calls).toEqual(["context.save", "context.save"]);
  });
});

describe("submitting", () => {
  const content = { cells: [{ cell_type: "code", source: "const halfLife = Math.LN2 / ke;" }] };

  it("saves, then posts the notebook as given, and answers the receipt", async () => {
    const order: string[] = [];
    const receipt = await submitNotebook(
      "01-elimination.ipynb",
      content,
      async () => void order.push("save"),
      async (submission: Submission) => {
        order.push("post");
        expect(submission).toEqual({ notebook: "01-elimination.ipynb", content });
        return { at: "2026-12-06T12:00:00Z" };
      },
    );
    expect(order).toEqual(["save", "post"]);
    expect(receipt).toEqual({ at: "2026-12-06T12:00:00Z" });
  });

  it("a failed save is one error, and nothing is posted", async () => {
    const post = vi.fn();
    // The collaboration provider rejects with a bare string.
    await expect(submitNotebook("01-elimination.ipynb", content, () => Promise.reject("Saving failed"), post)).rejects.toThrow(
      "saving 01-elimination.ipynb failed: Saving failed; nothing was submitted",
    );
    expect(post).not.toHaveBeenCalled();
  });

  it("a save that never ends (a dialog waiting for a click, a lost reply) fails after the bound, and nothing is posted", async () => {
    vi.useFakeTimers();
    const post = vi.fn();
    const outcome = submitNotebook("01-elimination.ipynb", content, () => new Promise(() => {}), post, 60_000).catch((error: Error) => error);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(post).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(((await outcome) as Error).message).toBe(
      "saving 01-elimination.ipynb failed: no answer within 60 s (is the connection to your server down?); nothing was submitted",
    );
    expect(post).not.toHaveBeenCalled();
  });

  it("a class service that never answers fails after the bound", async () => {
    vi.useFakeTimers();
    const outcome = submitNotebook("01-elimination.ipynb", content, async () => {}, () => new Promise(() => {}), 30_000).catch((error: Error) => error);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(((await outcome) as Error).message).toBe("the class service did not answer within 30 s; submit again to be sure it arrived");
  });
});
