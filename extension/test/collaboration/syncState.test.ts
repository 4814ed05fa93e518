import { describe, expect, it } from "vitest";
import { INITIAL_SYNC_STATE, reduceSyncState, syncStatusOf, type SyncEvent, type SyncStatus } from "../../src/collaboration/syncState.js";

const connected: SyncEvent = { type: "status", status: "connected" };
const connecting: SyncEvent = { type: "status", status: "connecting" };
const disconnected: SyncEvent = { type: "status", status: "disconnected" };
const synced: SyncEvent = { type: "sync", synced: true };
const editSent: SyncEvent = { type: "local-edit", sent: true };
const editBuffered: SyncEvent = { type: "local-edit", sent: false };

/** The status after each event of a sequence, starting from the initial state. */
function statuses(events: SyncEvent[]): SyncStatus[] {
  let state = INITIAL_SYNC_STATE;
  return events.map((event) => syncStatusOf((state = reduceSyncState(state, event))));
}

describe("sync indicator state machine", () => {
  it("starts connecting and is synced once the server's copy has arrived", () => {
    expect(syncStatusOf(INITIAL_SYNC_STATE)).toBe("connecting");
    expect(statuses([connected, synced])).toEqual(["connecting", "synced"]);
  });

  it("shows saving while the server has edits not yet written to the file", () => {
    expect(statuses([connected, synced, editSent, { type: "dirty", dirty: true }, { type: "dirty", dirty: false }])).toEqual([
      "connecting",
      "synced",
      "synced",
      "saving",
      "synced",
    ]);
  });

  it("is offline without pending edits when the connection drops, and retrying stays offline", () => {
    expect(statuses([connected, synced, disconnected, connecting, disconnected])).toEqual(["connecting", "synced", "offline", "offline", "offline"]);
  });

  it("keeps local edits made offline flagged until a new sync has sent them", () => {
    expect(statuses([connected, synced, disconnected, editSent, connecting, connected, synced])).toEqual([
      "connecting",
      "synced",
      "offline",
      "offline-pending",
      "offline-pending",
      "unsynced",
      "synced",
    ]);
  });

  it("flags an edit stuck in the send buffer as unsynced until the buffer drains", () => {
    expect(statuses([connected, synced, editBuffered, { type: "flushed" }])).toEqual(["connecting", "synced", "unsynced", "synced"]);
  });

  it("does not clear pending edits when the buffer drains while offline", () => {
    expect(statuses([connected, synced, disconnected, editBuffered, { type: "flushed" }]).at(-1)).toBe("offline-pending");
  });

  it("ignores a sync reported while not connected", () => {
    expect(statuses([disconnected, synced])).toEqual(["offline", "offline"]);
  });

  it("counts edits made while loading as unsynced until the first sync", () => {
    expect(statuses([editSent, connected, synced])).toEqual(["connecting", "unsynced", "synced"]);
  });

  it("stays closed whatever happens after the provider gives up", () => {
    expect(statuses([connected, synced, { type: "closed" }, connected, synced, editSent])).toEqual([
      "connecting",
      "synced",
      "closed",
      "closed",
      "closed",
      "closed",
    ]);
  });
});
