/**
 * Runs `run` on every task with at most `jobs` running at once (notebooks each start their
 * own kernel process, so this bounds CPU and memory). Results keep the tasks' order;
 * `onDone` sees each result as it completes, e.g. for progress lines.
 */
export async function inParallel<T, R>(tasks: readonly T[], jobs: number, run: (task: T) => Promise<R>, onDone?: (result: R, task: T) => void): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await run(tasks[index]);
      onDone?.(results[index], tasks[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, jobs), tasks.length) }, worker));
  return results;
}
