// A collaborator that edits a shared notebook at random (seeded) and remembers every edit
// by a unique token, so that after the run each edit can be looked for in the document.
import * as prng from "lib0/prng";
import { NotebookClient } from "./client.mjs";

/**
 * Shared bookkeeping of all editors: cells deleted or moved by their owner. Deleting a cell
 * drops edits made to it concurrently, and `moveCells` (delete + re-insert) drops concurrent
 * edits of other collaborators to the moved cell: both by design of the notebook model.
 */
export class EditLedger {
  constructor() {
    this.owners = new Map(); // cell id → owner name (cells in the starting file have none)
    this.deleted = new Set();
    this.moved = new Set();
  }

  /** Whether an edit may be missing from the final document without anything being lost. */
  excused(edit) {
    if (this.deleted.has(edit.cellId)) return true;
    return edit.by !== this.owners.get(edit.cellId) && this.moved.has(edit.cellId);
  }
}

/**
 * One editor: inserts, deletes and moves its own cells, types into its own and others'
 * cells (`updateSource`), sets metadata, asks for saves and tracks which edits a
 * successful save acknowledged (the save was requested after the edit was made).
 *
 * @example
 *   const editor = new ChaosEditor({ name: "c01", seed: 7, server, path: "chaos.ipynb", ledger });
 *   await editor.client.connect();
 *   editor.step();
 */
export class ChaosEditor {
  constructor({ name, seed, server, path, ledger }) {
    this.name = name;
    this.rng = prng.create(seed);
    this.ledger = ledger;
    this.edits = [];
    this.saves = { requested: 0, succeeded: 0, failed: 0, unanswered: 0 };
    this.reloads = 0;
    this.client = new NotebookClient(server, path, { onRejected: () => (this.rejected = true) });
  }

  get notebook() {
    return this.client.notebook;
  }

  /**
   * Makes one random edit (or none when the drawn one does not apply): 12 % inserts, 55 %
   * typing, 18 % metadata, 10 % moves, 5 % deletes. Inserts outnumber deletes little enough
   * that a run ends at about 2,000 cells rather than 3,000–7,000 (every client's @jupyter/ydoc
   * model does O(cells) work per structural change, which capped the total rate below 200
   * edits/s), and often enough that moves and deletes find cells of their own.
   */
  step() {
    const roll = prng.real53(this.rng);
    const own = this.notebook.cells.filter((cell) => this.ledger.owners.get(cellId(cell)) === this.name);
    if (roll < 0.12 || own.length === 0) this.#insert();
    else if (roll < 0.67) this.#type(prng.real53(this.rng) < 0.75 ? prng.oneOf(this.rng, own) : prng.oneOf(this.rng, this.notebook.cells));
    else if (roll < 0.85) this.#setMetadata(prng.oneOf(this.rng, own));
    else if (roll < 0.95) this.#move(prng.oneOf(this.rng, own));
    else if (own.length > 1) this.#delete(prng.oneOf(this.rng, own));
  }

  /**
   * Requests a save; a "success" reply acknowledges every edit made before that request (each
   * request remembers its own edits, as replies can come out of order).
   */
  async save() {
    const covered = this.edits.filter((edit) => !edit.acknowledged);
    this.saves.requested += 1;
    let status;
    try {
      status = await this.client.save();
    } catch {
      return void (this.saves.unanswered += 1); // closed before the reply: acknowledges nothing
    }
    if (status !== "success") return void (this.saves.failed += 1);
    this.saves.succeeded += 1;
    for (const edit of covered) edit.acknowledged = true;
  }

  /**
   * After the server refused the session (close 1003): a fresh document in a new session,
   * then the edits no save acknowledged are made again where they are missing, as the
   * product's client re-applies its unsaved changes after reloading.
   */
  async reload() {
    this.rejected = false;
    this.reloads += 1;
    await this.client.reload();
    for (const edit of this.edits.filter((e) => !e.acknowledged && !this.ledger.deleted.has(e.cellId))) {
      const cell = this.notebook.cells.find((c) => c.id === edit.cellId);
      if (edit.kind === "insert" && !cell) this.notebook.insertCell(this.notebook.cells.length, this.#cellFor(edit));
      else if (edit.kind === "type" && cell && !cell.getSource().includes(edit.token)) cell.updateSource(cell.getSource().length, cell.getSource().length, line(edit.token));
      else if (edit.kind === "metadata" && cell && cell.getMetadata(edit.token) === undefined) cell.setMetadata(edit.token, true);
    }
  }

  #record(kind, cellId) {
    const edit = { token: `${this.name}e${this.edits.length}`, kind, cellId, by: this.name, acknowledged: false };
    this.edits.push(edit);
    return edit;
  }

  #cellFor(edit) {
    return { cell_type: "code", id: edit.cellId, source: line(edit.token), metadata: { pmx_owner: this.name } };
  }

  #insert() {
    const edit = this.#record("insert", `${this.name}-cell${this.edits.length}`);
    this.ledger.owners.set(edit.cellId, this.name);
    this.notebook.insertCell(prng.int32(this.rng, 0, this.notebook.cells.length), this.#cellFor(edit));
  }

  #type(cell) {
    const edit = this.#record("type", cell.id);
    const end = cell.getSource().length;
    cell.updateSource(end, end, line(edit.token));
  }

  #setMetadata(cell) {
    cell.setMetadata(this.#record("metadata", cell.id).token, true);
  }

  #move(cell) {
    const from = this.notebook.cells.indexOf(cell);
    this.ledger.moved.add(cell.id);
    this.notebook.moveCell(from, prng.int32(this.rng, 0, this.notebook.cells.length - 1));
  }

  #delete(cell) {
    this.ledger.deleted.add(cell.id);
    this.notebook.deleteCell(this.notebook.cells.indexOf(cell));
  }
}

/** A cell's id, read from its Y map once: ids never change, and reading one costs a map lookup per call. */
const cellIds = new WeakMap();
function cellId(cell) {
  let id = cellIds.get(cell);
  if (id === undefined) cellIds.set(cell, (id = cell.id));
  return id;
}

function line(token) {
  return `# ${token}\n`;
}
