// A collaborator as JupyterLab's own client is one, in Node: a Yjs document with the
// @jupyter/ydoc notebook model, synchronised by y-websocket's WebsocketProvider over the
// jupyter-collaboration room protocol (session PUT, room websocket, RAW "save" messages).
import { YNotebook } from "@jupyter/ydoc";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";

// @jupyter/ydoc 4.2 reads each new cell before inserting it into the document, which makes
// yjs warn once per read (harmless; the product's browser console shows the same). Only that
// warning is dropped, so a run prints its figures and not thousands of these lines.
const PRELIMINARY_READ_WARNING = "Invalid access: Add Yjs type to a document before reading data.";
const warn = console.warn;
console.warn = (...args) => void (args[0] === PRELIMINARY_READ_WARNING || warn(...args));

/** y-websocket's message types plus jupyter-collaboration's RAW (JSON text) messages. */
const RAW_MESSAGE = 2;
/** Close code of a room that refuses the client's session id (the document must be reloaded). */
export const SESSION_REJECTED = 1003;

/**
 * Asks the server for the room of a notebook (`PUT api/collaboration/session/<path>`).
 *
 * @example
 *   const { fileId, sessionId } = await openSession(server, "chaos.ipynb");
 */
export async function openSession({ baseUrl, token }, path) {
  const response = await fetch(`${baseUrl}/api/collaboration/session/${encodeURI(path)}`, {
    method: "PUT",
    headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ format: "json", type: "notebook" }),
  });
  if (!response.ok) throw new Error(`session PUT for ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * A connected (synced) client of `path`, added to `tracked` first so that the caller's
 * clean-up destroys it even if connecting fails.
 *
 * @example
 *   const client = await connectedClient(server, "a.ipynb", clients);
 */
export async function connectedClient(server, path, tracked) {
  const client = new NotebookClient(server, path);
  tracked.push(client);
  await client.connect();
  return client;
}

/**
 * One collaborator on one notebook. `connect()` resolves after the first sync; `save()`
 * asks the server to save and resolves with its reply status ("success", "skipped",
 * "failed") or rejects when the connection closes first. `onRejected` is called when the
 * server refuses the session (close 1003): the document is then stale and the owner must
 * call `reload()`, which starts a fresh document in a new session.
 *
 * @example
 *   const client = new NotebookClient(server, "chaos.ipynb");
 *   await client.connect();
 *   client.notebook.insertCell(0, { cell_type: "code", source: "1 + 1" });
 *   assert.equal(await client.save(), "success");
 */
export class NotebookClient {
  constructor(server, path, { onRejected = () => {} } = {}) {
    this.server = server;
    this.path = path;
    this.onRejected = onRejected;
    this.pendingSaves = new Map();
    this.nextSaveId = 1;
    this.rejections = 0;
  }

  async connect() {
    const { fileId, sessionId } = await openSession(this.server, this.path);
    // each provider listens for the process' exit; many clients in one process are expected
    process.setMaxListeners(process.getMaxListeners() + 1);
    this.notebook = YNotebook.create();
    const roomUrl = `${this.server.baseUrl.replace(/^http/, "ws")}/api/collaboration/room`;
    this.provider = new WebsocketProvider(roomUrl, `json:notebook:${fileId}`, this.notebook.ydoc, {
      WebSocketPolyfill: WebSocket,
      params: { sessionId, token: this.server.token },
      disableBc: true,
      maxBackoffTime: 1000,
    });
    this.destroyed = false;
    this.provider.messageHandlers[RAW_MESSAGE] = (_encoder, decoder) => this.#onRawMessage(decoding.readVarString(decoder));
    this.provider.on("connection-close", (event) => this.#onClose(event));
    await this.synced();
  }

  /** Resolves once the provider is connected and synced. */
  synced() {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const onSync = (state) => {
        if (!state) return;
        this.provider.off("sync", onSync);
        resolve();
      };
      this.provider.on("sync", onSync);
    });
  }

  get connected() {
    return this.provider.wsconnected && this.provider.synced;
  }

  save(timeoutMs = 10_000) {
    if (!this.connected) return Promise.reject(new Error("not connected"));
    const id = this.nextSaveId++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, RAW_MESSAGE);
    encoding.writeVarString(encoder, "save");
    encoding.writeVarUint(encoder, id);
    this.provider.ws.send(encoding.toUint8Array(encoder));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, reject, new Error(`save ${id} timed out`)), timeoutMs);
      this.pendingSaves.set(id, { resolve, reject, timer });
    });
  }

  disconnect() {
    this.provider.disconnect();
  }

  reconnect() {
    if (!this.destroyed) this.provider.connect();
  }

  /** Drops the stale document and its session and syncs a fresh one (after a 1003 close). */
  async reload() {
    this.destroy();
    await this.connect();
  }

  destroy() {
    this.destroyed = true; // a reconnect still scheduled must not revive the provider
    this.provider.destroy();
    this.notebook.ydoc.destroy();
    process.setMaxListeners(process.getMaxListeners() - 1);
  }

  #onRawMessage(text) {
    const message = JSON.parse(text);
    if (message.type !== "save") return;
    const pending = this.pendingSaves.get(message.responseTo);
    if (pending) this.#settle(message.responseTo, pending.resolve, message.status);
  }

  #onClose(event) {
    for (const [id, { reject }] of this.pendingSaves) this.#settle(id, reject, new Error("connection closed before the save reply"));
    if (event?.code === SESSION_REJECTED) {
      this.rejections += 1;
      this.provider.disconnect(); // stop retrying with the refused session id
      this.onRejected(this);
    }
  }

  #settle(id, settle, value) {
    const pending = this.pendingSaves.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingSaves.delete(id);
    settle(value);
  }
}
