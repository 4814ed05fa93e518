import { YNotebook } from "@jupyter/ydoc";
import { Observable } from "lib0/observable";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { SharedDocumentLike, WebsocketProviderLike } from "../../src/collaboration/providerTypes.js";
import { SyncMonitor } from "../../src/collaboration/SyncMonitor.js";

/** y-websocket's provider as far as the monitor sees it: flags, a socket buffer, status/sync events. */
class FakeWebsocketProvider extends Observable<string> {
  wsconnected = false;
  wsconnecting = true;
  synced = false;
  ws = { bufferedAmount: 0 };

  connect(): void {
    this.wsconnected = true;
    this.wsconnecting = false;
    this.emit("status", [{ status: "connected" }]);
    this.synced = true;
    this.emit("sync", [true]);
  }

  drop(): void {
    this.wsconnected = false;
    this.synced = false;
    this.emit("sync", [false]);
    this.emit("status", [{ status: "disconnected" }]);
  }
}

let notebook: YNotebook | null = null;
afterEach(() => {
  notebook?.dispose();
  vi.useRealTimers();
});

function monitored() {
  notebook = new YNotebook();
  notebook.insertCell(0, { cell_type: "code", source: "dose <- 100" });
  const ws = new FakeWebsocketProvider();
  const provider: { wsProvider: WebsocketProviderLike | null } = { wsProvider: ws as unknown as WebsocketProviderLike };
  const monitor = new SyncMonitor(provider, notebook as unknown as SharedDocumentLike);
  const seen: string[] = [];
  monitor.statusChanged.connect((_, status) => seen.push(status));
  return { notebook, ws, provider, monitor, seen };
}

describe("SyncMonitor on a real YNotebook", () => {
  it("goes offline with changes kept when a cell is edited without a connection, and synced after reconnecting and saving", () => {
    const { notebook, ws, monitor, seen } = monitored();
    const serverSaves = () => notebook.transact(() => notebook.ystate.set("dirty", false), false, ws);
    ws.connect();
    serverSaves();
    ws.drop(); // y-websocket reports sync lost, then the disconnection
    notebook.getCell(0).updateSource(0, 0, "// offline edit\n");
    expect(monitor.status).toBe("offline-pending");
    ws.connect();
    serverSaves();
    expect(seen).toEqual(["saving", "synced", "connecting", "offline", "offline-pending", "unsynced", "saving", "synced"]);
  });

  it("does not count the server's updates as local edits", () => {
    const { notebook, ws, monitor } = monitored();
    ws.connect();
    ws.drop();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(notebook.ydoc));
    server.getArray("cells").delete(0, 1);
    Y.applyUpdate(notebook.ydoc, Y.encodeStateAsUpdate(server), ws);
    expect(monitor.status).toBe("offline");
  });

  it("shows saving until the server clears the shared dirty flag", () => {
    const { notebook, ws, monitor } = monitored();
    ws.connect();
    notebook.getCell(0).updateSource(0, 0, "x");
    expect(notebook.dirty).toBe(true);
    expect(monitor.status).toBe("saving");
    notebook.transact(() => notebook.ystate.set("dirty", false), false, ws); // the server's save, arriving over the socket
    expect(monitor.status).toBe("synced");
  });

  it("reports unsynced while an edit waits in the socket's send buffer", () => {
    vi.useFakeTimers();
    const { notebook, ws, monitor } = monitored();
    ws.connect();
    ws.ws.bufferedAmount = 2048;
    notebook.getCell(0).updateSource(0, 0, "y");
    expect(monitor.status).toBe("unsynced");
    ws.ws.bufferedAmount = 0;
    vi.advanceTimersByTime(600);
    expect(monitor.status).not.toBe("unsynced");
    monitor.dispose();
  });

  it("follows the provider to a replacement websocket provider", () => {
    vi.useFakeTimers();
    const { ws, provider, monitor } = monitored();
    ws.connect();
    const replacement = new FakeWebsocketProvider();
    provider.wsProvider = replacement as unknown as WebsocketProviderLike;
    vi.advanceTimersByTime(600);
    expect(monitor.status).toBe("offline");
    replacement.connect();
    expect(monitor.status).not.toBe("offline");
    monitor.dispose();
  });

  it("is closed once the shared document is disposed", () => {
    const { notebook, ws, monitor } = monitored();
    ws.connect();
    notebook.dispose();
    expect(monitor.status).toBe("closed");
  });
});
