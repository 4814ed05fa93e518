import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["kernel-lib/test/**/*.test.ts", "extension/test/**/*.test.ts", "server/test/**/*.test.ts", "lite/kernel/test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
