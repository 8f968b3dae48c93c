import { defineConfig } from "vitest/config";
import { RealDataNotice } from "./test/real-data-notice";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The default report, then one line naming the real-data tests that did not run (if any).
    reporters: ["default", new RealDataNotice()],
  },
});
