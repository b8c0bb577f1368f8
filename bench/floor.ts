import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTurn } from "../dialogs/turn.ts";
import { loadCatalogue } from "../src/catalogue/load.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { DocumentStore } from "../src/storage/document-store.ts";
import { freePort } from "../test/scale/azurite.ts";
import { type HttpResult, load } from "./http.ts";
import { median } from "./measure.ts";

const ROOT = join(import.meta.dirname, "..");
const START_FLAGS = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(" ")
  .filter((a) => a.startsWith("--"));

export interface Proc {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A server as plain Node.js: our bot from its build (as `npm start` runs it), the echo bot as is. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<Proc & { readyMs: number }> {
  const port = await freePort();
  const started = performance.now();
  // Our bot with the Node flags `npm start` uses (a smaller young generation: see README).
  const flags = [...(script.startsWith("dist/") ? START_FLAGS : []), ...nodeFlags];
  const child = spawn(process.execPath, [...flags, join(ROOT, script)], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      MicrosoftAppId: "",
      LOG_LEVEL: "warn",
      WEBCHAT: "off",
      RATE_LIMIT_PER_MINUTE: "1000000",
      ...env,
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  // Ready = the first turn answered (cold start to first answered turn).
  const body = JSON.stringify({
    type: "message",
    text: "hello",
    channelId: "bench",
    from: { id: "u" },
    recipient: { id: "bot" },
    conversation: { id: "cold" },
    serviceUrl: "http://127.0.0.1:1",
    deliveryMode: "expectReplies",
  });
  for (;;) {
    try {
      const r = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (r.ok && ((await r.json()) as { activities?: unknown[] }).activities?.length) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${script} exited`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid ?? 0,
    readyMs,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident memory of a process and its threads, in MB (Linux /proc); `peak`: the most it has had. */
export function rssMb(pid: number, peak = false): number {
  const field = peak ? "VmHWM" : "VmRSS";
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Compile the bot as `npm start` does (prestart: npm run build). */
export function build(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")],
    { stdio: "inherit" },
  );
}

export interface FloorResult {
  echo: HttpResult[];
  ours: HttpResult[];
  throughputRatio: number;
  p99Ratio: number;
  coldStartMs: { echo: number; ours: number[] };
  rssMb: { idle: number; underLoad: number; echoIdle: number };
}

/**
 * Our bot (lowdb) against the floor, a bare echo bot on the same botbuilder and restify, with the same
 * client settings, in the same run: 20 connections over 20 conversations; `runs` alternating runs.
 */
export async function floorComparison(runs = 3, seconds = 8): Promise<FloorResult> {
  const echo: HttpResult[] = [];
  const ours: HttpResult[] = [];
  const cold: number[] = [];
  let echoCold = 0;
  let idle = 0;
  let underLoad = 0;
  let echoIdle = 0;
  for (let r = 0; r < runs; r++) {
    const e = await startProcess("bench/echo-bot.mjs", {});
    echoCold = e.readyMs;
    await new Promise((res) => setTimeout(res, 1000));
    echoIdle = Math.max(echoIdle, rssMb(e.pid));
    echo.push(await load([e.url], 20, seconds, 20));
    await e.stop();
    const dir = mkdtempSync(join(tmpdir(), "advisor-floor-"));
    const o = await startProcess("dist/src/index.js", { STORAGE: "lowdb", DATA_DIR: dir });
    cold.push(o.readyMs);
    await new Promise((res) => setTimeout(res, 1000));
    idle = Math.max(idle, rssMb(o.pid));
    const sampler = setInterval(() => {
      underLoad = Math.max(underLoad, rssMb(o.pid));
    }, 200);
    ours.push(await load([o.url], 20, seconds, 20));
    clearInterval(sampler);
    await o.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const throughput = (xs: HttpResult[]) => median(xs.map((x) => x.requestsPerSecond));
  const p99 = (xs: HttpResult[]) => median(xs.map((x) => x.latencyP99));
  return {
    echo,
    ours,
    throughputRatio: throughput(ours) / throughput(echo),
    p99Ratio: p99(ours) / p99(echo),
    coldStartMs: { echo: echoCold, ours: cold },
    rssMb: { idle, underLoad, echoIdle },
  };
}

/** Turn latency with `n` conversations in the store (real conversation state, cold on disk). */
export async function growth(
  sizes = [100, 10_000],
  seconds = 8,
): Promise<{ size: number; result: HttpResult }[]> {
  const turn = createTurn({ catalogue: loadCatalogue(), solver: await loadSolver() });
  const now = new Date();
  let state = turn(null, null, now).state;
  for (const text of ["I'm a learner", "customer service advisor", "2 years", "GCSEs"])
    state = turn(state, { text }, now).state;
  const out: { size: number; result: HttpResult }[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "advisor-growth-"));
    const store = new DocumentStore<Record<string, unknown>>(join(dir, "state"), undefined, { cacheSize: 0 });
    for (let i = 0; i < size; i += 500)
      await Promise.all(
        Array.from({ length: Math.min(500, size - i) }, (_, j) =>
          store.write(`bench/conversations/c${i + j}`, { conversation: state, updatedAt: now.toISOString() }),
        ),
      );
    // Turns among stored conversations, not the start-up retention scan of them, are what is measured.
    const o = await startProcess("dist/src/index.js", {
      STORAGE: "lowdb",
      DATA_DIR: dir,
      DATA_RETENTION_DAYS: "0",
    });
    out.push({ size, result: await load([o.url], 20, seconds, size) });
    await o.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
