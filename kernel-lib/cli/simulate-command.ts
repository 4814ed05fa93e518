import { parseArgs } from "node:util";
import { csvRows, simulate } from "@pmxlab/kernel";
import type { Dataset, Model, Simulation } from "@pmxlab/kernel";
import { DEFAULT_MAX_INPUT, streamDataset } from "./data-file.js";
import { resolveFormat } from "./format.js";
import { loadModel } from "./model.js";
import { openOutput, type Output } from "./output.js";
import { parseParams } from "./params.js";
import { parseSize } from "./size.js";
import { tablePieces } from "./table.js";
import { UsageError } from "./usage-error.js";

type Subject = Dataset["subjects"][number];

/** Subjects are simulated in batches of about this many rows: few calls, little memory. */
const BATCH_ROWS = Number(process.env.B ?? 8192);
/** Rows per piece of CSV text handed to the output. */
const PIECE_ROWS = 8_192;

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
  try {
    const format = resolveFormat(values.format as string, output);
    const { results, dosed, hasAmt } = await simulateStream(values.data, maxInput, (data) =>
      simulate(model, { data, params }, { ...options, record }),
    );
    if (!dosed) refuseZeroTable(model, results, hasAmt);
    await write(output, format, ["ID", "TIME", ...record], results);
    output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  return 0;
}

/**
 * Streams the dataset and simulates it in batches of whole subjects as they are read;
 * returns the batches' results and whether any row gives drug (AMT or RATE > 0).
 */
async function simulateStream(
  file: string,
  maxInput: number,
  simulateBatch: (data: Dataset) => Simulation,
): Promise<{ results: Simulation[]; dosed: boolean; hasAmt: boolean }> {
  const results: Simulation[] = [];
  let batch: Subject[] = [];
  let rows = 0;
  let dosed = false;
  const run = (covariates: string[]) => {
    if (batch.length === 0) return;
    const sim = simulateBatch({ covariates, subjects: batch });
    if (sim.status !== "success") throw new Error(`simulation failed (${sim.status}): ${sim.message}`);
    results.push(sim);
    batch = [];
    rows = 0;
  };
  const reader = await streamDataset(file, maxInput, (subjects, { covariates }) => {
    for (const subject of subjects) {
      dosed ||= subject.records.some((r) => r.amt > 0 || r.rate > 0);
      batch.push(subject);
      rows += subject.records.length;
      if (rows >= BATCH_ROWS) run(covariates);
    }
  });
  run(reader.covariates);
  return { results, dosed, hasAmt: reader.has("AMT") };
}

/**
 * A dataset that gives no drug to a model that starts from zero would print a table of
 * zeros as if it were a result (a missing AMT column, say): refuse it. A model with a
 * non-zero start (a baseline, a tumour) simulates fine without doses.
 */
function refuseZeroTable(model: Model, results: readonly Simulation[], hasAmt: boolean): void {
  for (const sim of results) for (const column of Object.values(sim.outputs)) if (column.some((v) => v !== 0)) return;
  const why = hasAmt ? "no row of the dataset gives a dose (AMT > 0 or RATE > 0)" : "the dataset has no AMT column";
  throw new Error(`${why}, so no subject gets a dose and every output of ${model.name} is 0; give doses as rows with AMT > 0 (EVID 1)`);
}

/** Writes the results as CSV (full precision) or as a table, in pieces. */
async function write(output: Output, format: "csv" | "table", header: string[], results: readonly Simulation[]): Promise<void> {
  const columnsOf = (sim: Simulation) => [sim.id, sim.time, ...header.slice(2).map((name) => sim.outputs[name])];
  if (format === "table") {
    const columns = header.map((_, c) => concat(results.map((sim) => columnsOf(sim)[c])));
    for (const piece of tablePieces({ header, rows: columns[0].length, cell: (r, c) => columns[c][r] })) await output.write(piece);
    return;
  }
  await output.write(header.join(",") + "\n");
  for (const sim of results) {
    const columns = columnsOf(sim);
    for (let start = 0; start < sim.length; start += PIECE_ROWS) {
      await output.write(csvRows(columns, start, Math.min(sim.length, start + PIECE_ROWS), header));
    }
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

function tolerance(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0)) throw new UsageError(`--${name} ${text}: expected a positive number`);
  return value;
}
