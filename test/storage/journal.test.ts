import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DocumentStore, JOURNAL_DIR } from "../../src/storage/document-store.ts";
import { Journal } from "../../src/storage/journal.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "advisor-journal-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** What the disk holds if the process were killed now: a copy of the folder, files and journal. */
const crashCopy = (dir: string): string => {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
};

const segments = (dir: string) =>
  existsSync(join(dir, JOURNAL_DIR))
    ? readdirSync(join(dir, JOURNAL_DIR)).filter((n) => n.endsWith(".log"))
    : [];

// No timer-driven checkpoint during a test unless it asks for one.
const noTimer = { journal: { checkpointMs: 3_600_000 } } as const;

describe("journal (group commit) in front of the document files", () => {
  it("acknowledges a write once it is in the journal; the file is written at the checkpoint, newest version only", async () => {
    const dir = tempDir();
    const s = new DocumentStore<number>(dir, undefined, noTimer);
    for (let i = 1; i <= 10; i++) await s.write("k", i);
    // Not yet in its file, but read back from memory and in the journal on disk.
    expect(existsSync(s.fileOf("k"))).toBe(false);
    expect((await s.read("k"))?.doc).toBe(10);
    expect(segments(dir)).toHaveLength(1);
    const lines = readFileSync(join(dir, JOURNAL_DIR, segments(dir)[0] ?? ""), "utf8")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(10);
    await s.checkpoint();
    expect(JSON.parse(readFileSync(s.fileOf("k"), "utf8")).doc).toBe(10);
    expect(segments(dir)).toEqual([]);
    expect((await s.read("k"))?.doc).toBe(10);
  });

  it("writes under way together share one journal write (group commit)", async () => {
    const dir = tempDir();
    const s = new DocumentStore<number>(dir, undefined, noTimer);
    await s.write("warm-up", 0);
    await Promise.all(Array.from({ length: 50 }, (_, i) => s.write(`k${i}`, i)));
    const text = readFileSync(join(dir, JOURNAL_DIR, segments(dir)[0] ?? ""), "utf8");
    expect(text.trim().split("\n")).toHaveLength(51);
    for (let i = 0; i < 50; i++) expect((await s.read(`k${i}`))?.doc).toBe(i);
    // The journal itself: 50 lines appended while none is written yet go out in one write.
    const j = new Journal(tempDir());
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.append(`{"n":${i}}`)));
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.append(`{"n":${i + 50}}`)));
    expect(j.writes).toBe(2);
    await j.close();
  });

  it("after a crash, a new store replays the journal into the files, then removes it", async () => {
    const dir = tempDir();
    const s = new DocumentStore<string>(dir, undefined, noTimer);
    await s.write("a", "a1");
    await s.checkpoint();
    await s.write("a", "a2");
    await s.write("b", "b1");
    const tag = await s.write("b", "b2");
    const copy = crashCopy(dir);
    expect(JSON.parse(readFileSync(join(copy, s.fileOf("a").slice(dir.length)), "utf8")).doc).toBe("a1");
    const after = new DocumentStore<string>(copy, undefined, noTimer);
    expect((await after.read("a"))?.doc).toBe("a2");
    expect(await after.read("b")).toEqual({ doc: "b2", eTag: tag });
    expect(segments(copy)).toEqual([]);
    expect(JSON.parse(readFileSync(after.fileOf("b"), "utf8")).doc).toBe("b2");
    await s.close();
  });

  it("a deleted document is not brought back by a replay", async () => {
    const dir = tempDir();
    const s = new DocumentStore<string>(dir, undefined, noTimer);
    await s.write("k", "v1");
    await s.checkpoint();
    await s.write("k", "v2");
    await s.delete("k");
    expect(existsSync(s.fileOf("k"))).toBe(false);
    const copy = crashCopy(dir);
    const after = new DocumentStore<string>(copy, undefined, noTimer);
    expect(await after.read("k")).toBeUndefined();
    expect(existsSync(after.fileOf("k"))).toBe(false);
    await s.close();
  });

  it("drops a last line cut short by a crash (never acknowledged); keeps a damaged segment aside and reports it", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
    const line = (key: string, doc: string) => JSON.stringify({ key, eTag: `t-${doc}`, doc });
    writeFileSync(
      join(dir, JOURNAL_DIR, "00000001.log"),
      `${line("a", "a1")}\n{"key":"x","eTag":"broken\n${line("b", "b1")}\n`,
    );
    writeFileSync(join(dir, JOURNAL_DIR, "00000002.log"), `${line("a", "a2")}\n{"key":"c","eTag":"t","do`);
    const problems: string[] = [];
    const s = new DocumentStore<string>(dir, (i) => problems.push(`${i.key}: ${i.problem}`), noTimer);
    expect((await s.read("a"))?.doc).toBe("a2");
    expect((await s.read("b"))?.doc).toBe("b1");
    expect(await s.read("c")).toBeUndefined();
    expect(problems).toEqual([
      `${JOURNAL_DIR}: 1 unreadable journal line(s); the readable ones were applied`,
    ]);
    const left = readdirSync(join(dir, JOURNAL_DIR));
    expect(left.filter((n) => n.startsWith("00000001.log.corrupt-"))).toHaveLength(1);
    expect(left.filter((n) => n.endsWith(".log"))).toEqual([]);
    // New writes go to a segment numbered after the ones found.
    await s.write("d", "d1");
    expect(segments(dir)).toEqual(["00000003.log"]);
  });

  it("checkpoints by itself after checkpointMs, and when the journal reaches maxBytes", async () => {
    const timed = tempDir();
    const t = new DocumentStore<string>(timed, undefined, { journal: { checkpointMs: 30 } });
    await t.write("k", "v");
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(t.fileOf("k"))).toBe(true);
    expect(segments(timed)).toEqual([]);

    const sized = tempDir();
    const s = new DocumentStore<string>(sized, undefined, {
      journal: { checkpointMs: 3_600_000, maxBytes: 2000 },
    });
    for (let i = 0; i < 40; i++) await s.write(`k${i}`, "x".repeat(100));
    await s.checkpoint();
    expect(existsSync(s.fileOf("k0"))).toBe(true);
  });

  it("retention's scan (entries) sees documents still only in the journal", async () => {
    const s = new DocumentStore<number>(tempDir(), undefined, noTimer);
    await s.write("a", 1);
    await s.write("b", 2);
    const seen: Record<string, number> = {};
    for await (const { key, doc } of s.entries()) seen[key] = doc;
    expect(seen).toEqual({ a: 1, b: 2 });
  });

  it("property: whatever point a crash comes at, a replay gives exactly the acknowledged state", async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("write" as const), key: fc.constantFrom("a", "b", "c"), n: fc.nat(99) }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.constantFrom("a", "b", "c") }),
      fc.record({ kind: fc.constant("checkpoint" as const) }),
      fc.record({ kind: fc.constant("crash" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const dir = tempDir();
        const s = new DocumentStore<number>(dir, undefined, noTimer);
        const model = new Map<string, number>();
        const check = async (d: string) => {
          const r = new DocumentStore<number>(d, undefined, noTimer);
          for (const key of ["a", "b", "c"]) expect((await r.read(key))?.doc).toBe(model.get(key));
          await r.close();
        };
        for (const o of ops) {
          if (o.kind === "write") {
            await s.write(o.key, o.n);
            model.set(o.key, o.n);
          } else if (o.kind === "delete") {
            await s.delete(o.key);
            model.delete(o.key);
          } else if (o.kind === "checkpoint") await s.checkpoint();
          else await check(crashCopy(dir));
        }
        await s.close();
        expect(segments(dir)).toEqual([]);
        await check(dir);
      }),
      { numRuns: 40 },
    );
  });

  it("Journal.read tells a torn last line from damage in the middle", async () => {
    const dir = tempDir();
    const f = join(dir, "00000001.log");
    writeFileSync(f, '{"a":1}\n{"b":2}\n{"c":');
    expect(await Journal.read(f)).toEqual({ records: [{ a: 1 }, { b: 2 }], bad: 0, tornTail: true });
    writeFileSync(f, '{"a":1}\nnope\n{"b":2}\n');
    expect(await Journal.read(f)).toEqual({ records: [{ a: 1 }, { b: 2 }], bad: 1, tornTail: false });
  });
});
