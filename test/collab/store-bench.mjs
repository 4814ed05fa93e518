// Benchmark of the Y update store under load (`npm run bench`): updates applied to a followed
// document at 100 and 600 updates/s for a few seconds, and how long each takes to be
// committed to SQLite (from being applied to the commit's return: p50/p95/max), for pmxlab's
// batching store and, as the same-run baseline, pycrdt-store's SQLiteYStore.write started per
// update as the room does. Also the backlog left when the updates stop. The store file is on
// the same disk as a served folder (the OS temp folder). Run: node test/collab/store-bench.mjs
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const REPO_ROOT = new URL("../..", import.meta.url).pathname;
const PYTHON = join(REPO_ROOT, ".venv", "bin", "python");
const RATES = [100, 600]; // updates per second
const SECONDS = 6;

const SCRIPT = `
import asyncio, json, sys, tempfile, time
from pathlib import Path
from pycrdt import Doc, Text
from pycrdt.store import SQLiteYStore
from pmxlab_jupyterlab.collaboration.store import CommitBatchingYStore

TICK_S = 0.01

async def drive(doc, rate, seconds, per_update=lambda update: None):
    """Applies rate updates/s (in 10 ms ticks) to doc, typed in another document."""
    source = Doc()
    source["text"] = text = Text()
    started = time.monotonic()
    sent = 0
    while (elapsed := time.monotonic() - started) < seconds:
        due = int(elapsed * rate) + 1
        while sent < due:
            before = source.get_state()
            text += f"typed {sent}; "
            update = source.get_update(before)
            doc.apply_update(update)
            per_update(update)
            sent += 1
        await asyncio.sleep(TICK_S)
    return sent

async def batching(db, rate, seconds):
    CommitBatchingYStore.batching = True
    store = CommitBatchingYStore(path="bench")
    store.db_path = db
    asyncio.create_task(store.start())
    await store.started.wait()
    await store.db_initialized.wait()
    doc = Doc()
    store.follow(doc)
    sent = await drive(doc, rate, seconds)
    backlog = len(store._pending)
    await store.commit()
    return sorted(store.commit_latencies), sent, backlog

async def upstream(db, rate, seconds):
    store = SQLiteYStore(path="bench")
    store.db_path = db
    asyncio.create_task(store.start())
    await store.started.wait()
    await store.db_initialized.wait()
    latencies, tasks = [], []
    async def write(update, applied):
        await store.write(update)
        latencies.append(time.monotonic() - applied)
    sent = await drive(Doc(), rate, seconds, lambda update: tasks.append(asyncio.create_task(write(update, time.monotonic()))))
    backlog = sum(not task.done() for task in tasks)
    await asyncio.gather(*tasks)
    return sorted(latencies), sent, backlog

def figures(latencies, sent, backlog):
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    return {"p50": q(0.5), "p95": q(0.95), "max": latencies[-1] * 1000, "sent": sent, "backlog": backlog}

async def main(rates, seconds):
    out = {}
    with tempfile.TemporaryDirectory(prefix="pmxlab-store-bench-") as folder:
        for rate in rates:
            out[rate] = {
                "batching": figures(*await batching(str(Path(folder) / f"batching-{rate}.db"), rate, seconds)),
                "upstream": figures(*await upstream(str(Path(folder) / f"upstream-{rate}.db"), rate, seconds)),
            }
    print(json.dumps(out))

asyncio.run(main([int(r) for r in sys.argv[1].split(",")], float(sys.argv[2])))
`;

const results = JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT, RATES.join(","), String(SECONDS)], { encoding: "utf8" }));
const ms = (value) => `${value.toFixed(1)} ms`;
const lines = [`Y store commit latency (update applied → committed), ${SECONDS} s per rate:`];
for (const rate of RATES) {
  const { batching, upstream } = results[rate];
  lines.push(
    `  ${rate} updates/s: pmxlab batching p50 ${ms(batching.p50)}, p95 ${ms(batching.p95)}, max ${ms(batching.max)}, ${batching.backlog} queued when the updates stopped`,
    `  ${" ".repeat(String(rate).length)}              upstream per-update p50 ${ms(upstream.p50)}, p95 ${ms(upstream.p95)}, max ${ms(upstream.max)}, ${upstream.backlog} queued (baseline; p95 ratio ${(upstream.p95 / batching.p95).toFixed(1)}×)`,
  );
}
console.log(lines.join("\n"));
