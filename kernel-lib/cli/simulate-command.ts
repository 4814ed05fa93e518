import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { simulate } from "./library-parts.js";
import type { Dataset, Simulation } from "@pmxlab/kernel";
import { CsvFormatter } from "./csv-formatter.js";
import { DEFAULT_MAX_INPUT, streamDataset } from "./data-file.js";
import { resolveFormat, type Format } from "./format.js";
import { loadModel } from "./model.js";
import { openOutput, type Output } from "./output.js";
import { parseParams } from "./params.js";
import { parseSize } from "./size.js";
import { tablePieces } from "./table.js";
import { UsageError } from "./usage-error.js";

type Subject = Dataset["subjects"][number];

/** Subjects are simulated in batches of about this many rows: few calls, little memory. */
const BATCH_ROWS = 8192;
/** Rows per piece of CSV text handed to the output. */
const PIECE_ROWS = 8_192;
/** A data file at least this large (bytes) makes enough CSV to start the formatting thread at once. */
const THREADED_INPUT = 1 << 20;
/** Pieces of CSV text being formatted at once: enough to keep the formatting thread busy, few enough to bound memory. */
const IN_FLIGHT = 2;

/**
 * `pmxlab simulate`: the DESIGN.md contract. The dataset is streamed and simulated in
 * batches of subjects as it is read; only the results (8 bytes per number) are kept until
 * every subject has succeeded, then written. Nothing is printed unless every subject
 * succeeded, and an `--out` file appears (or is replaced) only then.
 */
export async function simulateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: "string" },
      data: { type: "string" },
      param: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      method: { type: "string", default: "auto" },
      rtol: { type: "string" },
      atol: { type: "string" },
      format: { type: "string", default: "auto" },
      "max-input": { type: "string" },
    },
    strict: true,
  });
  if (!values.model) throw new UsageError("missing --model NAME|FILE");
  if (!values.data) throw new UsageError("missing --data EVENTS.csv");
  const method = values.method;
  if (method !== "auto" && method !== "closed-form" && method !== "ode") {
    throw new UsageError(`--method ${method}: expected auto, closed-form or ode`);
  }
  const params = parseParams(values.param ?? []);
  const maxInput = values["max-input"] === undefined ? DEFAULT_MAX_INPUT : parseSize("--max-input", values["max-input"]);
  const options = { method, rtol: tolerance("rtol", values.rtol), atol: tolerance("atol", values.atol) } as const;
  const model = loadModel(values.model);
  const record = model.outputs.map((o) => o.name);
  const output = openOutput(values.out, values.data);
  const format = resolveFormat(values.format as string, output);
  const results = new Results(output, format, ["ID", "TIME", ...record], format === "csv" && fileSize(values.data) >= THREADED_INPUT);
  try {
    const { dosed, hasAmt } = await simulateStream(
      values.data,
      maxInput,
      (data) => simulate(model, { data, params }, { ...options, record }),
      (sim) => results.add(sim),
    );
    if (results.rows === 0) {
      throw new Error("the dataset has no observation rows (EVID 0), so there is nothing to output; add rows with EVID 0 at the times wanted");
    }
    if (!dosed && !results.nonZero) {
      const why = hasAmt ? "no row of the dataset gives a dose (AMT > 0 or RATE > 0)" : "the dataset has no AMT column";
      // A table of zeros would look like a result; a model with a non-zero start (a baseline) is fine without doses.
      throw new Error(`${why}, so no subject gets a dose and every output of ${model.name} is 0; give doses as rows with AMT > 0 (EVID 1)`);
    }
    await results.finish();
    output.commit();
  } catch (error) {
    // The thread first: it may be writing into the output file that abort closes and removes.
    results.close();
    output.abort();
    throw error;
  } finally {
    results.close();
  }
  return 0;
}

/**
 * Streams the dataset and simulates it in batches of whole subjects as they are read,
 * handing each batch's result on; tells whether any row gives drug (AMT or RATE > 0).
 */
async function simulateStream(
  file: string,
  maxInput: number,
  simulateBatch: (data: Dataset) => Simulation,
  onResult: (sim: Simulation) => Promise<void>,
): Promise<{ dosed: boolean; hasAmt: boolean }> {
  let batch: Subject[] = [];
  let rows = 0;
  let dosed = false;
  const run = async (covariates: string[]) => {
    if (batch.length === 0) return;
    const sim = simulateBatch({ covariates, subjects: batch });
    if (sim.status !== "success") throw new Error(`simulation failed (${sim.status}): ${sim.message}`);
    batch = [];
    rows = 0;
    await onResult(sim);
  };
  const reader = await streamDataset(file, maxInput, async (subjects, { covariates }) => {
    for (const subject of subjects) {
      dosed ||= subject.records.some((r) => r.amt > 0 || r.rate > 0);
      batch.push(subject);
      rows += subject.records.length;
      if (rows >= BATCH_ROWS) await run(covariates);
    }
  });
  await run(reader.covariates);
  return { dosed, hasAmt: reader.has("AMT") };
}

