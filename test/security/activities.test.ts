import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, type Running, start } from "../server/harness.ts";

let open: Running;
let secured: Running;
beforeAll(async () => {
  [open, secured] = await Promise.all([
    start(),
    start({
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppType: "MultiTenant",
      MicrosoftAppPassword: "not-a-real-secret",
    }),
  ]);
});
afterAll(() => Promise.all([open?.stop(), secured?.stop()]));

async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : {}) as { error?: string; issues?: { path: string }[] },
  };
}
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  postRaw(url, JSON.stringify(body), headers);

describe("malformed activities: 400 naming the field, not an apology for a failed turn", () => {
  it.each([
    ["membersAdded", { type: "conversationUpdate", membersAdded: "x" }],
    ["membersAdded.0.id", { type: "conversationUpdate", membersAdded: [{ name: "no id" }] }],
    ["membersRemoved", { type: "conversationUpdate", membersRemoved: 5 }],
    ["entities", { entities: "x" }],
    [
      "entities.0.mentioned",
      { text: "<at>Advisor</at> hi", entities: [{ type: "mention", text: "<at>Advisor</at>" }] },
    ],
    ["entities.0.type", { entities: [{ nope: 1 }] }],
    ["attachments", { attachments: { contentType: "x" } }],
    ["value", { value: 42 }],
    ["value", { value: ["a", "b"] }],
    ["value", { value: { action: "checkUnits", units: "x".repeat(9000) } }],
    ["value", { value: JSON.parse(`${'{"a":'.repeat(20)}1${"}".repeat(20)}`) }],
    ["locale", { locale: 7 }],
    ["channelId", { channelId: "webchat/conversations/x" }],
  ])("%s", async (field, fields) => {
    const r = await post(open.url, activity("malformed", fields as never));
    expect(r.status).toBe(400);
    expect(r.body.issues?.map((i) => i.path)).toContain(field);
  });

  it("well-formed ones still work: a mention with its target, a card submit, a welcome", async () => {
    const hello = await post(
      open.url,
      activity("well-formed", {
        type: "conversationUpdate",
        membersAdded: [{ id: "user-well-formed", name: "Learner" }],
      }),
    );
    expect(hello.status).toBe(200);
    const mention = await post(
      open.url,
      activity("well-formed", {
        text: "<at>Advisor</at> I'm a learner",
        entities: [
          { type: "mention", mentioned: { id: "advisor-bot", name: "Advisor" }, text: "<at>Advisor</at>" },
        ],
      }),
    );
    expect(mention.status).toBe(200);
    const submit = await post(
      open.url,
      activity("well-formed", { value: { action: "checkUnits", units: "1,2" } }),
    );
    expect(submit.status).toBe(200);
  });
});

describe("authentication on: an unauthenticated request gets 401 whatever its body", () => {
  it.each([
    ["no type", { conversation: { id: "c" } }],
    ["an empty object", {}],
    ["an array", []],
    ["a number", 5],
    ["malformed fields", { type: "message", membersAdded: "x", conversation: { id: "\ud800" } }],
    ["a valid activity", activity("auth", { text: "hello" })],
  ])("%s: 401 without a token, 401 with a forged one", async (_name, body) => {
    expect((await post(secured.url, body)).status).toBe(401);
    const forged = await post(secured.url, body, { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged" });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatch(/Bot Framework token/);
  });

  it("malformed JSON from an unauthenticated caller: 401 before the body is read", async () => {
    expect((await postRaw(secured.url, "{not json")).status).toBe(401);
  });
});
