import { describe, expect, it } from "vitest";
import { INITIAL_ANSWERS } from "../../dialogs/actions/common.ts";
import { recommendationCard, recommendFor } from "../../dialogs/advice.ts";
import { english } from "../../dialogs/messages/en.ts";
import { recordText } from "../../dialogs/messages/record.ts";
import type { Answers, Reply } from "../../dialogs/types.ts";
import { Conversation, services } from "./conversation.ts";

// Persona review 1, problem 10: careers advisers, parents and managers write about someone else, and
// were answered as if they were the learner ("Recommended for you", "your level", "as you are",
// "Ask a centre … to register you"). The replies speak of the learner; a learner is still "you".

const SECOND_PERSON = /\b(you|your|yours)\b/i;

/** Every text a card reply carries: its plain text and the words and data its Adaptive Card shows. */
function cardWords(r: Reply): string {
  return r.kind === "card" ? `${r.text}\n${JSON.stringify(r.card)}` : "";
}
const cardReply = (c: Conversation, type: string): Reply | undefined =>
  c.last.replies.find((r) => r.kind === "card" && r.card.type === type);

/** An adviser's session about a learner: recommendations, a plan, a check with a broken rule, the record. */
function adviserSession(name: string | null) {
  const c = new Conversation();
  c.say("I'm a careers adviser");
  c.say(name ?? "skip");
  const asked = c.text;
  c.say("customer service advisor for 18 months, working in a contact centre");
  c.say("GCSEs");
  for (let i = 0; i < 6 && c.last.stateName.startsWith("gathering"); i++) c.say("no");
  const recommendations = cardReply(c, "recommendations");
  c.say("plan 10265");
  const plan = cardReply(c, "plan");
  c.say("check units 1 2 4 9 10 18 in 10265");
  const check = cardReply(c, "check");
  const checkText = c.text;
  c.say("what comes after 10265?");
  const next = c.text;
  c.say("session record");
  const record = c.card("sessionRecord");
  return { c, asked, recommendations, plan, check, checkText, next, record };
}

