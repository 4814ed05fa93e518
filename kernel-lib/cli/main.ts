import { FIT_USAGE } from "./fit-usage.js";
import { NCA_USAGE, ncaCommand } from "./nca-command.js";
import { SIMULATE_USAGE, simulateCommand } from "./simulate-command.js";
import { UsageError } from "./usage-error.js";

const COMMANDS: Record<string, { run: (argv: string[]) => number | Promise<number>; usage: string }> = {
  simulate: { run: simulateCommand, usage: SIMULATE_USAGE },
  nca: { run: ncaCommand, usage: NCA_USAGE },
  // Loaded on use: estimation is the largest part of the kernel and most commands never need it.
  fit: { run: async (argv) => (await import("./fit-command.js")).fitCommand(argv), usage: FIT_USAGE },
};

const USAGE = `usage: pmxlab <command> [options]

commands:
${Object.values(COMMANDS)
  .map((c) => "  " + c.usage.split("\n")[0])
  .join("\n")}

Run \`pmxlab <command> --help\` for a command's options.`;

/**
 * Entry point of the `pmxlab` command. Returns the exit code: 0 success, 1 bad input or a
 * failed computation (one message on stderr, no partial output), 2 wrong usage.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`pmxlab: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`pmxlab ${name}: ${message}\n\n${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`pmxlab ${name}: ${message}\n`);
    return 1;
  }
}
