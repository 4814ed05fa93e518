// Worker thread of CsvFormatter: turns columns of numbers into CSV lines (see csvRowBytes) and
// writes them into the request's file, or sends the bytes back (transferred, not copied). It loads only the library's CSV writer, not its index.
import { parentPort } from "node:worker_threads";
import type { FormatReply, FormatRequest } from "./csv-formatter.js";
import { writeAll } from "./write-all.js";

const port = parentPort;
if (!port) throw new Error("csv-thread.js runs as a worker thread of CsvFormatter");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module itself, not the package index (whose load costs tens of ms)
const { csvRowBytes } = require("../cjs/data/csv-bytes.js") as Pick<typeof import("@pmxlab/kernel"), "csvRowBytes">;

const NONE = new Uint8Array(0);

port.on("message", ({ id, columns, names, fd }: FormatRequest) => {
  let reply: FormatReply;
  try {
    const bytes = csvRowBytes(columns, 0, columns[0].length, names);
    if (fd === undefined) {
      port.postMessage({ id, bytes } satisfies FormatReply, [bytes.buffer]);
      return;
    }
    writeAll(fd, bytes);
    reply = { id, bytes: NONE };
  } catch (error) {
    const { message, code, syscall } = error as NodeJS.ErrnoException;
    reply = { id, error: message, code, syscall };
  }
  port.postMessage(reply);
});
