import { BlobsStorage } from "botbuilder-azure-blobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LowdbStorage } from "../../src/storage/lowdb-storage.ts";
import { purgeIdleConversations } from "../../src/storage/retention.ts";
import { NOW, say, start } from "../server/harness.ts";
import { type Azurite, startAzurite } from "./azurite.ts";

const DAY = 86_400_000;
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);
afterAll(() => azurite?.stop());

describe("DATA_RETENTION_DAYS: idle conversations are deleted", () => {
  it("lowdb: the server purges conversations idle for longer, at start; recent ones stay", async () => {
    const first = await start();
    await say(first.url, "recent", "team leader");
    await first.stop(false);
    const storage = new LowdbStorage(`${first.dataDir}/state`);
    await storage.write({
      "webchat/conversations/stale": {
        conversation: { version: 1, snapshot: {} },
        updatedAt: new Date(NOW.getTime() - 40 * DAY).toISOString(),
      },
    });
    const second = await start({ DATA_RETENTION_DAYS: "30" }, first.dataDir);
    await second.app.retention();
    expect(await second.app.storage.read(["webchat/conversations/stale"])).toEqual({});
    expect(Object.keys(await second.app.storage.read(["webchat/conversations/recent"]))).toHaveLength(1);
    await second.stop();
  });

  it("unset, it is 90 days: a conversation idle for 100 days is deleted, one idle for 30 kept (0 keeps all)", async () => {
    const { loadConfig } = await import("../../src/config.ts");
    expect(loadConfig({}).DATA_RETENTION_DAYS).toBe(90);
    expect(loadConfig({ DATA_RETENTION_DAYS: "0" }).DATA_RETENTION_DAYS).toBe(0);
    const first = await start();
    await first.stop(false);
    const storage = new LowdbStorage(`${first.dataDir}/state`);
    const idle = (days: number) => ({
      conversation: { version: 1, snapshot: {} },
      updatedAt: new Date(NOW.getTime() - days * DAY).toISOString(),
    });
    await storage.write({
      "webchat/conversations/idle-100": idle(100),
      "webchat/conversations/idle-30": idle(30),
    });
    await storage.close();
    const second = await start({}, first.dataDir);
    await second.app.retention();
    expect(await second.app.storage.read(["webchat/conversations/idle-100"])).toEqual({});
    expect(Object.keys(await second.app.storage.read(["webchat/conversations/idle-30"]))).toHaveLength(1);
    await second.stop();
  });

  it("Azure Blob (Azurite): blobs last modified before the cutoff are deleted", async () => {
    const blob = { connectionString: azurite.connectionString, container: "retention" };
    const storage = new BlobsStorage(blob.connectionString, blob.container);
    await storage.write({
      "webchat/conversations/a": { n: 1 },
      "webchat/conversations/b": { n: 2 },
      "readyz/x": { n: 3 },
    });
    expect(await purgeIdleConversations({ storage, blob }, new Date(Date.now() - DAY))).toBe(0);
    expect(await purgeIdleConversations({ storage, blob }, new Date(Date.now() + DAY))).toBe(2);
    expect(await storage.read(["webchat/conversations/a", "webchat/conversations/b"])).toEqual({});
    expect(Object.keys(await storage.read(["readyz/x"]))).toHaveLength(1);
  }, 60_000);
});
