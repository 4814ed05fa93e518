import { FIT_USAGE } from "./fit-usage.js";
import { NCA_USAGE, SIMULATE_USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

// Each command's module (and with it the simulation library and mathjs, or the notebook
// runner) is loaded only when that command runs, so `pmxlab --help` starts in the time Node
// itself needs. The exercise commands' options are in docs/exercises.md.
const COMMANDS = new Map<string, { usage: string; load: () => Promise<(argv: string[]) => number | Promise<number>> }>([
  // simulate-command.js and the library modules it uses, bundled into one file at build time (scripts/bundle-cli.mjs): it loads in a quarter of the time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ["simulate", { usage: SIMULATE_USAGE, load: async () => (require("./simulate-bundle.js") as typeof import("./simulate-command.js")).simulateCommand }],
  ["nca", { usage: NCA_USAGE, load: async () => (await import("./nca-command.js")).ncaCommand }],
  ["check", { usage: "pmxlab check NOTEBOOK.ipynb... [--json OUT.json] [--cell-timeout S] [--timeout S]", load: async () => (await import("./check-command.js")).checkCommand }],
  ["release", { usage: "pmxlab release COURSE --out DIR", load: async () => (await import("./release-command.js")).releaseCommand }],
  // Estimation is the largest part of the kernel and most commands never need it.
  ["fit", { usage: FIT_USAGE, load: async () => (await import("./fit-command.js")).fitCommand }],
  ["grade", { usage: "pmxlab grade SUBMISSIONS --course COURSE --out grades.csv [--jobs N] [--timeout S] [--memory MB]", load: async () => (await import("./grade-command.js")).gradeCommand }],
]);

const USAGE = `usage: pmxlab <command> [options]

commands:
${[...COMMANDS.values()].map((c) => "  " + c.usage.split("\n")[0]).join("\n")}

Run \`pmxlab <command> --help\` for a command's options.`;

/**
 * Entry point of the `pmxlab` command. Returns the exit code: 0 success (also when the
 * reader of standard output stops early, as `| head` does); 1 bad input, a failed
 * computation or an output that cannot be written (one message on stderr, no partial
 * output); 2 wrong usage.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    process.stderr.write(`pmxlab: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.usage + "\n");
    return 0;
  }
  // Write errors reach the writer's callback; without a listener the same error would also
  // surface as an unhandled 'error' event with a stack trace.
  process.stdout.on("error", () => {});
  try {
    return await (await command.load())(rest);
  } catch (error) {
    if ((error as Error).name === "OutputClosed") return 0;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`pmxlab ${name}: ${message}\n\n${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`pmxlab ${name}: ${message}\n`);
    return 1;
  }
}
