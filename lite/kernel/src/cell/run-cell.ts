import { HELPERS, SCOPE, type CellProgram } from "./transform-cell.js";

/** The kernel's variables: one object for all cells, with no prototype, so no user name meets Object's. */
export type Scope = Record<string, unknown>;

/** What a cell's code calls on the kernel (see transform-cell.ts). */
export interface CellHelpers {
  import(specifier: string): Promise<unknown>;
}

/** A new, empty {@link Scope}. */
export function newScope(): Scope {
  return Object.create(null) as Scope;
}

/**
 * Runs a transformed cell and resolves to the value of its last expression (undefined when
 * it has none). The code runs in sloppy-mode `with (scope)`, where the kernel's variables
 * resolve as plain names (and stay live for functions of earlier cells), around a strict
 * async function, so top-level `await` works and an undeclared name is a ReferenceError as
 * in TypeScript. `url` names the code in stack traces (`//# sourceURL`); the code's line 1
 * is the body's line 1, so stack lines are body lines.
 */
export async function runCell(program: CellProgram, scope: Scope, helpers: CellHelpers, url: string): Promise<unknown> {
  const code = `(function (${SCOPE}, ${HELPERS}) { with (${SCOPE}) { return (async () => { "use strict"; ${program.body}\n})(); } })\n//# sourceURL=${url}`;
  // Indirect eval: global code, sloppy (so `with` is allowed), seeing no local of this module.
  const run = (0, eval)(code) as (scope: Scope, helpers: CellHelpers) => Promise<unknown>;
  for (const name of program.declared) if (!(name in scope)) scope[name] = undefined;
  const value = await run(scope, helpers);
  return program.returnsLast ? value : undefined;
}
