import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JOURNAL_DIR } from "../../src/storage/document-store.ts";
import { say, start, textOf } from "../server/harness.ts";

/** A real full disk: a 4 MB tmpfs (needs root, as in CI; skipped with the reason otherwise). */
const mountPoint = mkdtempSync(join(tmpdir(), "advisor-full-"));
let mounted = false;
let why = "";
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint], { stdio: "pipe" });
  mounted = true;
} catch (e) {
  why = `cannot mount a tmpfs here (${String((e as Error).message).split("\n")[0]})`;
}
afterAll(() => {
  // Lazily: a server left running by a failed test still holds files there.
  if (mounted) execFileSync("umount", ["-l", mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fill the file system to the last byte; returns the filler's path (delete it to free the space). */
function fill(dir: string): string {
  const file = join(dir, "filler");
  const fd = openSync(file, "w");
  const block = Buffer.alloc(64 * 1024);
  try {
    for (let size = block.length; size >= 1; ) {
      try {
        writeSync(fd, block, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const journalFiles = (dataDir: string) => readdirSync(join(dataDir, "state", JOURNAL_DIR));

describe.skipIf(!mounted)(`disk full (lowdb on a full tmpfs)${why ? `: skipped, ${why}` : ""}`, () => {
  it("turns get the apology, no file per failure, /readyz 503; once space is back everything carries on", async () => {
    const dataDir = join(mountPoint, "data");
    const s = await start({}, dataDir);
    await say(s.url, "full-1", "team leader, 3 years");
    const filler = fill(mountPoint);
    // What still fits in the journal's last block is used up first (as on any disk).
    for (let i = 0; i < 200; i++)
      if (/Sorry, something went wrong/.test(textOf((await say(s.url, "full-2", "level 2")).activities)))
        break;
    const before = journalFiles(dataDir).length;
    for (let i = 0; i < 30; i++) {
      const r = await say(s.url, `full-${i % 3}`, "level 2");
      expect(r.status).toBe(200);
      expect(textOf(r.activities)).toMatch(/Sorry, something went wrong on my side/);
    }
    // At most one segment started for all those failures (not one each).
    expect(journalFiles(dataDir).length).toBeLessThanOrEqual(before + 1);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, checks: { store: false } });

    rmSync(filler);
    const back = await say(s.url, "full-1", "level 2");
    expect(back.activities[0]?.channelData.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
    // Recovery intact: after a restart (journal replayed or checkpointed), the conversation is all there.
    await s.stop(false);
    const again = await start({}, dataDir);
    const after = await say(again.url, "full-1", "help");
    expect(after.activities[0]?.channelData.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    await again.stop(false);
  }, 60_000);
});
