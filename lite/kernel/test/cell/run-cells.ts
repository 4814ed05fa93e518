// Test helper: runs cells one after another in one scope, as the kernel's worker does.
import { newScope, runCell, type CellHelpers, type Scope } from "../../src/cell/run-cell.js";
import { transformCell } from "../../src/cell/transform-cell.js";

export interface Session {
  scope: Scope;
  run(source: string): Promise<unknown>;
}

let cells = 0;

export function session(helpers: CellHelpers = { import: async (s) => Promise.reject(new Error(`no module ${s} in this test`)) }): Session {
  const scope = newScope();
  return { scope, run: (source) => runCell(transformCell(source), scope, helpers, `test-cell-${++cells}.js`) };
}
