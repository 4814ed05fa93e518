import { closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { systemMessage } from "./system-error.js";
import { writeAll } from "./write-all.js";
import { UsageError } from "./usage-error.js";

/** The reader of standard output went away (`| head`): stop quietly, with exit code 0. */
export class OutputClosed extends Error {
  constructor() {
    super("standard output was closed by its reader");
    this.name = "OutputClosed";
  }
}

/**
 * Where a command's results go. Nothing reaches the destination as complete unless
 * `commit` runs: a file is written to a temporary file beside it and renamed into place,
 * so a failed run leaves an existing file as it was (and never truncates it first).
 */
export interface Output {
  /** True when the results go to a terminal (a person reads them). */
  readonly terminal: boolean;
  /** True when what is written stays invisible until `commit` (a file), so it may be written as it comes. */
  readonly staged: boolean;
  /** Writes text, or ASCII/UTF-8 bytes (which are written as they are). */
  write(text: string | Uint8Array): Promise<void>;
  /**
   * The open file descriptor of a staged file, so that a thread can write into it in order
   * (the results then never come back to this thread); undefined for standard output.
   */
  readonly descriptor: number | undefined;
  /** The error to report when writing into `descriptor` failed with `error` (a system error). */
  failure(error: Error): Error;
  commit(): void;
  /** Removes what a failed run wrote (a no-op for standard output). */
  abort(): void;
}

/** `--out FILE` or standard output; refuses an `--out` that is the `--data` file under any name. */
export function openOutput(out: string | undefined, data: string): Output {
  if (out === undefined) return new StandardOutput();
  const target = existingTarget(out);
  if (target && sameFile(target, data)) {
    throw new Error(`--out ${out} is the --data file ${data}; write the results to another file`);
  }
  return new FileOutput(target ?? resolve(out));
}

/** The real path of an existing `--out` (symbolic links followed), or undefined for a new file. */
function existingTarget(out: string): string | undefined {
  let stat;
  try {
    stat = statSync(out);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) throw new UsageError(`--out ${out} is a directory; give a file name`);
  return realpathSync(out);
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

class StandardOutput implements Output {
  readonly terminal = process.stdout.isTTY === true;
  readonly staged = false;
  readonly descriptor = undefined;

  failure(error: Error): Error {
    return writeError(error, "standard output");
  }

  write(text: string | Uint8Array): Promise<void> {
    return new Promise((done, fail) => {
      process.stdout.write(text, (error) => (error ? fail(this.failure(error)) : done()));
    });
  }

  commit(): void {}

  abort(): void {}
}

class FileOutput implements Output {
  readonly terminal = false;
  readonly staged = true;
  private readonly temporary: string;
  private fd: number | undefined;

  constructor(private readonly target: string) {
    this.temporary = join(dirname(target), `.${basename(target)}.pmxlab-tmp-${randomBytes(6).toString("hex")}`);
    try {
      this.fd = openSync(this.temporary, "wx", modeOf(target));
    } catch (error) {
      throw writeError(error as Error, target);
    }
  }

  get descriptor(): number | undefined {
    return this.fd;
  }

  failure(error: Error): Error {
    return writeError(error, this.target);
  }

  async write(text: string | Uint8Array): Promise<void> {
    try {
      writeAll(this.fd as number, text);
    } catch (error) {
      throw this.failure(error as Error);
    }
  }

  commit(): void {
    try {
      closeSync(this.fd as number);
      this.fd = undefined;
      renameSync(this.temporary, this.target);
    } catch (error) {
      this.abort();
      throw writeError(error as Error, this.target);
    }
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already renamed or never created: nothing to clean.
    }
  }
}

/** The permission bits of the file being replaced, so replacing it keeps them (new files: 0666 less umask). */
function modeOf(target: string): number {
  try {
    return statSync(target).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function writeError(error: Error, where: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EPIPE") return new OutputClosed();
  return new Error(`cannot write the output to ${where}: ${systemMessage(error)}${code ? ` (${code})` : ""}`);
}
