// Worker thread of CsvFormatter: turns columns of numbers into CSV lines (see csvRows) and
// sends the text back. It loads only the library's CSV writer, not its index.
import { parentPort } from "node:worker_threads";
import type { FormatReply, FormatRequest } from "./csv-formatter.js";

const port = parentPort;
if (!port) throw new Error("csv-thread.js runs as a worker thread of CsvFormatter");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module itself, not the package index (whose load costs tens of ms)
const { csvRows } = require("../cjs/data/write-csv.js") as Pick<typeof import("@pmxlab/kernel"), "csvRows">;

port.on("message", ({ id, columns, names }: FormatRequest) => {
  let reply: FormatReply;
  try {
    reply = { id, text: csvRows(columns, 0, columns[0].length, names) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
