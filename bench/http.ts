import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Config } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { createApp } from "../src/server.ts";

/** What a learner types, turn after turn; each request goes to one of many conversations. */
const TEXTS = [
  "I'm a learner",
  "customer service advisor",
  "2 years",
  "GCSEs",
  "no",
  "plan 10265",
  "what does barred mean",
  "units 1, 2, 4, 5, 6, 9, 16",
  "looks good",
  "actually I'm a team leader",
  "help",
  "restart",
];

export interface HttpResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Turns over HTTP (POST /api/messages, expectReplies) against an in-process server with lowdb. */
export async function httpTurns(connections = 20, seconds = 10, conversations = 200): Promise<HttpResult> {
  const dir = mkdtempSync(join(tmpdir(), "advisor-bench-"));
  const config = Config.parse({
    PORT: "0",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    MicrosoftAppId: "",
    RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const app = await createApp(config, { log: createLogger("silent") });
  const url = await app.listen();
  try {
    return await load([url], connections, seconds, conversations);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * autocannon against one or more instances: connections spread over them, each request a turn of
 * one of `conversations` conversations (so turns of one conversation land on every instance).
 */
export async function load(
  urls: string[],
  connections: number,
  seconds: number,
  conversations: number,
): Promise<HttpResult> {
  let n = 0;
  const body = () => {
    const i = n++;
    const conv = i % conversations;
    return JSON.stringify({
      type: "message",
      text: TEXTS[Math.floor(i / conversations) % TEXTS.length],
      channelId: "bench",
      serviceUrl: "http://127.0.0.1:1",
      from: { id: `u${conv}` },
      recipient: { id: "bot" },
      conversation: { id: `c${conv}` },
      deliveryMode: "expectReplies",
    });
  };
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/api/messages`,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      }),
    ),
  );
  return {
    requestsPerSecond: runs.reduce((a, r) => a + r.requests.average, 0),
    // Percentiles of the slowest instance (autocannon keeps no combined histogram).
    latencyP50: Math.max(...runs.map((r) => r.latency.p50)),
    latencyP99: Math.max(...runs.map((r) => r.latency.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    requests: runs.reduce((a, r) => a + r.requests.total, 0),
  };
}