/**
 * The results on their way out. CSV into a staged output (a file that appears only on
 * commit) is written batch by batch, so memory holds a few batches; anything else
 * (standard output, which cannot take back partial results, or a table, which needs every
 * row for its widths) keeps the batches' numbers (8 bytes each) until `finish`. CSV text is
 * made by a `CsvFormatter` (on a second thread while the next batches are simulated) and
 * written in order; in a large run into a file, that thread writes it there itself.
 */
class Results {
  /** True once any output value is not 0. */
  nonZero = false;
  /** Rows so far. */
  rows = 0;
  /** The columns of each batch kept for `finish` (the numbers only: a `Simulation` holds its input, every event record, too). */
  private readonly kept: Float64Array[][] = [];
  private readonly formatter: CsvFormatter;
  /** CSV pieces being made, in output order. */
  private readonly pieces: Promise<Uint8Array>[] = [];
  private started = false;
  /** True when the formatting thread writes the CSV into the output file itself (so the header goes first, from here). */
  private readonly direct: boolean;

  constructor(
    private readonly output: Output,
    private readonly format: Format,
    private readonly header: string[],
    threaded: boolean,
  ) {
    // A large run into a file: the formatting thread writes the pieces into it itself.
    this.direct = threaded && output.descriptor !== undefined;
    this.formatter = new CsvFormatter(threaded, output.descriptor);
  }

  async add(sim: Simulation): Promise<void> {
    this.check(sim);
    this.rows += sim.length;
    if (this.format === "csv" && this.output.staged) {
      if (this.direct && !this.started) {
        await this.output.write(this.header.join(",") + "\n");
        this.started = true;
      }
      this.formatCsv(this.columnsOf(sim));
      await this.write(IN_FLIGHT);
    } else this.kept.push(this.columnsOf(sim));
  }

  async finish(): Promise<void> {
    if (this.format === "table") {
      const columns = this.header.map((_, c) => concat(this.kept.map((batch) => batch[c])));
      for (const piece of tablePieces({ header: this.header, rows: columns[0].length, cell: (r, c) => columns[c][r] })) await this.output.write(piece);
      return;
    }
    for (const batch of this.kept) {
      this.formatCsv(batch);
      await this.write(IN_FLIGHT);
    }
    await this.write(0);
    if (!this.started) await this.output.write(this.header.join(",") + "\n");
  }

  close(): void {
    this.formatter.close();
  }

  /** Notes a non-zero output; refuses an infinite one, naming its row (counted over the whole output), subject and time. */
  private check(sim: Simulation): void {
    for (const name of this.header.slice(2)) {
      const column = sim.outputs[name];
      for (let r = 0; r < column.length; r++) {
        const v = column[r];
        if (v === 0) continue;
        this.nonZero = true;
        if (v === Infinity || v === -Infinity) {
          throw new Error(`output row ${this.rows + r + 1}, column ${name} is ${v} (ID ${sim.id[r]}, TIME ${sim.time[r]}); CSV cells must be finite numbers or NaN`);
        }
      }
    }
  }

  private formatCsv(columns: Float64Array[]): void {
    const length = columns[0].length;
    for (let start = 0; start < length; start += PIECE_ROWS) {
      const end = Math.min(length, start + PIECE_ROWS);
      const piece = this.formatter.format(columns.map((c) => c.subarray(start, end)), this.header);
      piece.catch(() => {}); // its error is thrown where it is awaited, in order
      this.pieces.push(piece);
    }
  }

  /** Writes the pieces made, in order, until at most `pending` are left being made. */
  private async write(pending: number): Promise<void> {
    while (this.pieces.length > pending) {
      let text: Uint8Array;
      try {
        text = await (this.pieces.shift() as Promise<Uint8Array>);
      } catch (error) {
        // The thread's own write into the file failed: the same message as a write from here.
        throw (error as NodeJS.ErrnoException).syscall ? this.output.failure(error as Error) : error;
      }
      if (!this.started) await this.output.write(this.header.join(",") + "\n");
      this.started = true;
      await this.output.write(text);
    }
  }

  private columnsOf(sim: Simulation): Float64Array[] {
    return [sim.id, sim.time, ...this.header.slice(2).map((name) => sim.outputs[name])];
  }
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/** The size of a regular file (bytes); 0 for a pipe, a device or a missing file. */
function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}

function tolerance(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(`--${name} ${text}: expected a positive number`);
  return value;
}
