// What processes cost, read from Linux's /proc (the load test runs as root, so it can read
// every user's processes): CPU time in seconds, resident (RSS) and proportional (PSS) memory.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

function read(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process ended meanwhile
  }
}

/** CPU seconds (user + system) `pid` has used so far; 0 when it is gone. */
export function cpuSeconds(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident and proportional set size of `pid` in MiB (PSS shares each shared page among its users). */
export function memoryMiB(pid) {
  const rollup = read(`/proc/${pid}/smaps_rollup`) ?? "";
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
  return { rss: kib("Rss") / 1024, pss: kib("Pss") / 1024 };
}

/** Process ids of every process whose real uid is `uid`. */
export function processesOf(uid) {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name) && new RegExp(`^Uid:\\s+${uid}\\s`, "m").test(read(`/proc/${name}/status`) ?? "")).map(Number);
}

/** Process ids of `pid`'s direct children, with their command lines. */
export function childrenOf(pid) {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => ({ pid: Number(name), stat: read(`/proc/${name}/stat`) }))
    .filter(({ stat }) => stat && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid)
    .map(({ pid }) => ({ pid, command: (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim() }));
}

/** Available memory of the machine in MiB (MemAvailable). */
export function availableMiB() {
  return Number(/^MemAvailable:\s+(\d+) kB/m.exec(read("/proc/meminfo"))[1]) / 1024;
}
