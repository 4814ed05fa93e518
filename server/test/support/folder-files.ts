// A user's home as a real folder on disk, for tests of releases without a Jupyter server
// (the real contents API is exercised by test/hub/hub.test.mjs against the real hub).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { UserFiles } from "../../src/courses-release/user-files.js";

export function folderFiles(root: string): UserFiles {
  return {
    async read(path) {
      const file = join(root, path);
      return existsSync(file) ? readFileSync(file) : undefined;
    },
    async write(path, bytes) {
      if (!existsSync(dirname(join(root, path)))) throw new Error(`no folder for ${path}: the contents API does not create parents`);
      writeFileSync(join(root, path), bytes);
    },
    async mkdir(path) {
      if (!existsSync(join(root, path))) mkdirSync(join(root, path));
    },
  };
}
