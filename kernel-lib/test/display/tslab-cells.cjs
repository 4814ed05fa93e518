// Runs notebook cells through tslab's own executor (what the tslab kernel does for each
// execute request, without Jupyter's messaging) and prints, per cell, whether it succeeded and
// what tslab wrote with console.log / console.error, as JSON. Cells come as a JSON array in argv[2].
const { createConverter } = require("tslab/dist/converter");
const { createExecutor } = require("tslab/dist/executor");
const util = require("node:util");

const printed = [];
const converter = createConverter({ isJS: false, isBrowser: false });
const executor = createExecutor(process.cwd(), { node: converter, browser: converter }, {
  log: (...args) => printed.push({ stream: "log", text: util.format(...args) }),
  error: (...args) => printed.push({ stream: "error", text: util.format(...args) }),
});

(async () => {
  const results = [];
  for (const cell of JSON.parse(process.argv[2])) {
    printed.length = 0;
    const ok = await executor.execute(cell);
    results.push({ ok, printed: [...printed] });
  }
  converter.close();
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
})();
