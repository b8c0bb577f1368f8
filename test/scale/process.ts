import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "./azurite.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `src/index.ts` as its own process (as `npm start` runs it), ready when /healthz answers. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "index.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      MicrosoftAppId: "",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "1000000",
      WEBCHAT: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    logs: () => out,
    stop: async (signal: NodeJS.Signals = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
  };
}
