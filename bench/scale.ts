import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAzurite } from "../test/scale/azurite.ts";
import { startServerProcess } from "../test/scale/process.ts";
import { type HttpResult, load } from "./http.ts";

/** The load test: `seconds` of turns against one lowdb server process, and two processes on Azurite. */
export async function loadTests(
  seconds = 30,
): Promise<{ lowdb: HttpResult; twoOnAzurite: HttpResult; conflictsRetried: number }> {
  const dir = mkdtempSync(join(tmpdir(), "advisor-load-"));
  const one = await startServerProcess({ STORAGE: "lowdb", DATA_DIR: dir, LOG_LEVEL: "warn" });
  const lowdb = await load([one.url], 20, seconds, 500);
  await one.stop();
  rmSync(dir, { recursive: true, force: true });

  const azurite = await startAzurite();
  const env = {
    STORAGE: "blob",
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: "advisor-load",
    LOG_LEVEL: "info",
  };
  const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  const twoOnAzurite = await load([a.url, b.url], 20, seconds, 500);
  const conflictsRetried = (a.logs() + b.logs())
    .split("\n")
    .filter((l) => l.includes("turn retried after an eTag conflict")).length;
  await Promise.all([a.stop(), b.stop()]);
  await azurite.stop();
  return { lowdb, twoOnAzurite, conflictsRetried };
}
