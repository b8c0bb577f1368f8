import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStorage, type StoreItems } from "botbuilder";
import { afterAll, describe, expect, it } from "vitest";
import { Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createApp } from "../../src/server.ts";
import { DocumentStore } from "../../src/storage/document-store.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "advisor-bounds-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("memory bounds of the lowdb store (real files)", () => {
  it("the cache keeps at most cacheSize documents and cacheBytes of text; unwritten documents wait for a checkpoint beyond maxUnwritten", async () => {
    const dir = tempDir();
    const limits = { cacheSize: 100, cacheBytes: 40_000, maxUnwritten: 50 };
    // A checkpoint only when the store asks for one (no timer, no size trigger in this test).
    const store = new DocumentStore<{ n: number; pad: string }>(dir, undefined, {
      ...limits,
      journal: { checkpointMs: 3_600_000, maxBytes: 1024 ** 3 },
    });
    const BATCH = 20;
    let most = { cached: 0, cachedBytes: 0, unwritten: 0 };
    for (let i = 0; i < 2000; i += BATCH) {
      await Promise.all(
        Array.from({ length: BATCH }, (_, j) =>
          store.write(`c/${i + j}`, { n: i + j, pad: "x".repeat(300) }),
        ),
      );
      const h = store.held ?? most;
      most = {
        cached: Math.max(most.cached, h.cached),
        cachedBytes: Math.max(most.cachedBytes, h.cachedBytes),
        unwritten: Math.max(most.unwritten, h.unwritten),
      };
    }
    // The writes beyond the bound made the store write files (no timer did: it is an hour away).
    const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(2000 - limits.maxUnwritten - BATCH);
    expect(most.cached).toBeLessThanOrEqual(limits.cacheSize);
    expect(most.cachedBytes).toBeLessThanOrEqual(limits.cacheBytes);
    // Writes under way together may each take the last free place.
    expect(most.unwritten).toBeLessThanOrEqual(limits.maxUnwritten + BATCH);
    // Nothing was lost on the way: every document reads back, from memory or from its file.
    for (const n of [0, 1, 999, 1500, 1999]) expect((await store.read(`c/${n}`))?.doc.n).toBe(n);
    await store.close();
    const reopened = new DocumentStore<{ n: number }>(dir, undefined, { journal: true });
    for (let n = 0; n < 2000; n += 97) expect((await reopened.read(`c/${n}`))?.doc.n).toBe(n);
    await reopened.close();
  });
});

describe("/readyz writes to the store at most once a second, however often it is asked", () => {
  it("70 requests (50 at once, then 20 one after another): the store is probed once a second at most", async () => {
    class CountingStorage extends MemoryStorage {
      writes = 0;
      override write(changes: StoreItems): Promise<void> {
        if (Object.keys(changes).some((k) => k.startsWith("readyz/"))) this.writes++;
        return super.write(changes);
      }
    }
    const storage = new CountingStorage();
    const app = await createApp(
      Config.parse({ PORT: "0", LOG_LEVEL: "silent", MicrosoftAppId: "", STORAGE: "memory", WEBCHAT: "off" }),
      { storage, log: createLogger("silent") },
    );
    const url = await app.listen();
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${url}/readyz`).then((r) => r.status)),
    );
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${url}/readyz`)).status);
    const seconds = (Date.now() - started) / 1000;
    await app.close();
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(storage.writes).toBeGreaterThanOrEqual(1);
    expect(storage.writes).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });
});
