import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { csvRowBytes } from "./library-parts.js";

/** The formatting thread's young generation (MiB). */
const YOUNG_MB = 4;

/** A piece of numeric columns to write as CSV lines, sent to the formatting thread; with `fd`, the thread writes them into that file itself. */
export interface FormatRequest {
  id: number;
  columns: Float64Array[];
  names: string[];
  fd: number | undefined;
}

/**
 * The CSV lines of a `FormatRequest` (ASCII bytes; none when the thread wrote them into the
 * request's file), or the error that making or writing them gave (with a system error's code).
 */
export type FormatReply = { id: number; bytes: Uint8Array } | { id: number; error: string; code?: string; syscall?: string };


/**
 * Numeric columns as CSV lines in bytes (`csvRowBytes`: shortest round-trip numbers, NaN as
 * "."), made on a second thread, so that writing the numbers out (a float's shortest text
 * costs about a fifth of a microsecond) overlaps the simulation of the next subjects on a
 * machine with two cores. Unless told that the run is large (`threaded`), the first piece is
 * formatted here, so a small run never starts a thread; a large run starts the thread at
 * once, so that it boots while the data are read. The bytes come back transferred, not
 * copied, and go to the output as they are; or, given a file descriptor (a staged `--out`
 * file) with `threaded`, the thread writes every piece into that file itself, in the order
 * asked (it handles one request at a time), and the promise holds no bytes: the output never
 * comes back to this thread. Pieces come back in any order of completion but each promise
 * holds its own piece; the thread never keeps the process alive.
 */
export class CsvFormatter {
  private thread: Worker | undefined;
  private failure: Error | undefined;
  private pieces = 0;
  private readonly waiting = new Map<number, { done: (bytes: Uint8Array) => void; fail: (error: Error) => void }>();

  constructor(
    private readonly threaded = false,
    private readonly fd?: number,
  ) {
    if (threaded) this.start();
  }

  /** The CSV lines of `columns` (equal lengths); `names` name a column in the error for an infinite value. */
  format(columns: readonly Float64Array[], names: readonly string[]): Promise<Uint8Array> {
    const id = this.pieces++;
    if (id === 0 && !this.threaded) return new Promise((done) => done(csvRowBytes(columns, 0, columns[0].length, names)));
    const thread = this.start();
    const promise = new Promise<Uint8Array>((done, fail) => {
      if (this.failure) return fail(this.failure);
      this.waiting.set(id, { done, fail });
    });
    // A copy of just these rows (a view would send its whole buffer along).
    const request: FormatRequest = { id, columns: columns.map((c) => c.slice()), names: [...names], fd: this.threaded ? this.fd : undefined };
    thread.postMessage(request, request.columns.map((c) => c.buffer));
    return promise;
  }

  /** Stops the thread (pieces still being formatted are dropped). */
  close(): void {
    void this.thread?.terminate();
    this.thread = undefined;
  }

  private start(): Worker {
    if (this.thread) return this.thread;
    // A small young generation: the thread's garbage is one piece's text at a time, and the
    // default one would add tens of MiB to the command's peak memory (bench: a million rows).
    const thread = new Worker(join(__dirname, "csv-thread.js"), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    thread.unref();
    thread.on("message", (reply: FormatReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("bytes" in reply) waiter?.done(reply.bytes);
      else waiter?.fail(Object.assign(new Error(reply.error), { code: reply.code, syscall: reply.syscall }));
    });
    thread.on("error", (error) => {
      this.failure = error;
      for (const waiter of this.waiting.values()) waiter.fail(error);
      this.waiting.clear();
    });
    this.thread = thread;
    return thread;
  }
}
