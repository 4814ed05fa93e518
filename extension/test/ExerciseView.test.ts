// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import { readCheckState, type CheckState } from "../src/exercise/checkState.js";
import { ExerciseView } from "../src/exercise/ExerciseView.js";

const failed: CheckState = {
  exercise: "pk-basics/half-life",
  attempts: 2,
  time: "2026-01-01T00:00:00.000Z",
  codeHash: "ab",
  result: {
    passed: false,
    score: 0.5,
    items: [
      { name: "ke (1/h)", passed: true, message: "0.0875 1/h is right" },
      { name: "half-life (h)", passed: false, message: "11.43 h is not right. It looks like ln 2 is missing", misconception: "ln 2 forgotten" },
    ],
  },
};

describe("ExerciseView", () => {
  it("ticks and crosses the items, shows the misconception message and the attempt count", () => {
    const view = new ExerciseView({ exerciseId: "pk-basics/half-life", hints: [], duplicated: false, checking: false, state: failed }, () => {});
    const items = [...view.node.querySelectorAll(".pmx-ExerciseView-items li")].map((li) => li.textContent);
    expect(items).toEqual(["✓ ke (1/h): 0.0875 1/h is right", "✗ half-life (h): 11.43 h is not right. It looks like ln 2 is missing"]);
    expect(view.node.querySelector("[data-misconception]")?.getAttribute("data-misconception")).toBe("ln 2 forgotten");
    expect(view.node.querySelector(".pmx-ExerciseView-status")?.textContent).toBe("✗ Not yet — 1/2 · attempt 2");
    expect(view.hasClass("pmx-mod-failed")).toBe(true);
  });

  it("gives the hints one at a time, on request", () => {
    const view = new ExerciseView({ exerciseId: "x", hints: ["concept", "where to look"], duplicated: false, checking: false, state: undefined }, () => {});
    const hints = () => [...view.node.querySelectorAll(".pmx-ExerciseView-hintText")].map((h) => h.textContent);
    expect(hints()).toEqual([]);
    (view.node.querySelector(".pmx-ExerciseView-hint") as HTMLButtonElement).click();
    expect(hints()).toEqual(["Hint: concept"]);
    (view.node.querySelector(".pmx-ExerciseView-hint") as HTMLButtonElement).click();
    expect(hints()).toEqual(["Hint: concept", "Hint: where to look"]);
    expect(view.node.querySelector(".pmx-ExerciseView-hint")).toBeNull();
  });

  it("flags a duplicated exercise and calls back on Check", () => {
    const onCheck = vi.fn();
    const view = new ExerciseView({ exerciseId: "x", hints: [], duplicated: true, checking: false, state: undefined }, onCheck);
    expect(view.node.querySelector(".pmx-ExerciseView-warning")?.textContent).toMatch(/more than one cell/);
    (view.node.querySelector(".pmx-ExerciseView-check") as HTMLButtonElement).click();
    expect(onCheck).toHaveBeenCalledTimes(1);
  });
});

describe("readCheckState", () => {
  it("reads a stored result and refuses malformed metadata", () => {
    expect(readCheckState(failed as never)).toEqual(failed);
    expect(readCheckState({ exercise: "x" })).toBeUndefined();
    expect(readCheckState(undefined)).toBeUndefined();
  });
});
