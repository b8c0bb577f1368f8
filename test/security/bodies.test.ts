import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../scale/process.ts";
import { activity } from "../server/harness.ts";
import { answerOf, exchange, open } from "./raw.ts";

// The server as its own process, with a temporary folder of its own: anything it writes there shows
// (apart from tsx's cache, which runs the TypeScript).
const uploads = mkdtempSync(join(tmpdir(), "advisor-uploads-"));
const written = () => readdirSync(uploads).filter((f) => !f.startsWith("tsx-"));
let s: ServerProcess;
beforeAll(async () => {
  s = await startServerProcess({ TMPDIR: uploads, WEBCHAT: "on", LOG_LEVEL: "silent" });
}, 60_000);
afterAll(async () => {
  await s?.stop();
  rmSync(uploads, { recursive: true, force: true });
});

const POST_ROUTES = [
  "/api/messages",
  "/api/check",
  "/api/plan",
  "/api/recommend",
  "/directline/tokens/generate",
  "/directline/conversations",
  "/directline/conversations/abc/activities",
];

const post = async (path: string, body: BodyInit, headers: Record<string, string>) => {
  const res = await fetch(`${s.url}${path}`, { method: "POST", body, headers });
  const text = await res.text();
  return { status: res.status, text };
};

/** A form with a 1 MB file and 2,000 empty files (each of which restify wrote to the temp folder). */
function uploadForm(): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(1024 * 1024)]), "big.bin");
  for (let i = 0; i < 2000; i++) form.append(`f${i}`, new Blob([]), `empty-${i}.bin`);
  return form;
}

describe("request bodies (the server as a process, real HTTP)", () => {
  it("multipart uploads: 415 on every POST route before any parsing, and nothing is written to disk", async () => {
    for (const path of POST_ROUTES) {
      const r = await post(path, uploadForm(), {});
      expect(r.status, path).toBe(415);
      expect(JSON.parse(r.text).error, path).toMatch(/Only JSON bodies/);
    }
    // The server is still well, and its temporary folder is empty.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect(written()).toEqual([]);
  });

  it("any content type other than JSON gets 415, whatever its parameters (property)", async () => {
    const token = fc.stringMatching(/^[a-z][a-z0-9.+-]{0,15}$/);
    const otherType = fc
      .tuple(token, token)
      .map(([a, b]) => `${a}/${b}`)
      .filter((t) => t !== "application/json");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POST_ROUTES),
        fc.oneof(
          otherType,
          fc.constantFrom(
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "text/plain",
            "text/csv",
            "application/octet-stream",
            "application/json; charset=latin1",
            "application/merge-patch+json",
          ),
        ),
        async (path, type) => {
          const r = await post(path, '{"type":"message"}', { "content-type": type });
          expect(r.status).toBe(415);
        },
      ),
      { numRuns: 60 },
    );
    // JSON with any spelling of its UTF-8 charset is read.
    for (const type of [
      "application/json",
      "Application/JSON; charset=UTF-8",
      "application/json;charset=utf8",
    ])
      expect((await post("/api/check", "{}", { "content-type": type })).status).toBe(400);
    expect(written()).toEqual([]);
  });

  it("compressed bodies are refused (415), never inflated: a 60 KB gzip that would inflate to 60 MB", async () => {
    const bomb = gzipSync(JSON.stringify({ qualification: "ocr-10265", units: ["x".repeat(60_000_000)] }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    for (const [encoding, body] of [
      ["gzip", bomb],
      ["deflate", deflateSync("{}")],
      ["br", brotliCompressSync("{}")],
      ["GZIP", gzipSync("{}")],
    ] as const) {
      for (const path of ["/api/check", "/api/messages", "/directline/tokens/generate"]) {
        const r = await post(path, body, {
          "content-type": "application/json",
          "content-encoding": encoding,
        });
        expect(r.status, `${encoding} ${path}`).toBe(415);
        expect(JSON.parse(r.text).error).toMatch(/Compressed bodies are not accepted/);
      }
    }
    expect(
      (await post("/api/check", "{}", { "content-type": "application/json", "content-encoding": "identity" }))
        .status,
    ).toBe(400);
  });

  it("a body announced as over 64 KB is refused (413) from its headers, without waiting for it", async () => {
    // Only the headers are sent: the answer comes anyway.
    const socket = await open(s.url);
    const answer = answerOf(socket);
    socket.write(
      "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\n\r\n{",
    );
    const r = await answer;
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/over 64 KB/);
  });

  it("a chunked body is refused (413) at the first chunk over 64 KB, without waiting for its end", async () => {
    const socket = await open(s.url);
    const answer = answerOf(socket);
    socket.write(
      "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    const chunk = "x".repeat(16 * 1024);
    // Five chunks, then nothing: the body never ends, so only the limit can answer.
    for (let i = 0; i < 5; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const r = await answer;
    expect(r.status).toBe(413);
  });

  it("JSON nested 30,000 levels deep (in 60 KB) is refused with 400 on every POST route", async () => {
    const deep = `{"type":"message","value":${"[".repeat(30_000)}${"]".repeat(30_000)}}`;
    for (const path of POST_ROUTES) {
      const r = await post(path, deep, { "content-type": "application/json" });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.text).error, path).toMatch(/nested more than 64 levels/);
    }
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it("a body that is not UTF-8 gets 400; a valid activity still gets its reply", async () => {
    const r = await post("/api/check", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), {
      "content-type": "application/json",
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/UTF-8/);
    const ok = await exchange(
      s.url,
      (() => {
        const body = JSON.stringify(activity("bodies-ok", { text: "hello" }));
        return `POST /api/messages HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      })(),
    );
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/"activities"/);
  });
});
