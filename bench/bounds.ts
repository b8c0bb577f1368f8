import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rssMb, startProcess } from "./floor.ts";
import { median } from "./measure.ts";

/** One HTTP exchange on a kept-alive connection: status and body text. */
function call(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(body !== undefined
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
            : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Run `task(i)` for i < n, `concurrency` at a time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

const settle = () => new Promise((r) => setTimeout(r, 2000));

const ROOT = join(import.meta.dirname, "..");

/** A server process (as `npm start` runs it) whose live heap can be read after a full collection. */
async function measuredServer(dir: string, env: Record<string, string>) {
  const file = join(dir, "memory.json");
  const server = await startProcess("dist/src/index.js", { ...env, BENCH_MEMORY_FILE: file }, [
    "--expose-gc",
    "--import",
    join(ROOT, "bench", "memory-probe.mjs"),
  ]);
  /** The live heap in MB after a full garbage collection (see memory-probe.mjs). */
  const liveHeapMb = async (): Promise<number> => {
    rmSync(file, { force: true });
    process.kill(server.pid, "SIGUSR2");
    while (!existsSync(file)) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 20));
    return (JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number }).heapUsed / 2 ** 20;
  };
  return { server, liveHeapMb };
}

export interface ConversationsMemory {
  conversations: number;
  /** Resident memory (MB): idle, after the first 10,000 conversations, after all; the peak of the run. */
  rssMb: { idle: number; after10k: number; after: number; peak: number };
  /** Live heap after a full garbage collection (MB), at the same points. */
  liveHeapMb: { idle: number; after10k: number; after: number };
  errors: number;
}

/**
 * Memory of the server (compiled, lowdb, as `npm start` runs it) with `n` conversations: each one
 * started over HTTP (expectReplies) with a first message that fills its profile, 20 at a time. What
 * the caches hold is bounded, so the live heap stops growing once they are full (10,000 documents).
 */
export async function conversationsMemory(n = 60_000): Promise<ConversationsMemory> {
  const dir = mkdtempSync(join(tmpdir(), "advisor-bounds-"));
  const { server, liveHeapMb } = await measuredServer(dir, { STORAGE: "lowdb", DATA_DIR: join(dir, "data") });
  await settle();
  const idle = { rss: rssMb(server.pid), heap: await liveHeapMb() };
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  let errors = 0;
  const converse = async (i: number) => {
    const body = JSON.stringify({
      type: "message",
      text: "I'm a team leader, been here 3 years, got my NVQ 2",
      channelId: "bench",
      serviceUrl: "http://127.0.0.1:1",
      from: { id: `u${i}` },
      recipient: { id: "bot" },
      conversation: { id: `bounds-${i}` },
      deliveryMode: "expectReplies",
    });
    const r = await call(agent, `${server.url}/api/messages`, "POST", {}, body);
    if (r.status !== 200) errors++;
  };
  const first = Math.min(10_000, n);
  await pool(first, 20, converse);
  await settle();
  const after10k = { rss: rssMb(server.pid), heap: await liveHeapMb() };
  await pool(n - first, 20, (i) => converse(first + i));
  await settle();
  const result: ConversationsMemory = {
    conversations: n,
    rssMb: {
      idle: idle.rss,
      after10k: after10k.rss,
      after: rssMb(server.pid),
      peak: rssMb(server.pid, true),
    },
    liveHeapMb: { idle: idle.heap, after10k: after10k.heap, after: await liveHeapMb() },
    errors,
  };
  agent.destroy();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export interface WebChatFlood {
  pollMs: { chats10: number; chats5000: number };
  chats: number;
  postsAccepted: number;
  refusedTooLong: number;
  chatsDropped: number;
  transcriptsMb: number;
  largestPollMb: number;
  /** Resident memory (MB) before the flood (5,000 empty chats open), its peak, after; live heap after. */
  rssMb: { before: number; peak: number; after: number };
  liveHeapMb: { before: number; after: number };
}

/**
 * The web-chat flood of issue 14 (208 chats posting card submits as large as allowed until refused),
 * against a server process with the default bounds; and the time of a poll among 10 and among 5,000
 * open chats (its token is found by one lookup, not a scan).
 */
export async function webChatFlood(chats = 208): Promise<WebChatFlood> {
  const dir = mkdtempSync(join(tmpdir(), "advisor-flood-"));
  // A rate limit high enough to open 5,000 chats for the poll timing.
  const { server, liveHeapMb } = await measuredServer(dir, {
    STORAGE: "lowdb",
    DATA_DIR: join(dir, "data"),
    WEBCHAT: "on",
    RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  const open = async () => {
    const { conversationId, token } = JSON.parse(
      (await call(agent, `${server.url}/directline/tokens/generate`, "POST")).text,
    ) as { conversationId: string; token: string };
    const auth = { authorization: `Bearer ${token}` };
    await call(agent, `${server.url}/directline/conversations`, "POST", auth);
    return { activities: `${server.url}/directline/conversations/${conversationId}/activities`, auth };
  };
  const pollMs = async (chat: { activities: string; auth: Record<string, string> }) => {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await call(agent, `${chat.activities}?watermark=0`, "GET", chat.auth);
      times.push(performance.now() - t);
    }
    return median(times.slice(50));
  };
  const first = await open();
  for (let i = 0; i < 9; i++) await open();
  const chats10 = await pollMs(first);
  await pool(4990, 20, async () => {
    await open();
  });
  const chats5000 = await pollMs(first);
  await settle();
  const before = { rss: rssMb(server.pid), heap: await liveHeapMb() };

  const flood = await Promise.all(Array.from({ length: chats }, () => open()));
  let postsAccepted = 0;
  let refusedTooLong = 0;
  const done = new Set<number>();
  const value = { action: "note", pad: "x".repeat(7900) };
  await pool(chats * 250, 20, async (i) => {
    const k = i % chats;
    if (done.has(k)) return;
    const chat = flood[k] as (typeof flood)[number];
    const r = await call(
      agent,
      chat.activities,
      "POST",
      chat.auth,
      JSON.stringify({ type: "message", value }),
    );
    if (r.status === 200) postsAccepted++;
    else if (r.status === 429) {
      refusedTooLong++;
      done.add(k);
    } else done.add(k);
  });
  let transcripts = 0;
  let largest = 0;
  let dropped = 0;
  for (const chat of flood) {
    const r = await call(agent, `${chat.activities}?watermark=0`, "GET", chat.auth);
    if (r.status !== 200) dropped++;
    else {
      const bytes = Buffer.byteLength(r.text);
      transcripts += bytes;
      largest = Math.max(largest, bytes);
    }
  }
  await settle();
  const result: WebChatFlood = {
    pollMs: { chats10, chats5000 },
    chats,
    postsAccepted,
    refusedTooLong,
    chatsDropped: dropped,
    transcriptsMb: transcripts / 2 ** 20,
    largestPollMb: largest / 2 ** 20,
    rssMb: { before: before.rss, peak: rssMb(server.pid, true), after: rssMb(server.pid) },
    liveHeapMb: { before: before.heap, after: await liveHeapMb() },
  };
  agent.destroy();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return result;
}