describe("the person an adviser's replies speak of (persona review 1, problem 10)", () => {
  it("an adviser with a named learner: Jake, never 'you', in recommendations, plan, check and record", () => {
    const s = adviserSession("Jake");
    expect(s.asked).toMatch(/What is Jake's job role\?/);
    expect(s.recommendations).toBeDefined();
    const recommendations = cardWords(s.recommendations as Reply);
    expect(recommendations).toMatch(/Recommended for Jake/);
    expect(recommendations).toMatch(/Here's what I'd suggest for Jake/);
    expect(recommendations).toMatch(/It is at Level 2, the right level for Jake:/);
    // ("OCR names Jake's role…" would repeat the level's reason and its quote: said once.)
    expect(recommendations).toMatch(/OCR's NVQ datasheet lists Customer Service Advisor among the job roles/);
    expect(recommendations).not.toMatch(/OCR names Jake's role/);
    expect(recommendations).toMatch(/for people in contact-centre work now, as Jake is\./);
    expect(recommendations).toMatch(
      /Ask a centre approved by OCR to register Jake, and plan Jake's units with me\./,
    );
    expect(recommendations).not.toMatch(SECOND_PERSON);

    expect(s.plan).toBeDefined();
    expect(cardWords(s.plan as Reply)).not.toMatch(SECOND_PERSON);

    expect(s.check).toBeDefined();
    const check = cardWords(s.check as Reply);
    expect(check).toMatch(/Checking Jake's units for OCR Level 2 NVQ/);
    expect(check).toMatch(/Jake may take either, but not both/);
    expect(check).not.toMatch(SECOND_PERSON);
    // The rule's own wording is quoted as the awarding body wrote it.
    expect(check).toMatch(/a candidate may take either, but not both/);

    expect(s.next).not.toMatch(/\byou took\b|\byour units\b|if you hold/);

    expect(s.record?.title).toBe("Session record: Jake");
    const record = s.record ? recordText(s.record) : "";
    expect(record).toMatch(/the right level for Jake/);
    expect(record).toMatch(/register Jake/);
    expect(record).not.toMatch(SECOND_PERSON);
  });

  it("an adviser who gives no name: 'the learner', never 'you'", () => {
    const s = adviserSession(null);
    expect(s.asked).toMatch(/What is the learner's job role\?/);
    const recommendations = cardWords(s.recommendations as Reply);
    expect(recommendations).toMatch(/Recommended for the learner/);
    expect(recommendations).toMatch(/It is at Level 2, the right level for the learner:/);
    expect(recommendations).toMatch(/as the learner is\./);
    expect(recommendations).toMatch(/to register the learner/);
    expect(recommendations).not.toMatch(SECOND_PERSON);
    expect(cardWords(s.plan as Reply)).not.toMatch(SECOND_PERSON);
    const check = cardWords(s.check as Reply);
    expect(check).toMatch(/Checking the learner's units/);
    expect(check).toMatch(/The learner|the learner may take either/);
    expect(check).not.toMatch(SECOND_PERSON);
    expect(s.record?.title).toBe("Session record");
    expect(s.record ? recordText(s.record) : "").not.toMatch(SECOND_PERSON);
  });

  it("a parent writing about her son is answered about him, by name", () => {
    const c = new Conversation();
    c.say("my son Jake is 17, he's a customer service advisor in a call centre, 6 months, GCSEs");
    expect(c.last.advice.profile.userKind).toBe("adviser");
    for (let i = 0; i < 6 && c.last.stateName.startsWith("gathering"); i++) c.say("no");
    const recommendations = cardWords(cardReply(c, "recommendations") as Reply);
    expect(recommendations).toMatch(/Recommended for Jake/);
    expect(recommendations).not.toMatch(SECOND_PERSON);
  });

  it("an adviser's eligibility answer speaks of the learner", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("Jake");
    c.say("not working yet, no experience");
    c.say("can I do the OCR level 2 NVQ?");
    expect(c.text).toMatch(/^No for OCR Level 2 NVQ Certificate:.*Jake is not working in one/m);
    expect(c.text).not.toMatch(/\byou are\b|\byour\b/);
  });

  it("a learner is still 'you'", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("customer service advisor for 18 months, working in a contact centre");
    c.say("GCSEs");
    for (let i = 0; i < 6 && c.last.stateName.startsWith("gathering"); i++) c.say("no");
    const recommendations = cardWords(cardReply(c, "recommendations") as Reply);
    expect(recommendations).toMatch(/Recommended for you/);
    expect(recommendations).toMatch(/Here's what I'd suggest for you/);
    expect(recommendations).toMatch(/It is at Level 2, the right level for you:/);
    expect(recommendations).toMatch(/as you are\./);
    expect(recommendations).toMatch(/to register you, and plan your units with me\./);
    c.say("check units 1 2 4 9 10 18 in 10265");
    expect(c.text).toMatch(/Checking your units for OCR Level 2 NVQ/);
    expect(c.text).toMatch(/you may take either, but not both/);
  });

  // Every reason, caution and next step the domain writes, for a spread of profiles, spoken of Jake.
  it("no recommendation the domain can make says 'you' to an adviser", () => {
    const m = english({ person: "learner", name: "Jake" });
    const base: Answers = {
      ...INITIAL_ANSWERS,
      userKind: "adviser",
      learnerName: "Jake",
      learnerNameAsked: true,
    };
    const held = [[], ["ocr-10265"], ["ocr-10268"]];
    let seen = 0;
    for (const role of [null, "Contact Centre Agent", "Contact Centre Team Leader", "Contact Centre Manager"])
      for (const experience of [0, 6, 36])
        for (const level of [0, 2, 3])
          for (const working of [true, false])
            for (const apprenticeship of [true, undefined])
              for (const nation of ["England", "Wales"] as const)
                for (const qualificationsHeld of held) {
                  const a: Answers = {
                    ...base,
                    role,
                    experienceMonths: experience,
                    level,
                    working,
                    ...(apprenticeship !== undefined ? { apprenticeship } : {}),
                    nation,
                    age: 17,
                    qualificationsHeld,
                  };
                  const card = recommendationCard(services, m, recommendFor(services, a, "2026-11-22"), 12);
                  const words = [
                    ...card.items.flatMap((x) => [...x.reasons, ...x.cautions].map((y) => y.text)),
                    ...card.items.map((x) => x.nextStep),
                    ...card.notOffered.map((x) => x.reason),
                  ];
                  seen += words.length;
                  for (const w of words) expect(w, w).not.toMatch(SECOND_PERSON);
                }
    expect(seen).toBeGreaterThan(500);
  });
});
