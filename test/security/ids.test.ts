import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentStore } from "../../src/storage/document-store.ts";
import { documentKey, isWellFormed } from "../../src/storage/keys.ts";
import { activity, type Running, send, start } from "../server/harness.ts";

// The function BlobsStorage names its blobs with (botbuilder-azure-blobs), the real one.
const { sanitizeBlobKey } = createRequire(import.meta.url)("botbuilder-azure-blobs/lib/sanitizeBlobKey") as {
  sanitizeBlobKey: (key: string) => string;
};

const channel = fc.oneof(
  fc.constantFrom("webchat", "msteams", "directline", "emulator", "sms"),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
);
/** Conversation ids, ordinary and odd: slashes anywhere, "~", long multi-byte ids, any Unicode. */
const conversationId = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    fc
      .tuple(
        fc.constantFrom("", "/", "//", "~", "~/"),
        fc.constantFrom("abc", "a:b@thread.tacv2", "~x"),
        fc.constantFrom("", "/", "//"),
      )
      .map(([a, b, c]) => a + b + c),
    fc
      .tuple(
        fc.constantFrom("é", "漢", "😀", "a", "%"),
        fc.integer({ min: 300, max: 512 }),
        fc.string({ maxLength: 3 }),
      )
      .map(([ch, n, tail]) => ch.repeat(n) + tail),
  )
  .filter(isWellFormed);

describe("conversation ids → storage keys: injective for every store (property)", () => {
  const store = new DocumentStore("/nonexistent/state");
  it("distinct (channel, id) pairs: distinct keys, distinct blob names (uncut, no segment dropped), distinct files", () => {
    fc.assert(
      fc.property(channel, conversationId, channel, conversationId, (c1, id1, c2, id2) => {
        fc.pre(c1 !== c2 || id1 !== id2);
        const k1 = documentKey(c1, "conversations", id1);
        const k2 = documentKey(c2, "conversations", id2);
        expect(k1).not.toBe(k2);
        // BlobsStorage keeps the whole key: nothing dropped, nothing cut at 1,024 characters.
        for (const k of [k1, k2]) expect(sanitizeBlobKey(k)).toBe(encodeURIComponent(k));
        expect(sanitizeBlobKey(k1)).not.toBe(sanitizeBlobKey(k2));
        expect(store.fileOf(k1)).not.toBe(store.fileOf(k2));
      }),
      { numRuns: 3000 },
    );
  });

  it("the cases reported: abc, /abc, abc/; a long common prefix; U+FFFD beside a lone surrogate", () => {
    const keys = [
      "abc",
      "/abc",
      "abc/",
      "//abc",
      "~abc",
      `${"é".repeat(400)}a`,
      `${"é".repeat(400)}b`,
      "\ufffd",
    ].map((id) => documentKey("webchat", "conversations", id));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.map(sanitizeBlobKey)).size).toBe(keys.length);
    // Ordinary ids keep the key they always had (documents stored before stay where they are).
    expect(documentKey("msteams", "conversations", "19:abc@thread.tacv2;messageid=1")).toBe(
      "msteams/conversations/19:abc@thread.tacv2;messageid=1",
    );
    expect(() => documentKey("webchat", "conversations", "\ud800")).toThrow(/well-formed/);
    expect(() => new DocumentStore("/x").fileOf("webchat/conversations/\ud800")).toThrow(/well-formed/);
  });
});

describe("ids over real HTTP (lowdb)", () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.stop());

  it("an id that is not well-formed Unicode is refused (400, naming the field); U+FFFD is its own conversation", async () => {
    for (const [field, fields] of [
      ["conversation.id", { conversation: { id: "abc\ud800" } }],
      ["from.id", { from: { id: "\udc00x", name: "x" } }],
      ["membersAdded.0.id", { type: "conversationUpdate", membersAdded: [{ id: "\ud800", name: "x" }] }],
    ] as const) {
      const r = await fetch(`${s.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity("lone", fields as never)),
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(await r.json())).toContain(field);
    }
    // The two ids that used to share a file: one is refused above, the other is a conversation of its own.
    await send(s.url, activity("abc\ufffd", { text: "team leader" }));
    const other = await send(s.url, activity("abc", { text: "hello" }));
    expect(other.activities[0]?.channelData.advice.profile.role).toBeNull();
    const back = await send(s.url, activity("abc\ufffd", { text: "3 years" }));
    expect(back.activities[0]?.channelData.advice.profile.role).toBe("Contact Centre Team Leader");
  });

  it("abc, /abc and abc/ are three conversations", async () => {
    const roles = ["team leader", "customer service advisor", "sales advisor"];
    const ids = ["abc-slash", "/abc-slash", "abc-slash/"];
    for (const [i, id] of ids.entries()) await send(s.url, activity(id, { text: roles[i] }));
    const seen = [];
    for (const id of ids)
      seen.push(
        (await send(s.url, activity(id, { text: "help" }))).activities[0]?.channelData.advice.profile.role,
      );
    expect(new Set(seen).size).toBe(3);
  });
});
