import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";
import { answerOf, open } from "./raw.ts";

const CAP = 40;
let s: Running;
beforeAll(async () => {
  s = await start({ REQUEST_TIMEOUT_MS: "1500", MAX_CONNECTIONS: String(CAP) });
});
afterAll(() => s.stop());

const held = () =>
  new Promise<number>((resolve, reject) =>
    s.app.server.server.getConnections((err, n) => (err ? reject(err) : resolve(n))),
  );

/** /healthz, retried until it answers (the test's own timeout bounds the wait). */
async function healthzEventually(): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`${s.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return res.status;
    } catch {
      // refused while the server is full: try again
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("slow clients (real sockets)", () => {
  it("headers sent a byte at a time: 408, and the server closes the connection", async () => {
    const socket = await open(s.url);
    const answer = answerOf(socket);
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write("X");
    }, 200);
    const r = await answer;
    clearInterval(drip);
    expect(r.status).toBe(408);
    expect(socket.destroyed || socket.readableEnded).toBe(true);
  }, 30_000);

  it("a body that stops arriving: 408, and the connection is closed", async () => {
    const socket = await open(s.url);
    const answer = answerOf(socket);
    socket.write(
      "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    const r = await answer;
    expect(r.status).toBe(408);
  }, 30_000);

  it(`idle connections: at most ${CAP} held; the rest refused; /healthz answers during and after`, async () => {
    const sockets: Socket[] = [];
    const keep = async (n: number) => {
      for (let i = 0; i < n; i++) {
        try {
          const socket = await open(s.url);
          socket.on("error", () => {});
          sockets.push(socket);
        } catch {
          // refused outright: fine
        }
      }
    };
    // Below the cap, the server answers beside the idle connections.
    await keep(CAP - 10);
    expect(await held()).toBeLessThanOrEqual(CAP);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    // A flood over the cap: never more than the cap held; extra connections are closed at once.
    let most = 0;
    for (let round = 0; round < 5; round++) {
      await keep(30);
      most = Math.max(most, await held());
    }
    expect(most).toBeLessThanOrEqual(CAP);
    // The idle ones are let go (headers timeout), and the server answers again.
    expect(await healthzEventually()).toBe(200);
    for (const socket of sockets) socket.destroy();
  }, 30_000);
});
