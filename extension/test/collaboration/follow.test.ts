import type { Notebook } from "@jupyterlab/notebook";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FollowController } from "../../src/collaboration/FollowController.js";
import { PresenceModel } from "../../src/collaboration/PresenceModel.js";
import type { Collaborator } from "../../src/collaboration/readCollaborators.js";
import { resolveFollowTarget } from "../../src/collaboration/resolveFollowTarget.js";
import { topVisibleAnchor } from "../../src/collaboration/topVisibleAnchor.js";
import { awarenessPair, ioAndEuropa } from "./awarenessPair.js";

function person(clientId: number, fields: Partial<Collaborator> = {}): Collaborator {
  return { clientId, name: `User ${clientId}`, initials: "U", color: "red", isLocal: false, activeCellId: null, scroll: null, ...fields };
}

const CELLS = ["intro", "model", "plot", "exercise"];

describe("resolveFollowTarget", () => {
  it("selects the followed user's cell and scrolls to their scroll anchor", () => {
    const people = [person(1, { isLocal: true }), person(2, { activeCellId: "exercise", scroll: { cellId: "model", offset: 120 } })];
    expect(resolveFollowTarget(people, 2, CELLS)).toEqual({ kind: "target", activeCellIndex: 3, scroll: { cellIndex: 1, offset: 120 } });
  });

  it("resolves cells by id, so a cell inserted locally above does not shift the target", () => {
    const people = [person(2, { activeCellId: "plot", scroll: { cellId: "plot", offset: 0 } })];
    const withInsertedCell = ["intro", "new-local-cell", "model", "plot", "exercise"];
    expect(resolveFollowTarget(people, 2, withInsertedCell)).toEqual({ kind: "target", activeCellIndex: 3, scroll: { cellIndex: 3, offset: 0 } });
  });

  it("scrolls to the active cell's top when the anchor cell was deleted", () => {
    const people = [person(2, { activeCellId: "plot", scroll: { cellId: "deleted", offset: 300 } })];
    expect(resolveFollowTarget(people, 2, CELLS)).toEqual({ kind: "target", activeCellIndex: 2, scroll: { cellIndex: 2, offset: 0 } });
  });

  it("leaves the view alone when the followed user has neither a cell nor a scroll position", () => {
    expect(resolveFollowTarget([person(2)], 2, CELLS)).toEqual({ kind: "target", activeCellIndex: null, scroll: null });
  });

  it("clamps a negative scroll offset to the anchor cell's top", () => {
    const people = [person(2, { scroll: { cellId: "intro", offset: -15 } })];
    expect(resolveFollowTarget(people, 2, CELLS)).toEqual({ kind: "target", activeCellIndex: null, scroll: { cellIndex: 0, offset: 0 } });
  });

  it("reports the followed user as lost once they leave", () => {
    expect(resolveFollowTarget([person(1, { isLocal: true })], 2, CELLS)).toEqual({ kind: "lost" });
  });

  it("refuses to follow the local user", () => {
    expect(() => resolveFollowTarget([person(1, { isLocal: true })], 1, CELLS)).toThrow(
      "resolveFollowTarget: client 1 is the local user, who cannot follow themselves",
    );
  });
});

describe("topVisibleAnchor", () => {
  const cells = [
    { id: "a", top: 0, bottom: 100 },
    { id: "b", top: 100, bottom: 300 },
    { id: "c", top: 310, bottom: 400 },
  ];

  it("anchors on the first cell reaching below the view's top, with the distance into it", () => {
    expect(topVisibleAnchor(120, cells)).toEqual({ cellId: "b", offset: 20 });
  });

  it("uses offset 0 when the view's top falls in the gap above a cell", () => {
    expect(topVisibleAnchor(305, cells)).toEqual({ cellId: "c", offset: 0 });
  });

  it("has no anchor below the last cell", () => {
    expect(topVisibleAnchor(400, cells)).toBeNull();
  });
});

/** A stand-in for the Notebook widget with only what FollowController touches: 100 px cells, view top at 0. */
function fakeNotebook(cellIds: string[]) {
  let scrollTop = 0;
  const scrollWrites: number[] = [];
  const outerNode = {
    get scrollTop() {
      return scrollTop;
    },
    set scrollTop(value: number) {
      scrollWrites.push(value);
      scrollTop = value;
    },
    getBoundingClientRect: () => ({ top: 0 }),
  };
  const notebook = {
    node: new EventTarget(),
    outerNode,
    activeCellIndex: 0,
    widgets: cellIds.map((id, index) => ({
      model: { id },
      node: { isConnected: true, getBoundingClientRect: () => ({ top: index * 100 - scrollTop }) },
    })),
    scrollToItem: async () => undefined,
  };
  return { notebook, scrollWrites };
}

describe("FollowController over real awareness", () => {
  let pair: ReturnType<typeof awarenessPair>;
  afterEach(() => {
    pair?.destroy();
    vi.unstubAllGlobals();
  });

  it("moves the local view to the leader's cell and scroll position as they change, and stops when they leave", async () => {
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 0));
    pair = ioAndEuropa(); // Io teaches, Europa follows
    const teacher = new PresenceModel(pair.a);
    const student = new PresenceModel(pair.b);
    const { notebook, scrollWrites } = fakeNotebook(CELLS);
    const follow = new FollowController(notebook as unknown as Notebook, student, pair.a.clientID);
    const ends: string[] = [];
    follow.ended.connect((_, why) => ends.push(why));

    teacher.publish({ activeCellId: "plot", scroll: { cellId: "model", offset: 30 } });
    await new Promise((resolve) => setTimeout(resolve, 10)); // the second alignment pass runs on the next frame
    expect(notebook.activeCellIndex).toBe(2);
    expect(notebook.outerNode.scrollTop).toBe(130); // cell "model" starts at 100 px, plus the 30 px offset
    const writes = scrollWrites.length;

    teacher.publish({ activeCellId: "exercise" }); // a new cell, same scroll: no new scroll
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(notebook.activeCellIndex).toBe(3);
    expect(scrollWrites).toHaveLength(writes);

    pair.a.setLocalState(null);
    expect(ends).toEqual(["lost"]);
    expect(follow.isDisposed).toBe(true);
  });
});
