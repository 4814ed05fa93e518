import { spawnSync } from "node:child_process";

/**
 * Runs an R script with Rscript and returns the named numbers it prints as `name value`
 * lines. R is the independent reference (nls, confint, optim); scripts/ensure-r.sh installs
 * it for the test command, so a missing R fails the test rather than skipping it.
 */
export function runR(script: string): Record<string, number> {
  const run = spawnSync("Rscript", ["--vanilla", "-e", script], { encoding: "utf8", timeout: 60_000 });
  if (run.error) throw new Error(`Rscript could not run (${run.error.message}); install R with scripts/ensure-r.sh`);
  if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
  const out: Record<string, number> = Object.create(null);
  for (const line of run.stdout.trim().split("\n")) {
    const [name, value] = line.trim().split(/\s+/);
    out[name] = Number(value);
  }
  return out;
}
