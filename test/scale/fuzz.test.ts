import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, type Running, start } from "../server/harness.ts";

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

let requests = 0;
async function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  requests++;
  const res = await fetch(`${s.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const oddText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "🙂🙂🙂",
    "‮reversed",
    "\uD800",
    "a".repeat(10_000),
    "<script>alert(1)</script>",
    "units 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
  ),
);

describe("bad input, property-based (fast-check), over real HTTP", () => {
  it("random and malformed activities: never a crash or hang; malformed → 4xx with a message; odd but valid → a helpful reply", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // Odd but valid messages.
          fc.record({
            kind: fc.constant("valid" as const),
            text: oddText,
            conv: fc.integer({ min: 0, max: 5 }),
          }),
          // Random card submits.
          fc.record({
            kind: fc.constant("submit" as const),
            value: fc.anything(),
            conv: fc.integer({ min: 0, max: 5 }),
          }),
          // Activities with missing fields or wrong types.
          fc.record({ kind: fc.constant("broken" as const), body: fc.object({ maxDepth: 3 }) }),
          // Not JSON at all, or huge.
          fc.record({
            kind: fc.constant("raw" as const),
            body: fc.oneof(
              fc.string({ maxLength: 300 }),
              fc.constant("{".repeat(5000)),
              fc.constant(`{"text":"${"x".repeat(70_000)}"}`),
            ),
          }),
        ),
        async (input) => {
          if (input.kind === "valid") {
            const r = await post(
              "/api/messages",
              JSON.stringify(activity(`fuzz-${input.conv}`, { text: input.text })),
            );
            expect(r.status).toBe(200);
            const acts = (
              (r.json as { activities?: { type: string; text?: string }[] }).activities ?? []
            ).filter((a) => a.type === "message");
            expect(acts.length).toBeGreaterThan(0);
          } else if (input.kind === "submit") {
            const r = await post(
              "/api/messages",
              JSON.stringify(activity(`fuzz-${input.conv}`, { value: input.value })),
            );
            expect([200, 400, 413]).toContain(r.status);
          } else {
            const body = input.kind === "broken" ? JSON.stringify(input.body) : input.body;
            const r = await post("/api/messages", body);
            expect(r.status).toBeLessThan(500);
            if (r.status >= 400) expect(JSON.stringify(r.json)).toMatch(/error/i);
          }
        },
      ),
      { numRuns: 250 },
    );
    // Still alive, and nothing in the store is corrupted.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const docs = files(join(s.dataDir, "state")).filter((f) => f.endsWith(".json"));
    for (const f of docs) expect(() => JSON.parse(readFileSync(f, "utf8"))).not.toThrow();
    expect(files(join(s.dataDir, "state")).filter((f) => f.includes(".corrupt-"))).toEqual([]);
  }, 180_000);

  it("random REST bodies: always a 2xx or a 4xx with a clear message, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/api/check", "/api/plan", "/api/recommend"),
        fc.oneof(
          fc.anything().map((x) => JSON.stringify(x) ?? "null"),
          fc
            .record({
              qualification: fc.oneof(
                fc.constantFrom("ocr-10265", "ocr-10268", "cg-600-1135-x", "wales-cco-l2"),
                fc.string(),
              ),
              units: fc.array(fc.oneof(fc.string(), fc.nat(60).map(String)), { maxLength: 20 }),
            })
            .map((x) => JSON.stringify(x)),
          fc
            .record(
              {
                role: fc.string(),
                experience: fc.string(),
                level: fc.integer({ min: -3, max: 12 }),
                age: fc.integer(),
              },
              { requiredKeys: [] },
            )
            .map((x) => JSON.stringify(x)),
          fc.string({ maxLength: 200 }),
        ),
        async (path, body) => {
          const r = await post(path, body);
          expect(r.status).toBeLessThan(500);
          if (r.status >= 400) expect((r.json as { error?: string }).error).toMatch(/\S/);
        },
      ),
      { numRuns: 300 },
    );
    console.log(`fuzzing: ${requests} requests, no 5xx, server alive, store intact`);
  }, 180_000);
});
