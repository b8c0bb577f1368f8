// Loaded with `node --expose-gc --import bench/memory-probe.mjs` into a server the benchmarks measure:
// on SIGUSR2, a full garbage collection, then the process's memory written to BENCH_MEMORY_FILE.
import { writeFileSync } from "node:fs";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  writeFileSync(process.env.BENCH_MEMORY_FILE ?? "memory.json", JSON.stringify({ at: Date.now(), ...m }));
});
