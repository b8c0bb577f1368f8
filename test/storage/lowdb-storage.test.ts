import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreItems } from "botbuilder";
import { afterEach, describe, expect, it } from "vitest";
import { LowdbStorage } from "../../src/storage/lowdb-storage.ts";

const dirs: string[] = [];
const storage = (onCorrupt?: (i: { problem: string }) => void) => {
  const d = mkdtempSync(join(tmpdir(), "advisor-lowdb-"));
  dirs.push(d);
  return new LowdbStorage(d, onCorrupt);
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The cases of botbuilder-js's storageBaseTests, on the lowdb Storage.
describe("LowdbStorage honours botbuilder's Storage contract", () => {
  it("returns an empty object when reading unknown keys", async () => {
    expect(await storage().read(["unk", "unk2"])).toEqual({});
  });

  it("throws when reading, writing or deleting without keys", async () => {
    const s = storage();
    await expect(s.read(null as unknown as string[])).rejects.toThrow(/Keys are required/);
    await expect(s.write(null as unknown as StoreItems)).rejects.toThrow(/Changes are required/);
    await expect(s.delete(null as unknown as string[])).rejects.toThrow(/Keys are required/);
  });

  it("creates an object, and reads it back with an eTag", async () => {
    const s = storage();
    await s.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2, eTag: "*" } });
    const read = await s.read(["createPoco", "createPocoStoreItem"]);
    expect(read.createPoco).toMatchObject({ id: 1 });
    expect(read.createPocoStoreItem).toMatchObject({ id: 2 });
    expect(typeof read.createPoco.eTag).toBe("string");
  });

  it("handles crazy keys", async () => {
    const s = storage();
    const key = "!@#$%^&*()~/\\><,.?';\"`~ 🙂 ../../etc/passwd";
    await s.write({ [key]: { id: 1 } });
    expect((await s.read([key]))[key]).toMatchObject({ id: 1 });
  });

  it("updates with the current eTag, rejects a stale one, and '*' always writes", async () => {
    const s = storage();
    await s.write({ pocoItem: { id: 1, count: 1 } });
    const first = (await s.read(["pocoItem"])).pocoItem;
    await s.write({ pocoItem: { ...first, count: 2 } });
    const second = (await s.read(["pocoItem"])).pocoItem;
    expect(second.count).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
    await expect(s.write({ pocoItem: { ...first, count: 99 } })).rejects.toThrow(/eTag conflict/);
    await s.write({ pocoItem: { id: 1, count: 3, eTag: "*" } });
    expect((await s.read(["pocoItem"])).pocoItem.count).toBe(3);
  });

  it("deletes an object, and deleting an unknown key is fine", async () => {
    const s = storage();
    await s.write({ delete1: { id: 1 } });
    await s.delete(["delete1", "unknown"]);
    expect(await s.read(["delete1"])).toEqual({});
  });

  it("performs batch operations", async () => {
    const s = storage();
    await s.write({ batch1: { n: 1 }, batch2: { n: 2 }, batch3: { n: 3 } });
    expect(Object.keys(await s.read(["batch1", "batch2", "batch3"])).sort()).toEqual([
      "batch1",
      "batch2",
      "batch3",
    ]);
    await s.delete(["batch1", "batch2", "batch3"]);
    expect(await s.read(["batch1", "batch2", "batch3"])).toEqual({});
  });
});

describe("LowdbStorage with many and broken documents", () => {
  it("a corrupt document is moved aside and reported; other documents are untouched", async () => {
    const problems: string[] = [];
    const before = storage();
    await before.write({ "webchat/conversations/ok": { kept: true } });
    await before.write({ "webchat/conversations/bad": { kept: true } });
    // Stopped (the journal written to the files), then damaged while down.
    await before.close();
    writeFileSync(before.documents.fileOf("webchat/conversations/bad"), "{ this is not json");
    // A new store (as after a restart) finds the damage on its first read.
    const s = new LowdbStorage(dirs.at(-1) ?? "", (i) => problems.push(i.problem));
    expect(await s.read(["webchat/conversations/bad"])).toEqual({});
    expect(problems[0]).toMatch(/not valid JSON/);
    expect((await s.read(["webchat/conversations/ok"]))["webchat/conversations/ok"]).toMatchObject({
      kept: true,
    });
  });

  it("reads and writes among 10,000 stored conversations (one file per conversation; timings in npm run bench)", async () => {
    const s = storage();
    const batch: StoreItems = {};
    for (let i = 0; i < 10_000; i++) batch[`webchat/conversations/c${i}`] = { n: i };
    await s.write(batch);
    expect((await s.read(["webchat/conversations/c9999"]))["webchat/conversations/c9999"]).toMatchObject({
      n: 9999,
    });
    expect(
      Object.keys(await s.read(["webchat/conversations/c0", "webchat/conversations/c5000"])),
    ).toHaveLength(2);
  }, 120_000);
});
