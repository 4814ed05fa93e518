// Brings a course's latest release into a student's folder without ever overwriting their
// work: the same rule as `pmxlab release` (releaseAction), with the same manifest file, so a
// folder released by the command and by the hub are one and the same.
import { besideName, releaseAction } from "@pmxlab/kernel/exercise";
import { MANIFEST } from "./publish.js";
import { sha256, type Release } from "./release-store.js";
import type { UserFiles } from "./user-files.js";

/** What a sync did, file by file. */
export interface SyncReport {
  course: string;
  version: number;
  folder: string;
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Files the student edited and the course changed: the new version went beside. */
  beside: { file: string; newFile: string }[];
}

/**
 * Places `files` (the release's path → bytes) under `folder` of the user's files.
 *
 * @example
 * await syncRelease(release, files, jupyterContents(url, token), "pk-basics");
 */
export async function syncRelease(release: Release, files: Map<string, Buffer>, target: UserFiles, folder: string): Promise<SyncReport> {
  const report: SyncReport = { course: release.course, version: release.version, folder, added: [], updated: [], unchanged: [], beside: [] };
  const manifestPath = `${folder}/${MANIFEST}`;
  const manifestBytes = await target.read(manifestPath);
  const released: Record<string, string> = Object.create(null);
  if (manifestBytes) {
    try {
      Object.assign(released, (JSON.parse(manifestBytes.toString("utf8")) as { files?: Record<string, string> }).files ?? {});
    } catch {
      // A broken manifest counts every existing file as the student's own: nothing is overwritten.
    }
  }
  const made = new Set<string>();
  const ensureFolder = async (path: string) => {
    const parts = path.split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!made.has(dir)) {
        await target.mkdir(dir);
        made.add(dir);
      }
    }
  };
  for (const [file, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = `${folder}/${file}`;
    const current = await target.read(path);
    const next = sha256(bytes);
    const action = releaseAction(next, current === undefined ? undefined : sha256(current), released[file]);
    if (action === "beside") {
      const newFile = besideName(file);
      await ensureFolder(path);
      await target.write(`${folder}/${newFile}`, bytes);
      report.beside.push({ file, newFile });
      continue;
    }
    if (action !== "unchanged") {
      await ensureFolder(path);
      await target.write(path, bytes);
    }
    released[file] = next;
    report[action].push(file);
  }
  await ensureFolder(manifestPath);
  await target.write(manifestPath, Buffer.from(JSON.stringify({ files: released }, null, 1) + "\n"));
  return report;
}
