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

/**
 * Turns over HTTP (POST /api/messages, expectReplies) against the real server with lowdb, from
 * autocannon in the same process' event loop budget: `connections` clients, `conversations` distinct
 * conversations, for `seconds`.
 */
export async function httpTurns(connections = 20, seconds = 10, conversations = 200): Promise<HttpResult> {
  const dir = mkdtempSync(join(tmpdir(), "advisor-bench-"));
  const app = await createApp(
    Config.parse({
      PORT: "0",
      DATA_DIR: dir,
      LOG_LEVEL: "silent",
      MicrosoftAppId: "",
      RATE_LIMIT_PER_MINUTE: "1000000",
    }),
    {
      log: createLogger("silent"),
    },
  );
  const url = await app.listen();
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
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  });
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
