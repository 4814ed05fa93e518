import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { DatasetError, DatasetReader } from "./library-parts.js";
import type { Dataset } from "@pmxlab/kernel";
import { formatSize } from "./size.js";
import { systemMessage } from "./system-error.js";
import { UsageError } from "./usage-error.js";

/** The default bound on the bytes read from --data (override with --max-input). */
export const DEFAULT_MAX_INPUT = 512 * 2 ** 20;

/**
 * Bytes per read: small enough that each piece's rows die young (less garbage-collector work
 * than 1 MiB). Reads go into one reused buffer (the reader copies what it keeps), by plain
 * synchronous calls: a read stream's chunks, promises and buffering cost a few percent of a
 * large run's main thread, and a command has nothing else to do while it waits for data.
 */
const READ_BYTES = 64 * 1024;

type Subject = Dataset["subjects"][number];
type Reader = InstanceType<typeof DatasetReader>;

/**
 * Streams a dataset file (or /dev/stdin) through a `DatasetReader`, calling `onSubjects`
 * with each batch of completed subjects, so memory holds one read buffer and one subject,
 * not the file. More than `maxInput` bytes is an error (an endless stream must stop), as is
 * every `DatasetError`, whose message is prefixed with the file name. Returns the reader,
 * for the header it saw.
 */
export async function streamDataset(file: string, maxInput: number, onSubjects: (subjects: Subject[], reader: Reader) => void | Promise<void>): Promise<Reader> {
  if (!existsSync(file)) throw new UsageError(`data file not found: ${file}`);
  const reader = new DatasetReader();
  let bytes = 0;
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = new Uint8Array(READ_BYTES);
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
        bytes += n;
        if (bytes > maxInput) {
          throw new Error(`${file}: the data is larger than the input limit of ${formatSize(maxInput)}; raise it with --max-input SIZE, e.g. --max-input 4GiB`);
        }
        await onSubjects(reader.push(buffer.subarray(0, n)), reader);
      }
    } finally {
      closeSync(fd);
    }
    await onSubjects(reader.end(), reader);
  } catch (error) {
    throw located(file, error);
  }
  return reader;
}

/** A dataset or file-system error with the file name in front; other errors (the model's, the simulation's) as they are. */
function located(file: string, error: unknown): unknown {
  if (error instanceof DatasetError) return new Error(`${file}: ${error.message}`);
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code && syscall) return new Error(`cannot read ${file}: ${systemMessage(error as Error)} (${code})`);
  return error;
}

/** Rows a command that needs every subject at once may read: about 1.5 GB of event records. */
const MAX_LOADED_ROWS = 5_000_000;

/**
 * The whole dataset of a file, for commands that need every subject at once (`pmxlab fit`),
 * read through {@link streamDataset} with the same input bound and messages.
 */
export async function loadDataset(file: string, maxInput: number): Promise<Dataset> {
  const subjects: Subject[] = [];
  let rows = 0;
  const reader = await streamDataset(file, maxInput, (batch) => {
    for (const subject of batch) rows += subject.records.length;
    if (rows > MAX_LOADED_ROWS) {
      throw new Error(`${file}: more than ${MAX_LOADED_ROWS.toLocaleString("en-US")} rows; this command holds the whole dataset in memory (a few hundred bytes a row), so give it fewer rows`);
    }
    subjects.push(...batch);
  });
  return { covariates: reader.covariates, subjects };
}
