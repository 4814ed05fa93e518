import { parseArgs } from "node:util";
import { ncaDataset, ncaTable, ncaToCsv } from "@pmxlab/kernel";
import type { AucMethod, NcaResult, NcaRoute } from "@pmxlab/kernel";
import { DEFAULT_MAX_INPUT, streamDataset } from "./data-file.js";
import { resolveFormat } from "./format.js";
import { openOutput } from "./output.js";
import { parseSize } from "./size.js";
import { tablePieces } from "./table.js";
import { UsageError } from "./usage-error.js";

const METHODS: readonly string[] = ["linear-up/log-down", "linear", "log", "lin-log"];
const ROUTES: readonly string[] = ["extravascular", "iv-bolus", "iv-infusion"];

/**
 * `pmxlab nca`: the DESIGN.md contract. The dataset is streamed and each subject analysed as
 * it completes; nothing is printed unless every ID was analysed.
 */
export async function ncaCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string" },
      out: { type: "string" },
      "auc-method": { type: "string", default: "linear-up/log-down" },
      route: { type: "string", default: "extravascular" },
      format: { type: "string", default: "auto" },
      "max-input": { type: "string" },
    },
    strict: true,
  });
  if (!values.data) throw new UsageError("missing --data CONC.csv");
  const method = values["auc-method"] as string;
  if (!METHODS.includes(method)) throw new UsageError(`--auc-method ${method}: expected one of ${METHODS.join(", ")}`);
  const route = values.route as string;
  if (!ROUTES.includes(route)) throw new UsageError(`--route ${route}: expected one of ${ROUTES.join(", ")}`);
  const maxInput = values["max-input"] === undefined ? DEFAULT_MAX_INPUT : parseSize("--max-input", values["max-input"]);
  const options = { aucMethod: method as AucMethod, route: route as NcaRoute };
  const output = openOutput(values.out, values.data);
  try {
    const format = resolveFormat(values.format as string, output);
    const results: NcaResult[] = [];
    await streamDataset(values.data, maxInput, (subjects, reader) => {
      // The reader allows a file without DV (simulation inputs); NCA needs the concentrations.
      if (reader.header.length > 0 && !reader.has("DV")) throw new Error(`missing column DV: NCA needs the concentrations in DV (found: ${reader.header.join(",")})`);
      if (subjects.length > 0) results.push(...ncaDataset({ covariates: reader.covariates, subjects }, options));
    });
    if (format === "csv") await output.write(ncaToCsv(results));
    else {
      const { header, rows } = ncaTable(results);
      for (const piece of tablePieces({ header, rows: rows.length, cell: (r, c) => rows[r][c] })) await output.write(piece);
    }
    output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  return 0;
}
