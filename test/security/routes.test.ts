import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Running, start } from "../server/harness.ts";

/** `path` with some of its letters percent-encoded (upper or lower case hex), as the router still matches it. */
const encodedSpellings = (path: string) =>
  fc.array(fc.boolean(), { minLength: path.length, maxLength: path.length }).chain((which) =>
    fc.boolean().map((upper) =>
      [...path]
        .map((ch, i) => {
          if (!which[i] || !/[a-z]/.test(ch)) return ch;
          const hex = ch.charCodeAt(0).toString(16);
          return `%${upper ? hex.toUpperCase() : hex}`;
        })
        .join(""),
    ),
  );

async function hits(s: Running, method: string, path: string): Promise<number> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(method === "POST" ? { body: "{}" } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the rate limit applies to the route matched, however its path is spelt", () => {
  it("/%61pi/check, /api/%70lan and /%64irectline/tokens/generate are limited like the plain paths", async () => {
    const s = await start({ RATE_LIMIT_PER_MINUTE: "3" });
    for (const [method, plain, encoded] of [
      ["POST", "/api/check", "/%61pi/check"],
      ["POST", "/api/plan", "/api/%70lan"],
      ["GET", "/api/qualifications", "/%61pi/%71ualifications"],
      ["POST", "/directline/tokens/generate", "/%64irectline/tokens/generate"],
    ] as const) {
      // The encoded spelling reaches the route (not 404)...
      expect(await hits(s, method, encoded), encoded).not.toBe(404);
      // ...and the limit is reached whichever spelling is used.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await hits(s, method, i % 2 ? plain : encoded));
      expect(statuses.slice(-3), `${encoded}: ${statuses}`).toEqual([429, 429, 429]);
    }
    await s.stop();
  });

  it("any percent-encoded spelling of a limited route counts against the same limit (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom("/api/check", "/api/recommend", "/directline/tokens/generate")
          .chain((path) => fc.array(encodedSpellings(path), { minLength: 4, maxLength: 4 })),
        async (spellings) => {
          const s = await start({ RATE_LIMIT_PER_MINUTE: "2" });
          try {
            const statuses: number[] = [];
            for (const p of spellings) statuses.push(await hits(s, "POST", p));
            // Two requests a minute: the third and fourth are refused, whatever the spelling.
            expect(statuses.slice(2), `${spellings}`).toEqual([429, 429]);
          } finally {
            await s.stop();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
