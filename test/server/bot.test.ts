import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, type Running, say, send, start, textOf } from "./harness.ts";

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

describe("POST /api/messages with expectReplies (real HTTP, lowdb)", () => {
  it("welcomes on conversationUpdate, then holds a conversation; every reply carries channelData.advice", async () => {
    const c = "conv-full";
    const hello = await send(
      s.url,
      activity(c, { type: "conversationUpdate", membersAdded: [{ id: `user-${c}`, name: "Learner" }] }),
    );
    expect(hello.status).toBe(200);
    expect(textOf(hello.activities)).toMatch(/Who am I talking to/);
    expect(hello.activities[0]?.suggestedActions?.actions.map((x) => x.value)).toEqual([
      "I'm a learner",
      "I work in a contact centre",
      "I'm a careers adviser",
    ]);
    const r1 = await say(s.url, c, "I'm a team leader, been here 3 years, got my NVQ 2");
    expect(textOf(r1.activities)).toMatch(/Got it: Contact Centre Team Leader; 3 years; Level 2/);
    for (const a of r1.activities)
      expect(a.channelData.advice.profile.role).toBe("Contact Centre Team Leader");
    const r2 = await say(s.url, c, "no");
    const recommend = r2.activities.find(
      (a) => a.attachments?.[0]?.contentType === "application/vnd.microsoft.card.adaptive",
    );
    expect(recommend?.attachments?.[0]?.content.version).toBe("1.5");
    expect(recommend?.channelData.advice.recommendations[0].qualificationId).toBe("ocr-10268");
    // The Level 3 NVQ's credit values are mostly in no source: the bot says so instead of a padded plan.
    const r3 = await say(s.url, c, "plan 10268");
    expect(textOf(r3.activities)).toMatch(/can't work out a plan for it from our sources/);
    const r4 = await say(s.url, c, "plan 10265");
    expect(
      r4.activities.some((a) =>
        JSON.stringify(a.attachments ?? []).includes(
          "Rules engine verdict: nothing broken, but not confirmed from our sources.",
        ),
      ),
    ).toBe(true);
  });

  it("answers a question where it is asked (issue 16: 5): 'can she do the IQ level 2 NVQ?' at 17, then back to the question", async () => {
    const c = "conv-eligibility";
    await say(s.url, c, "I'm a careers adviser");
    await say(s.url, c, "Amy");
    await say(s.url, c, "she is 17, not working, lives in England");
    const r = await say(s.url, c, "can she do the IQ level 2 NVQ?");
    const text = textOf(r.activities);
    expect(text).toMatch(
      /No for IQ Level 2 NVQ Certificate:\s+(?:• )?the minimum age is 18 \(“Min Age From 18”\), and she is 17/,
    );
    expect(text).toMatch(/Operational End Date 31\/12\/2013/);
    expect(text).toMatch(/\nAnd how long has Amy worked/);
    expect(r.activities.every((a) => a.channelData.advice.plan === undefined)).toBe(true);
    const d = await say(
      s.url,
      c,
      "how many credits is the welsh apprenticeship and what essential skills do i need",
    );
    expect(textOf(d.activities)).toMatch(/at least 53 credits in all/);
    expect(textOf(d.activities)).toMatch(
      /Essential Skills Wales Communication and Application of Number, each at Level 1/,
    );
  });

  it("takes the unit picker's submit (one comma-separated string per group) and checks it", async () => {
    const c = "conv-card";
    await say(s.url, c, "contact centre agent, 2 years, level 2, no apprenticeship");
    await say(s.url, c, "plan 10265");
    const picker = await say(s.url, c, "choose my own units");
    const card = picker.activities.find((a) => a.attachments?.length)?.attachments?.[0]?.content;
    expect(JSON.stringify(card)).toContain('"isMultiSelect":true');
    const submit = await send(
      s.url,
      activity(c, {
        value: { action: "checkUnits", qualificationId: "ocr-10265", units_A: "1,2", units_B: "10,18" },
      }),
    );
    const check = submit.activities.find((a) => a.channelData?.advice?.check)?.channelData.advice.check;
    expect(check.verdict).toBe("invalid");
    expect(check.units).toEqual(["1", "2", "10", "18"]);
    expect(check.violations.map((v: { rule: string }) => v.rule)).toContain("barred");
    const forged = await send(
      s.url,
      activity(c, { value: { action: "checkUnits", qualificationId: "nope", units: 5 } }),
    );
    expect(textOf(forged.activities)).toMatch(/out of date or wasn't one of mine/);
  });

  it("Teams: welcome when the bot is installed, @mention removed in channels, >3 choices on a card", async () => {
    const c = "19:teams-channel@thread.tacv2";
    const install = await send(
      s.url,
      activity(c, {
        channelId: "msteams",
        type: "conversationUpdate",
        membersAdded: [{ id: "advisor-bot", name: "Advisor" }],
      }),
    );
    expect(textOf(install.activities)).toMatch(/Who am I talking to/);
    const mention = await send(
      s.url,
      activity(c, {
        channelId: "msteams",
        text: "<at>Advisor</at> I'm a learner",
        entities: [
          { type: "mention", mentioned: { id: "advisor-bot", name: "Advisor" }, text: "<at>Advisor</at>" },
        ],
      }),
    );
    expect(textOf(mention.activities)).toMatch(/job role/);
    for (const t of ["blah", "blah"]) await send(s.url, activity(c, { channelId: "msteams", text: t }));
    // The second re-ask offers 6 role buttons: more than Teams' 3 suggested actions, so a card.
    const roles = await send(s.url, activity(c, { channelId: "msteams", text: "gibberish" }));
    expect(JSON.stringify(roles.activities)).toMatch(/Action.Submit|skip/);
  });

  it("parallel messages of one conversation are all processed; nothing is lost", async () => {
    const c = "conv-parallel";
    await say(s.url, c, "I'm a learner");
    const results = await Promise.all([
      say(s.url, c, "team leader"),
      say(s.url, c, "3 years"),
      say(s.url, c, "level 2"),
    ]);
    for (const r of results) expect(r.status).toBe(200);
    const after = await say(s.url, c, "help");
    expect(after.activities[0]?.channelData.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
  });

  it("delete my data removes the conversation from the store", async () => {
    const c = "conv-delete";
    await say(s.url, c, "team leader");
    const key = `webchat/conversations/${c}`;
    expect(Object.keys(await s.app.storage.read([key]))).toEqual([key]);
    await say(s.url, c, "delete my data");
    const done = await say(s.url, c, "yes");
    expect(textOf(done.activities)).toMatch(/deleted your data/);
    expect(await s.app.storage.read([key])).toEqual({});
  });

  it("a corrupt stored conversation is moved aside and that conversation starts over; others carry on", async () => {
    const { LowdbStorage } = await import("../../src/storage/lowdb-storage.ts");
    const { writeFileSync, readdirSync } = await import("node:fs");
    const { dirname } = await import("node:path");
    const first = await start();
    await say(first.url, "conv-ok", "team leader");
    await say(first.url, "conv-broken", "team leader");
    await first.stop(false);
    // Damage one file while the server is down (as a crash or a disk fault would); restart.
    const file = new LowdbStorage(`${first.dataDir}/state`).documents.fileOf(
      "webchat/conversations/conv-broken",
    );
    writeFileSync(file, "\u0000garbage");
    const second = await start({}, first.dataDir);
    const r = await say(second.url, "conv-broken", "hello");
    expect(r.status).toBe(200);
    expect(r.activities[0]?.channelData.advice.profile.role).toBeNull();
    expect(readdirSync(dirname(file)).some((f) => f.includes(".corrupt-"))).toBe(true);
    const ok = await say(second.url, "conv-ok", "3 years");
    expect(ok.activities[0]?.channelData.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
    });
    await second.stop();
  });

  it("state survives a restart of the server", async () => {
    const first = await start();
    const c = "conv-restart";
    await say(first.url, c, "team leader, 3 years");
    await first.stop(false);
    const second = await start({}, first.dataDir);
    const r = await say(second.url, c, "NVQ 2");
    expect(r.activities[0]?.channelData.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
    await second.stop();
  });
});

describe("authentication", () => {
  it.each([
    ["MultiTenant", { MicrosoftAppPassword: "not-a-real-secret" }],
    [
      "SingleTenant",
      {
        MicrosoftAppPassword: "not-a-real-secret",
        MicrosoftAppTenantId: "00000000-0000-0000-0000-0000000000aa",
      },
    ],
    ["UserAssignedMSI", { MicrosoftAppTenantId: "00000000-0000-0000-0000-0000000000aa" }],
  ] as const)(
    "%s: with MicrosoftAppId set, a request without a valid token gets 401 and touches no state",
    async (type, extra) => {
      const secured = await start({
        MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
        MicrosoftAppType: type,
        ...extra,
      });
      const c = `conv-auth-${type}`;
      const none = await send(secured.url, activity(c, { text: "team leader" }));
      expect(none.status).toBe(401);
      const forged = await send(secured.url, activity(c, { text: "team leader" }), {
        authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged",
      });
      expect(forged.status).toBe(401);
      expect(await secured.app.storage.read([`webchat/conversations/${c}`])).toEqual({});
      await secured.stop();
    },
  );

  it("with authentication off: listens on 127.0.0.1 only, and never sends replies to an address a caller names", async () => {
    expect((s.app.server.address() as { address: string }).address).toBe("127.0.0.1");
    const forged = await send(
      s.url,
      activity("conv-ssrf", {
        text: "hi",
        deliveryMode: "normal",
        serviceUrl: "http://169.254.169.254/latest",
      }),
    );
    expect(forged.status).toBe(400);
    expect(await s.app.storage.read(["webchat/conversations/conv-ssrf"])).toEqual({});
  });

  it("no typing indicator in an expectReplies response (the replies arrive together)", async () => {
    const res = await fetch(`${s.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity("conv-typing", { text: "hello" })),
    });
    const body = (await res.json()) as { activities: { type: string }[] };
    expect(body.activities.length).toBeGreaterThan(0);
    expect(body.activities.some((a) => a.type === "typing")).toBe(false);
  });

  it("health and readiness", async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: "alive" });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { catalogue: true, store: true } });
  });
});

describe("channels without cards, failures and configuration", () => {
  it("a channel without Adaptive Cards gets each card's content as text", async () => {
    const c = "conv-sms";
    await send(
      s.url,
      activity(c, { channelId: "sms", text: "contact centre agent, 2 years, level 2, no apprenticeship" }),
    );
    const r = await send(s.url, activity(c, { channelId: "sms", text: "plan 10265" }));
    expect(r.activities.some((a) => a.attachments?.length)).toBe(false);
    expect(textOf(r.activities)).toMatch(/quickest (valid )?way to complete OCR Level 2 NVQ/);
  });

  it("a failing turn: the user gets a plain apology with a reference, and nothing is stored", async () => {
    const { MemoryStorage } = await import("botbuilder");
    class BrokenStorage extends MemoryStorage {
      override async write(): Promise<void> {
        throw new Error("disk on fire");
      }
    }
    const broken = new BrokenStorage();
    const { Config } = await import("../../src/config.ts");
    const { createApp } = await import("../../src/server.ts");
    const { createLogger } = await import("../../src/log.ts");
    const app = await createApp(
      Config.parse({ PORT: "0", LOG_LEVEL: "silent", MicrosoftAppId: "", STORAGE: "memory" }),
      {
        storage: broken,
        log: createLogger("silent"),
      },
    );
    const url = await app.listen();
    const r = await say(url, "conv-broken-store", "team leader");
    expect(textOf(r.activities)).toMatch(/Sorry, something went wrong on my side \(reference [0-9a-f]{8}\)/);
    expect(await broken.read(["webchat/conversations/conv-broken-store"])).toEqual({});
    await app.close();
  });

  it("a bad setting stops start-up with a message naming it", async () => {
    const { loadConfig } = await import("../../src/config.ts");
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ STORAGE: "floppy" })).toThrow(/STORAGE/);
    expect(() =>
      loadConfig({ MicrosoftAppId: "x", MicrosoftAppType: "SingleTenant", MicrosoftAppPassword: "p" }),
    ).toThrow(/MicrosoftAppTenantId/);
    expect(loadConfig({}).PORT).toBe(3978);
    expect(loadConfig({}).STORAGE).toBe("lowdb");
  });
});
