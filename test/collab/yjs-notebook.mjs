// Notebook documents made directly with yjs, as @jupyter/ydoc lays them out, for tests that
// need exact control over which update is sent when (the updates a client makes, one by one).
import * as Y from "yjs";

/** A notebook cell as @jupyter/ydoc stores it. */
export function newCell(id, source) {
  const cell = new Y.Map();
  cell.set("id", id);
  cell.set("cell_type", "code");
  cell.set("source", new Y.Text(source));
  cell.set("metadata", new Y.Map());
  cell.set("outputs", new Y.Array());
  cell.set("execution_count", null);
  return cell;
}

/**
 * A notebook document (client id `clientID`) with the cells `ids` (sources `# <id>`).
 *
 * @example
 *   const doc = newNotebook(9, ["o1", "o2"]);
 */
export function newNotebook(clientID, ids) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.transact(() => {
    const meta = doc.getMap("meta");
    meta.set("nbformat", 4);
    meta.set("nbformat_minor", 5);
    meta.set("metadata", new Y.Map());
    doc.getArray("cells").insert(0, ids.map((id) => newCell(id, `# ${id}`)));
  });
  return doc;
}

/** The update of the changes `change()` makes to `doc` (one transaction or more, merged). */
export function recorded(doc, change) {
  const updates = [];
  const keep = (update) => updates.push(update);
  doc.on("update", keep);
  change();
  doc.off("update", keep);
  return Y.mergeUpdates(updates);
}

/** @jupyter/ydoc's moveCell: the cell deleted and a clone with its id inserted, in one transaction. */
export function moveCell(doc, from, to) {
  return recorded(doc, () =>
    doc.transact(() => {
      const cells = doc.getArray("cells");
      const cell = cells.get(from);
      const clone = newCell(cell.get("id"), cell.get("source").toString());
      cells.delete(from, 1);
      cells.insert(to, [clone]);
    }),
  );
}

/** The notebook's cells as plain data with sorted keys, comparable across yjs and pycrdt. */
export function cellsOf(doc) {
  return canonical(doc.getArray("cells").toJSON());
}

/** `value` with every object's keys sorted (JSON from pycrdt and yjs lists keys in different orders). */
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  return value;
}
