import { afterEach, describe, expect, it } from "vitest";
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { PresenceModel } from "../../src/collaboration/PresenceModel.js";
import { PRESENCE_FIELD } from "../../src/collaboration/presenceState.js";
import { readCollaborators } from "../../src/collaboration/readCollaborators.js";
import { awarenessPair, EUROPA, IO, ioAndEuropa } from "./awarenessPair.js";

let pair: ReturnType<typeof awarenessPair>;
afterEach(() => pair?.destroy());

describe("presence read from real Yjs awareness", () => {
  it("lists both users with their names and colours, the local user first", () => {
    pair = ioAndEuropa();
    const seenByB = readCollaborators(pair.b.getStates() as Map<number, Record<string, unknown>>, pair.b.clientID);
    expect(seenByB.map(({ clientId, name, initials, color, isLocal }) => ({ clientId, name, initials, color, isLocal }))).toEqual([
      { clientId: pair.b.clientID, name: "Anonymous Europa", initials: "AE", color: "var(--jp-collaborator-color5)", isLocal: true },
      { clientId: pair.a.clientID, name: "Anonymous Io", initials: "AI", color: "var(--jp-collaborator-color3)", isLocal: false },
    ]);
  });

  it("tells the other tab which cell and scroll position the local user published", () => {
    pair = ioAndEuropa();
    const publisher = new PresenceModel(pair.a);
    const watcher = new PresenceModel(pair.b);
    const seen: Array<string | null> = [];
    watcher.changed.connect((_, people) => seen.push(people.find((person) => !person.isLocal)?.activeCellId ?? null));
    publisher.publish({ activeCellId: "cell-2" });
    publisher.publish({ scroll: { cellId: "cell-1", offset: 40 } });
    expect(seen).toEqual(["cell-2", "cell-2"]);
    expect(watcher.find(pair.a.clientID)).toMatchObject({ activeCellId: "cell-2", scroll: { cellId: "cell-1", offset: 40 } });
    publisher.publish({ scroll: undefined });
    expect(watcher.find(pair.a.clientID)?.scroll).toBeNull();
    expect(watcher.find(pair.a.clientID)?.activeCellId).toBe("cell-2");
  });

  it("sends nothing when the published presence is unchanged", () => {
    pair = awarenessPair();
    pair.a.setLocalStateField("user", IO);
    const model = new PresenceModel(pair.a);
    model.publish({ activeCellId: "cell-1" });
    let updates = 0;
    pair.a.on("update", () => updates++);
    model.publish({ activeCellId: "cell-1" });
    expect(updates).toBe(0);
    model.publish({ activeCellId: "cell-3" });
    expect(updates).toBe(1);
  });

  it("announces itself again when someone joins, so the newcomer sees who was already there", async () => {
    pair = awarenessPair({ linked: false });
    pair.a.setLocalStateField("user", IO); // in the notebook first
    const earlier = new PresenceModel(pair.a);
    pair.link();
    pair.b.setLocalStateField("user", EUROPA); // joins later
    const newcomer = new PresenceModel(pair.b);
    expect(newcomer.collaborators.map((person) => person.name)).toEqual(["Anonymous Europa"]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // the re-announcement is debounced by 100 ms
    expect(newcomer.collaborators.map((person) => person.name)).toEqual(["Anonymous Europa", "Anonymous Io"]);
    earlier.dispose();
  });

  it("sees the others again after its own connection drops and returns", async () => {
    pair = ioAndEuropa();
    const stayed = new PresenceModel(pair.a);
    const reconnecting = new PresenceModel(pair.b);
    // What y-websocket does when Europa's socket closes: drop the link and everyone else's state.
    pair.unlink();
    removeAwarenessStates(pair.b, [pair.a.clientID], "websocket closed");
    expect(reconnecting.collaborators.map((person) => person.name)).toEqual(["Anonymous Europa"]);
    // On reconnecting, y-websocket sends Europa's own state; the server sends her nobody else's.
    pair.link();
    applyAwarenessUpdate(pair.a, encodeAwarenessUpdate(pair.b, [pair.b.clientID]), "websocket");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reconnecting.collaborators.map((person) => person.name)).toEqual(["Anonymous Europa", "Anonymous Io"]);
    stayed.dispose();
  });

  it("drops a user who leaves the notebook", () => {
    pair = ioAndEuropa();
    const watcher = new PresenceModel(pair.b);
    expect(watcher.collaborators).toHaveLength(2);
    pair.a.setLocalState(null); // what closing the tab or y-websocket's disconnect sends
    expect(watcher.collaborators.map((person) => person.name)).toEqual(["Anonymous Europa"]);
  });

  it("leaves out clients without an identity and ignores malformed pmxlab fields", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Ada Lovelace", color: "#ff0000" }, [PRESENCE_FIELD]: { activeCellId: 42, scroll: { cellId: "c", offset: "far" } } }],
      [2, { [PRESENCE_FIELD]: { activeCellId: "c" } }],
      [3, { user: { username: "grace" }, [PRESENCE_FIELD]: "not an object" }],
    ]);
    expect(readCollaborators(states, 9)).toEqual([
      { clientId: 1, name: "Ada Lovelace", initials: "AL", color: "#ff0000", isLocal: false, activeCellId: null, scroll: null },
      { clientId: 3, name: "grace", initials: "G", color: "var(--jp-brand-color1)", isLocal: false, activeCellId: null, scroll: null },
    ]);
  });
});
