import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "advisor.js");
const dataDir = mkdtempSync(join(tmpdir(), "advisor-chat-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real `advisor chat` binary, its answers piped in, with a real lowdb store in a temp folder. */
function chat(lines: string[], session = "s1"): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "chat", "--session", session], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, ADVISOR_TODAY: "2026-11-22" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

describe("advisor chat (terminal)", () => {
  it("numbers the buttons, takes a number as the choice, and keeps the conversation across runs", async () => {
    const first = await chat(["2", "team leader, 3 years, NVQ 2"]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\[2\] I work in a contact centre/);
    expect(first.out).toMatch(/Got it: working in a contact centre/);
    expect(first.out).toMatch(/Got it: Contact Centre Team Leader; 3 years; Level 2/);
    expect(files(join(dataDir, "conversations")).length).toBe(1);

    const second = await chat(["no"]);
    expect(second.out).toMatch(/Picking up where we left off/);
    expect(second.out).toMatch(/OCR Level 3 NVQ Diploma/);
  }, 60_000);

  it("after a resume, shows the question it was waiting on, and a number picks one of its options", async () => {
    await chat(["hello"], "s3");
    const resumed = await chat(["2"], "s3");
    expect(resumed.out).toMatch(
      /Picking up where we left off[\s\S]*\[2\][\s\S]*Got it: working in a contact centre/,
    );
    expect(resumed.out).not.toMatch(/didn't catch that/);
  }, 60_000);

  it("a delete asked for and resumed later is answered by its own options", async () => {
    await chat(["I'm a learner"], "s4");
    const before = files(join(dataDir, "conversations")).length;
    await chat(["delete my data"], "s4");
    const resumed = await chat(["1"], "s4");
    expect(resumed.out).toMatch(/deleted your data/);
    expect(files(join(dataDir, "conversations")).length).toBe(before - 1);
  }, 60_000);

  it("delete my data removes the stored conversation file", async () => {
    await chat(["I'm a learner"], "s2");
    const before = files(join(dataDir, "conversations")).length;
    const r = await chat(["delete my data", "yes"], "s2");
    expect(r.out).toMatch(/deleted your data/);
    expect(files(join(dataDir, "conversations")).length).toBe(before - 1);
  }, 60_000);
});
