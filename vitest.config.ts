import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and spawned CLI processes on a shared 2-core machine: generous, never a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
