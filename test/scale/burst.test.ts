import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, say, start, textOf } from "../server/harness.ts";

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

const FACTS: [string, RegExp][] = [
  ["team leader", /Contact Centre Team Leader/],
  ["3 years", /3 years/],
  ["level 2", /Level 2/],
  ["I don't want an apprenticeship", /not looking for an apprenticeship/],
];

describe("bursts of parallel turns (lowdb)", () => {
  it("on one conversation and on many at once: every turn processed, nothing lost, no reply twice", async () => {
    const conversations = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    await Promise.all(conversations.map((c) => say(s.url, c, "I'm a learner")));
    const results = await Promise.all(
      conversations.flatMap((c) =>
        FACTS.map(async ([text, mark]) => ({ c, text, mark, r: await say(s.url, c, text) })),
      ),
    );
    for (const { r, mark, text } of results) {
      expect(r.status).toBe(200);
      // Each reply acknowledges its own message...
      expect(textOf(r.activities), text).toMatch(mark);
    }
    // ...and no other: each fact is acknowledged in exactly one response of its conversation.
    for (const c of conversations) {
      for (const [, mark] of FACTS) {
        const acks = results.filter(
          (x) =>
            x.c === c &&
            /Got it|Updated/.test(textOf(x.r.activities)) &&
            new RegExp(`Got it:[^\\n]*${mark.source}`).test(textOf(x.r.activities)),
        );
        expect(acks.length, `${c} ${mark}`).toBe(1);
      }
      const after = await say(s.url, c, "help");
      expect(after.activities[0]?.channelData.advice.profile).toMatchObject({
        role: "Contact Centre Team Leader",
        experienceMonths: 36,
        level: 2,
        apprenticeship: false,
      });
    }
    console.log(
      `burst: ${results.length} parallel turns over ${conversations.length} conversations, none lost`,
    );
  }, 120_000);
});
