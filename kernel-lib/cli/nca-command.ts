import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ncaDataset, ncaToCsv } from "@pmxlab/kernel";
import type { AucMethod, NcaRoute } from "@pmxlab/kernel";
import { emit, loadDataset } from "./io.js";
import { UsageError } from "./usage-error.js";

export const NCA_USAGE = `pmxlab nca --data CONC.csv [--out OUT.csv] [--auc-method linear-up/log-down|linear|log|lin-log]
           [--route extravascular|iv-bolus|iv-infusion]

Non-compartmental analysis (PKNCA conventions) of every ID of a NONMEM-format dataset:
the dose is the ID's EVID=1 row, the samples its EVID=0 rows with MDV=0 (DV at TIME).
Prints CSV with one row per ID: ID,cmax,tmax,tlast,clast.obs,auclast,lambda.z,r.squared,
adj.r.squared,half.life,aucinf.obs,cl.obs,vz.obs and further PKNCA parameters, then
exclude (why a value is ".") and notes. Default AUC method linear-up/log-down.`;

const METHODS: readonly string[] = ["linear-up/log-down", "linear", "log", "lin-log"];
const ROUTES: readonly string[] = ["extravascular", "iv-bolus", "iv-infusion"];

/** `pmxlab nca`: the DESIGN.md contract. Nothing is printed unless every ID was analysed. */
export function ncaCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string" },
      out: { type: "string" },
      "auc-method": { type: "string", default: "linear-up/log-down" },
      route: { type: "string", default: "extravascular" },
    },
    strict: true,
  });
  if (!values.data) throw new UsageError("missing --data CONC.csv");
  const method = values["auc-method"] as string;
  if (!METHODS.includes(method)) throw new UsageError(`--auc-method ${method}: expected one of ${METHODS.join(", ")}`);
  const route = values.route as string;
  if (!ROUTES.includes(route)) throw new UsageError(`--route ${route}: expected one of ${ROUTES.join(", ")}`);
  const data = loadDataset(values.data);
  requireDv(values.data);
  const results = ncaDataset(data, { aucMethod: method as AucMethod, route: route as NcaRoute });
  emit(ncaToCsv(results), values.out);
  return 0;
}

/** The dataset reader allows a file without DV (simulation inputs); NCA needs the concentrations. */
function requireDv(file: string): void {
  const header = readFileSync(file, "utf8")
    .split(/\r\n?|\n/)
    .find((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  const columns = (header ?? "").split(",").map((c) => c.trim().replace(/^"|"$/g, "").toUpperCase());
  if (!columns.includes("DV")) throw new Error(`missing column DV: NCA needs the concentrations in DV (found: ${header})`);
}
