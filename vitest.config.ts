import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The default report, then one line naming the real-data tests that did not run (if any). By path,
    // so that the config itself imports no local file.
    reporters: ["default", "./test/real-data-notice.ts"],
  },
});
