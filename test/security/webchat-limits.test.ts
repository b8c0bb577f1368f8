import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";

let s: Running;
beforeAll(async () => {
  // All chats together at most 2 MB (64 MB by default), so the bound is reached in a few hundred posts.
  s = await start({ WEBCHAT_MEMORY_MB: "2" });
});
afterAll(() => s.stop());

interface Chat {
  id: string;
  post(body: unknown | string): Promise<{ status: number; body: { error?: { message?: string } | string } }>;
  poll(watermark?: number): Promise<{ status: number; bytes: number; count: number }>;
}

async function openChat(url: string): Promise<Chat> {
  const { conversationId, token } = (await (
    await fetch(`${url}/directline/tokens/generate`, { method: "POST" })
  ).json()) as { conversationId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  expect((await fetch(`${url}/directline/conversations`, { method: "POST", headers: auth })).status).toBe(
    200,
  );
  const activities = `${url}/directline/conversations/${conversationId}/activities`;
  return {
    id: conversationId,
    post: async (body) => {
      const res = await fetch(activities, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { error?: { message?: string } | string } };
    },
    poll: async (watermark = 0) => {
      const res = await fetch(`${activities}?watermark=${watermark}`, { headers: auth });
      const text = await res.text();
      const count = res.ok ? (JSON.parse(text) as { activities: unknown[] }).activities.length : 0;
      return { status: res.status, bytes: Buffer.byteLength(text), count };
    },
  };
}

/** A card submit of about 7.5 KB (under the 8 KB a value may have). */
const bulky = (i: number) => ({ type: "message", value: { action: "note", n: i, pad: "x".repeat(7500) } });

/** Post bulky submits until the chat refuses (429); how many were taken. */
async function fill(chat: Chat, most = 400): Promise<number> {
  for (let i = 0; i < most; i++) {
    const r = await chat.post(bulky(i));
    if (r.status === 429) {
      expect(JSON.stringify(r.body)).toMatch(/start a new one/);
      return i;
    }
    expect(r.status).toBe(200);
  }
  return most;
}

describe("web chat memory: every card submit checked, each chat and all chats bounded in bytes", () => {
  it("a submit's value is validated and size-limited before it is kept; a 30,000-deep one cannot break the chat", async () => {
    const chat = await openChat(s.url);
    for (const [body, pattern] of [
      [{ type: "message", value: 42 }, /value/],
      [{ type: "message", value: { pad: "x".repeat(9000) } }, /value: Over 8 KB/],
      [{ type: "message", value: JSON.parse(`${'{"a":'.repeat(20)}1${"}".repeat(20)}`) }, /value: Nested/],
      [`{"type":"message","value":${"[".repeat(30_000)}${"]".repeat(30_000)}}`, /nested more than 64 levels/],
      [{ type: "event", name: "x" }, /Only "message"/],
      [{ type: "message", text: 5 }, /text/],
    ] as const) {
      const r = await chat.post(body);
      expect(r.status).toBe(400);
      // Direct Line's error shape, or (refused before reading, as on every route) the API's.
      const error = r.body.error;
      expect(typeof error === "string" ? error : error?.message).toMatch(pattern);
    }
    // Nothing refused was kept, and the chat goes on.
    expect((await chat.poll()).status).toBe(200);
    expect((await chat.post({ type: "message", text: "I'm a learner" })).status).toBe(200);
    const after = await chat.poll();
    expect(after.status).toBe(200);
    expect(JSON.stringify(await (await fetch(`${s.url}/healthz`)).json())).toMatch(/alive/);
  });

  it("one chat holds at most 1 MB: then 429 (start a new one), and a poll never returns more", async () => {
    const chat = await openChat(s.url);
    const taken = await fill(chat);
    expect(taken).toBeGreaterThan(50);
    const all = await chat.poll(0);
    expect(all.status).toBe(200);
    // 1 MB, plus at most the last turn's own message and replies.
    expect(all.bytes).toBeLessThan(1024 * 1024 + 64 * 1024);
  });

  it("all chats together hold at most WEBCHAT_MEMORY_MB: the least recently used chat goes first, one in use never", async () => {
    // Room for two full chats, not three.
    const fresh = await start({ WEBCHAT_MEMORY_MB: "2.5" });
    try {
      const a = await openChat(fresh.url);
      const b = await openChat(fresh.url);
      await fill(a);
      await fill(b);
      // a is used again (a poll), so b is now the least recently used.
      expect((await a.poll()).status).toBe(200);
      const c = await openChat(fresh.url);
      await fill(c);
      expect((await b.poll()).status).toBe(403);
      expect((await a.poll()).status).toBe(200);
      expect((await c.poll()).status).toBe(200);
      const total = (await a.poll()).bytes + (await c.poll()).bytes;
      expect(total).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
