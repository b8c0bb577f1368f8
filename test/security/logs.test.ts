import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../scale/process.ts";
import { activity } from "../server/harness.ts";

const SECRET_TEXT = "my-secret-message-7f3a";

/**
 * Everything an unfriendly client might send, through every route: bad bodies, throttled requests,
 * percent-encoded paths, unknown routes, a web chat whose token is then used everywhere, a card
 * submit nested 30,000 levels deep. Returns the web chat's token.
 */
async function abuse(s: ServerProcess): Promise<string> {
  const json = { "content-type": "application/json" };
  const { conversationId, token } = (await (
    await fetch(`${s.url}/directline/tokens/generate`, { method: "POST" })
  ).json()) as { conversationId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  const requests: [string, RequestInit][] = [
    ["/directline/conversations", { method: "POST", headers: auth }],
    [
      `/directline/conversations/${conversationId}/activities`,
      {
        method: "POST",
        headers: { ...auth, ...json },
        body: JSON.stringify({ type: "message", text: SECRET_TEXT }),
      },
    ],
    [
      `/directline/conversations/${conversationId}/activities`,
      {
        method: "POST",
        headers: { ...auth, ...json },
        body: `{"type":"message","value":${"[".repeat(30_000)}${"]".repeat(30_000)}}`,
      },
    ],
    [`/directline/conversations/${conversationId}/activities?watermark=0`, { headers: auth }],
    [`/directline/conversations/other/activities?watermark=0`, { headers: auth }],
    ["/api/messages", { method: "POST", headers: { ...auth, ...json }, body: "{not json" }],
    ["/api/messages", { method: "POST", headers: { ...auth, ...json }, body: JSON.stringify({ type: 5 }) }],
    [
      "/api/messages",
      {
        method: "POST",
        headers: { ...auth, ...json },
        body: JSON.stringify(activity("logs", { text: SECRET_TEXT })),
      },
    ],
    [
      "/api/check",
      { method: "POST", headers: { ...auth, "content-encoding": "gzip", ...json }, body: gzipSync("{}") },
    ],
    ["/api/check", { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: SECRET_TEXT }],
    ["/%61pi/check", { method: "POST", headers: { ...auth, ...json }, body: "{}" }],
    ["/api/qualifications", { headers: auth }],
    ["/api/qualifications", { headers: auth }],
    ["/api/qualifications", { headers: auth }],
    ["/nowhere", { headers: auth }],
    ["/readyz", { headers: auth }],
  ];
  for (const [path, init] of requests) await (await fetch(`${s.url}${path}`, init)).arrayBuffer();
  return token;
}

const FORGED =
  "eyJhbGciOiJSUzI1NiIsImtpZCI6ImZvcmdlZCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.forged";

describe("logs: every line goes through the app's logger (LOG_LEVEL, redaction); nothing else is printed", () => {
  it("LOG_LEVEL=silent: abuse of every route prints nothing at all", async () => {
    const s = await startServerProcess({ WEBCHAT: "on", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "2" });
    try {
      await abuse(s);
    } finally {
      await s.stop();
    }
    expect(s.logs()).toBe("");
  });

  it("LOG_LEVEL=trace: the web chat's token, other bearer tokens and message text never reach the logs", async () => {
    const s = await startServerProcess({ WEBCHAT: "on", LOG_LEVEL: "trace", RATE_LIMIT_PER_MINUTE: "2" });
    let token = "";
    try {
      token = await abuse(s);
      await fetch(`${s.url}/api/check`, { method: "POST", headers: { authorization: `Bearer ${FORGED}` } });
    } finally {
      await s.stop();
    }
    const logs = s.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(FORGED.slice(0, 40));
    expect(logs).not.toContain(SECRET_TEXT);
    // Every line is the app's JSON.
    for (const line of logs.split("\n").filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("authentication on, LOG_LEVEL=silent: rejected requests (no token, forged token, no type) print nothing", async () => {
    const s = await startServerProcess({
      LOG_LEVEL: "silent",
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppType: "MultiTenant",
      MicrosoftAppPassword: "not-a-real-secret",
    });
    const statuses: number[] = [];
    try {
      const tokens: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${FORGED}` },
        { authorization: "Bearer x.y.z" },
      ];
      for (const headers of tokens)
        for (const body of [{ conversation: { id: "c" } }, activity("auth-logs", { text: SECRET_TEXT })]) {
          const res = await fetch(`${s.url}/api/messages`, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body: JSON.stringify(body),
          });
          statuses.push(res.status);
        }
    } finally {
      await s.stop();
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(s.logs()).toBe("");
  });
});
