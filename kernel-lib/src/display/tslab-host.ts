/**
 * How pmxlab reaches the tslab kernel (pinned: tslab 1.0.22) at run time, with no
 * compile-time dependency on tslab, so this library still loads in a browser and in
 * plain Node, where none of this exists.
 *
 * tslab internals used, all read from tslab 1.0.22's `dist/`:
 * 1. `globalThis.__tslab__` — set by `createExecutor` (dist/executor.js) to
 *    `{ exports, require }`. Its `require` is the loader cells run with: asked for
 *    "tslab", it returns the running kernel's own `dist/public.js` module, whichever copy
 *    of tslab a plain module resolution from this library's folder would find.
 * 2. `__tslab__.require.cache` — Node's module cache (the loader is a Proxy over a
 *    `createRequire` function; property reads pass through to it).
 * 3. `lastWriteDisplayData(content, update)`, exported by `dist/jupyter.js`, the sibling
 *    of the `public.js` found in the cache — the display-data writer of the current
 *    execute request, reassigned at each execution (`JupyterHandlerImpl.handleExecuteImpl`).
 *    `content` is a Jupyter `display_data` content `{ data, metadata, transient }`;
 *    `update` false sends `display_data`. The public `display.raw` calls this same
 *    writer, but with a one-entry `data`; calling it directly is what lets one message
 *    carry a MIME bundle (plot plus a text fallback).
 */

/** The public part of the tslab module that `show` uses: `import * as tslab from "tslab"`. */
export interface TslabModule {
  display: { raw(contentType: string, value: unknown): unknown };
}

/** Internal: the content of a Jupyter `display_data` message. */
export interface DisplayDataContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

/** Internal: tslab's writer of `display_data` (update false) and `update_display_data` messages. */
export type DisplayDataWriter = (content: DisplayDataContent, update: boolean) => void;

interface CachedModule {
  filename?: string;
  exports?: unknown;
}

interface TslabHost {
  require: ((id: string) => unknown) & { cache?: Record<string, CachedModule | undefined> };
}

function tslabHost(): TslabHost | undefined {
  const host = (globalThis as { __tslab__?: Partial<TslabHost> }).__tslab__;
  return typeof host?.require === "function" ? (host as TslabHost) : undefined;
}

/** Internal: the running tslab kernel's public module, or undefined outside tslab. */
export function runningTslab(): TslabModule | undefined {
  const host = tslabHost();
  if (host === undefined) return undefined;
  const load = host.require;
  return load("tslab") as TslabModule;
}

/**
 * Internal: the current display-data writer of the tslab kernel whose public module is
 * `tslab`; undefined when it cannot be found (not in tslab, another tslab layout, or no
 * cell executed yet), and the caller falls back to the public one-MIME `display.raw`.
 */
export function displayDataWriter(tslab: TslabModule): DisplayDataWriter | undefined {
  const cache = tslabHost()?.require.cache;
  if (cache === undefined) return undefined;
  const publicFile = Object.values(cache).find((mod) => mod?.exports === tslab)?.filename;
  if (publicFile === undefined || !/public\.js$/.test(publicFile)) return undefined;
  const jupyter = cache[publicFile.replace(/public\.js$/, "jupyter.js")]?.exports as { lastWriteDisplayData?: unknown } | undefined;
  const write = jupyter?.lastWriteDisplayData;
  return typeof write === "function" ? (write as DisplayDataWriter) : undefined;
}
