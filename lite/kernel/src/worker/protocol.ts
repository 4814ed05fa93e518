// Messages between the kernel (main thread, kernel/lite-kernel.ts) and its web worker (worker.ts).
import type { DisplayContent } from "../display/tslab-shim.js";

/** Kernel → worker. */
export type ToWorker =
  | { type: "init"; location: string; filesUrl: string }
  | { type: "execute"; id: number; code: string }
  | { type: "file"; request: number; text: string | undefined }
  | { type: "complete"; request: number; code: string; cursor: number };

/** Worker → kernel. Output carries the id of the execution that was running when it was made. */
export type FromWorker =
  | { type: "ready"; typescript: string; loadMs: number }
  | { type: "stream"; id: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: number; content: DisplayContent; update: boolean }
  | { type: "result"; id: number; text: string }
  | { type: "done"; id: number; ok: true; transpileMs: number }
  | { type: "done"; id: number; ok: false; ename: string; evalue: string; transpileMs: number }
  | { type: "read"; request: number; path: string }
  | { type: "completion"; request: number; matches: string[]; start: number; end: number };
