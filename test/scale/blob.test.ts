import { BlobsStorage } from "botbuilder-azure-blobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../server/harness.ts";
import { type Azurite, startAzurite } from "./azurite.ts";
import { type ServerProcess, startServerProcess } from "./process.ts";

let azurite: Azurite;
let a: ServerProcess;
let b: ServerProcess;
const CONTAINER = "advisor-state";

beforeAll(async () => {
  azurite = await startAzurite();
  const env = {
    STORAGE: "blob",
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: CONTAINER,
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await azurite?.stop();
});

describe("two instances sharing Azure Blob storage (Azurite)", () => {
  it("one conversation alternating between the instances turn by turn ends with the right recommendation and plan", async () => {
    const c = "multi-alternate";
    const turns: [ServerProcess, string][] = [
      [a, "I'm a learner"],
      [b, "customer service advisor"],
      [a, "2 years"],
      [b, "GCSEs"],
      [a, "no"],
    ];
    let last = await say(a.url, c, "hello");
    for (const [server, text] of turns) last = await say(server.url, c, text);
    expect(
      last.activities.find((x) => x.channelData?.advice?.recommendations)?.channelData.advice
        .recommendations[0].qualificationId,
    ).toBe("ocr-10265");
    const plan = await say(b.url, c, "plan 10265");
    expect(textOf(plan.activities) + JSON.stringify(plan.activities)).toMatch(
      /Plan: OCR Level 2 NVQ Certificate/,
    );
    const done = await say(a.url, c, "looks good");
    expect(textOf(done.activities)).toMatch(/Your next step: OCR Level 2 NVQ Certificate/);
  }, 60_000);

  it("messages of one conversation sent to both instances at once are all processed; no change is lost", async () => {
    for (let round = 0; round < 3; round++) {
      const c = `multi-parallel-${round}`;
      await say(a.url, c, "I'm a learner");
      const results = await Promise.all([
        say(a.url, c, "team leader"),
        say(b.url, c, "3 years"),
        say(a.url, c, "level 2"),
        say(b.url, c, "I don't want an apprenticeship"),
      ]);
      for (const r of results) {
        expect(r.status).toBe(200);
        expect(r.activities.length).toBeGreaterThan(0);
      }
      const after = await say(b.url, c, "help");
      expect(after.activities[0]?.channelData.advice.profile).toMatchObject({
        role: "Contact Centre Team Leader",
        experienceMonths: 36,
        level: 2,
        apprenticeship: false,
      });
    }
    const retried = (a.logs() + b.logs())
      .split("\n")
      .filter((l) => l.includes("turn retried after an eTag conflict")).length;
    console.log(`eTag conflicts detected and retried across the two instances: ${retried}`);
  }, 60_000);

  it("ids Azure Blob names would merge stay apart (abc, /abc, abc/; a common 1,024-character prefix); a lone surrogate is refused", async () => {
    const long = "é".repeat(300);
    const ids = ["blob-abc", "/blob-abc", "blob-abc/", `${long}-a`, `${long}-b`];
    const roles = [
      "team leader",
      "customer service advisor",
      "sales advisor",
      "team leader",
      "sales advisor",
    ];
    for (const [i, id] of ids.entries()) {
      const r = await say(i % 2 ? a.url : b.url, id, roles[i] as string);
      expect(r.status).toBe(200);
    }
    const seen: unknown[] = [];
    for (const id of ids)
      seen.push((await say(a.url, id, "help")).activities[0]?.channelData.advice.profile.role);
    expect(seen).toEqual([
      "Contact Centre Team Leader",
      "Customer Service Advisor",
      "Sales Advisor",
      "Contact Centre Team Leader",
      "Sales Advisor",
    ]);
    // Refused with a message (it used to fail every turn on Azure Blob, with an apology).
    const lone = await say(b.url, "blob-\ud800", "hello");
    expect(lone.status).toBe(400);
  }, 60_000);

  it("delete my data removes the conversation's blob", async () => {
    const c = "multi-delete";
    await say(a.url, c, "team leader");
    const store = new BlobsStorage(azurite.connectionString, CONTAINER);
    const key = `webchat/conversations/${c}`;
    expect(Object.keys(await store.read([key]))).toEqual([key]);
    await say(b.url, c, "delete my data");
    await say(a.url, c, "yes");
    expect(await store.read([key])).toEqual({});
  }, 60_000);
});
