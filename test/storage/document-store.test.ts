import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DocumentStore, ETagConflictError } from "../../src/storage/document-store.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "advisor-store-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each([
  ["files only", {}],
  ["with the journal", { journal: true }],
] as const)("DocumentStore (lowdb, one file per key): %s", (_, options) => {
  it("reads what it wrote, omits missing keys, deletes, and survives a new instance (restart)", async () => {
    // (One store per folder at a time: it keeps the text of recent documents in memory.)
    const dir = tempDir();
    const a = new DocumentStore<{ n: number }>(dir, undefined, options);
    expect(await a.read("k")).toBeUndefined();
    const tag = await a.write("k", { n: 1 });
    expect(await a.read("k")).toEqual({ doc: { n: 1 }, eTag: tag });
    await a.close();
    const b = new DocumentStore<{ n: number }>(dir, undefined, options);
    expect((await b.read("k"))?.doc).toEqual({ n: 1 });
    await b.delete("k");
    await b.delete("k");
    await b.close();
    expect(await new DocumentStore<{ n: number }>(dir, undefined, options).read("k")).toBeUndefined();
  });

  it("rejects a stale eTag, writes with the current one or '*'", async () => {
    const s = new DocumentStore<string>(tempDir(), undefined, options);
    const t1 = await s.write("k", "one");
    const t2 = await s.write("k", "two", t1);
    await expect(s.write("k", "three", t1)).rejects.toBeInstanceOf(ETagConflictError);
    await expect(s.write("new", "x", "some-etag")).rejects.toBeInstanceOf(ETagConflictError);
    await s.write("k", "four", "*");
    expect((await s.read("k"))?.doc).toBe("four");
    expect(t2).not.toBe(t1);
  });

  it("serialises concurrent read-modify-writes of one key: no update is lost", async () => {
    const s = new DocumentStore<number[]>(tempDir(), undefined, options);
    await s.write("k", []);
    const add = async (i: number) => {
      for (;;) {
        const cur = await s.read("k");
        try {
          await s.write("k", [...(cur?.doc ?? []), i], cur?.eTag);
          return;
        } catch (e) {
          if (!(e instanceof ETagConflictError)) throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => add(i)));
    expect((await s.read("k"))?.doc.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it("moves a corrupt file aside, reports it, and starts that key over; other keys are untouched", async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const before = new DocumentStore<string>(dir, undefined, options);
    await before.write("good", "fine");
    await before.write("bad", "soon broken");
    await before.close();
    const file = before.fileOf("bad");
    writeFileSync(file, '{"key":"bad","eTag":"x","doc":');
    // A new store (as after a restart) finds the damage on its first read.
    const s = new DocumentStore<string>(dir, (info) => seen.push(info.problem), options);
    expect(await s.read("bad")).toBeUndefined();
    expect(seen[0]).toMatch(/not valid JSON/);
    const kept = readdirSync(dirname(file)).filter((f) => f.includes(".corrupt-"));
    expect(kept.length).toBe(1);
    expect(readFileSync(join(dirname(file), kept[0] ?? ""), "utf8")).toContain('"doc":');
    expect((await s.read("good"))?.doc).toBe("fine");
  });

  it("spreads documents over sharded folders (a turn's cost does not grow with the number stored)", async () => {
    const dir = tempDir();
    const s = new DocumentStore<number>(dir, undefined, options);
    await Promise.all(Array.from({ length: 60 }, (_, i) => s.write(`conversation-${i}`, i)));
    await s.close();
    expect(readdirSync(dir).length).toBeGreaterThan(10);
  });
});
