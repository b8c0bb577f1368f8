import { describe, expect, it } from "vitest";
import { recordText } from "../../dialogs/messages/record.ts";
import { Conversation } from "./conversation.ts";

// Issue 16: the transcripts quoted in the issue, driven through the real turn function.

describe("issue 16: units held count everywhere", () => {
  it("'got OCR 10265 (units 1 2 3 4 8 9 25) … quickest way to the L3 NVQ': the Level 3 NVQ, with the units carried", () => {
    const c = new Conversation();
    c.say(
      "got OCR 10265 (units 1 2 3 4 8 9 25) and I'm a team leader 2 years. quickest way to the L3 NVQ using what I've got?",
    );
    expect(c.last.advice.profile.unitsHeld).toEqual([
      { qualificationId: "ocr-10265", units: ["1", "2", "3", "4", "8", "9", "25"] },
    ]);
    // The Level 3 NVQ that follows the one held; the learner's level stays the one they hold.
    expect(c.last.advice.profile.level).toBe(2);
    expect(c.last.stateName).toBe("planning");
    // 2 → 1, 8 → 16, 9 → 13 (as `advisor progress` carries them): never added as new units.
    const plan = c.last.advice.plan;
    expect(plan?.qualificationId).toBe("ocr-10268");
    expect(plan?.have).toEqual(["1", "13", "16"]);
    expect(plan?.add).toEqual([]);
    expect(plan?.verdict).toBe("undetermined");
    expect(c.text).toMatch(/The units you hold count towards it as its units 1, 13 and 16\./);
    c.say("which of my units count?");
    expect(c.text).toMatch(/14 credits carried/);
    expect(c.text).toMatch(/unit 8 \(Deal with incidents through a contact centre\) → unit 16/);
  });

  it("'I have units 1, 2, 4 and 9' after the bot's own example: units held of the NVQ held, never a check of it", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("I have the OCR level 2 NVQ 10265, what comes next?");
    expect(c.text).toMatch(/I have units 1, 2, 4 and 9/);
    c.say("I have units 1, 2, 4 and 9");
    expect(c.last.stateName).not.toBe("askQualification");
    expect(c.last.stateName).not.toBe("checking");
    expect(c.text).not.toMatch(/rules? (is|are) broken/);
    expect(c.text).toMatch(/you hold units 1, 2, 4 and 9 of OCR Level 2 NVQ/);
    expect(c.text).toMatch(/unit 9 \(Support customers .*\) → unit 13/);
    c.say("plan 10268");
    expect(c.last.advice.plan?.have).toEqual(["1", "13"]);
  });

  it("'Units were T/503/0342, D/503/0352, K/503/0385': QCF references are understood as units held", () => {
    const c = new Conversation();
    c.say("I have the OCR level 2 NVQ 10265");
    c.say("Units were T/503/0342, D/503/0352, K/503/0385");
    expect(c.text).not.toMatch(/didn't say which units/);
    expect(c.last.advice.profile.unitsHeld).toEqual([
      { qualificationId: "ocr-10265", units: ["1", "2", "4"] },
    ]);
    c.say("which of my units count?");
    expect(c.text).not.toMatch(/didn't say which units/);
    expect(c.text).toMatch(/unit 2 \(Comply with health and safety .*\) → unit 1/);
  });

  it("units held of the qualification being planned are kept in its plan and in a check", () => {
    const c = new Conversation();
    c.say("plan 10265");
    c.say("I've already done units 12 and 14");
    expect(c.last.stateName).toBe("planning");
    expect(c.last.advice.plan?.have).toEqual(["12", "14"]);
    expect(
      c
        .card("plan")
        ?.units.filter((u) => u.held)
        .map((u) => u.unit),
    ).toEqual(["12", "14"]);
    c.say("check units 1 2 4 9");
    expect(c.last.advice.check?.units).toEqual(expect.arrayContaining(["1", "2", "4", "9", "12", "14"]));
    expect(c.text).toMatch(/Counted as held .*: 12 and 14/);
  });

  it("units held given before their qualification: asks which it is from, and takes 'OCR' style answers", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("I've done units 1, 2 and 4");
    expect(c.last.stateName).toBe("askQualification");
    expect(c.text).toMatch(/Which qualification are these units from/);
    c.say("the ocr level 2 nvq");
    expect(c.last.advice.profile.unitsHeld).toEqual([
      { qualificationId: "ocr-10265", units: ["1", "2", "4"] },
    ]);
    expect(c.last.stateName).toBe("planning");
    expect(c.last.advice.plan?.have).toEqual(["1", "2", "4"]);
  });
});

describe("issue 16: editing units", () => {
  const planned = () => {
    const c = new Conversation();
    c.say("team leader 3 years");
    c.say("plan 10265");
    expect(c.card("plan")?.units.map((u) => u.unit)).toEqual(["1", "2", "4", "5", "6", "9", "16"]);
    return c;
  };

  it("'swap 16 for selling by telephone - inbound' edits the plan: the rest is kept", () => {
    const c = planned();
    c.say("swap 16 for selling by telephone - inbound");
    expect(c.text).toMatch(/Changed your units: took out 16; added 21/);
    expect(c.last.advice.check?.units).toEqual(["1", "2", "4", "5", "6", "9", "21"]);
  });

  it("'swap 18 for …' where 18 is not chosen says so and still adds the other", () => {
    const c = planned();
    c.say("swap 18 for selling by telephone - inbound");
    expect(c.text).toMatch(/Unit 18 wasn't in your selection/);
    expect(c.last.advice.check?.units).toEqual(["1", "2", "4", "5", "6", "9", "16", "21"]);
  });

  it("'add unit 12 and remove 10' does both; two unit titles in one message are both read", () => {
    const c = new Conversation();
    c.say("check ocr-10265 units 1 2 4 10 18");
    c.say("add unit 12 and remove 10");
    const sorted = () => [...(c.last.advice.check?.units ?? [])].sort((a, b) => Number(a) - Number(b));
    expect(sorted()).toEqual(["1", "2", "4", "12", "18"]);
    c.say("add deal with incidents through a contact centre and resolve customer service problems");
    expect(sorted()).toEqual(["1", "2", "4", "8", "12", "18", "25"]);
  });

  it("an edit naming a unit the qualification does not have changes nothing, and says why", () => {
    const c = planned();
    c.say("add unit 45");
    expect(c.text).toMatch(/couldn't use all of those units/);
    c.say("looks good");
    expect(c.last.stateName).toBe("wrapUp");
  });

  it("'Apply the smallest fix … keeps your units' keeps them and names what it takes out", () => {
    const c = new Conversation();
    c.say("check ocr-10265 units 1 2 4 10 18 20");
    c.say("apply the fix");
    const units = c.last.advice.check?.units ?? [];
    for (const kept of ["1", "2", "4", "20"]) expect(units).toContain(kept);
    expect(units.filter((u) => u === "10" || u === "18")).toHaveLength(1);
    expect(c.text).toMatch(/took out (10|18), which the rules don't allow/);
  });
});

describe("issue 16: every question resumes where it was", () => {
  it("'OCR' and 'nah' to 'which one do you mean?' are read as answers to it", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("which units are in the level 3 nvq");
    expect(c.text).toMatch(/Which one do you mean/);
    c.say("OCR");
    expect(c.text).toMatch(/OCR Level 3 NVQ Diploma in Contact Centre Operations has 49 units/);
    expect(c.text).toMatch(/\nAnd what's your job role/);
    c.say("which units are in the level 3 nvq");
    c.say("nah");
    expect(c.text).toMatch(/OK, none of those/);
    expect(c.text).toMatch(/job role/);
    expect(c.text).not.toMatch(/Who am I talking to/);
    expect(c.last.stateName).toBe("gathering.role");
  });

  it("a side question at the start goes back to the question, not the whole welcome", () => {
    const c = new Conversation();
    c.say("what does barred mean");
    expect(c.text).toMatch(/\nAnd who am I talking to/);
    expect(c.text).not.toMatch(/Hello! I help people/);
  });

  it("'england' given to 'how long have you worked…' is kept, and the question asked again once, politely", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("customer service advisor");
    expect(c.last.stateName).toBe("gathering.experience");
    c.say("england");
    expect(c.last.advice.profile.nation).toBe("England");
    expect(c.text).toMatch(/And how long have you worked/);
    c.say("2 years");
    expect(c.last.advice.profile.experienceMonths).toBe(24);
  });
});

describe("issue 16: corrections and questions", () => {
  it("'actually he doesn't want an apprenticeship now' updates profile, advice and record, and says so", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("Marcus");
    c.say("he's an agent, 1 year, GCSEs, wants an apprenticeship, lives in England");
    while (c.last.stateName.startsWith("gathering")) c.say("skip");
    c.say("plan 10265");
    c.say("actually he doesn't want an apprenticeship now");
    expect(c.text).toMatch(/Updated: apprenticeship interest .* → not looking for an apprenticeship/);
    expect(c.last.advice.profile.apprenticeship).toBe(false);
    c.say("session record");
    const record = c.card("sessionRecord");
    expect(record ? recordText(record) : "").toMatch(/^Apprenticeship: not interested$/m);
  });

  it("'ok plan the level 3 for me' plans the Level 3 qualification and leaves the level held alone", () => {
    const c = new Conversation();
    c.say("contact centre agent, 2 years, I have the OCR level 2 NVQ 10265");
    c.say("ok plan the level 3 for me");
    expect(c.last.advice.profile.level).toBe(2);
    expect(c.text).not.toMatch(/Level 2 → Level 3/);
    expect(c.last.advice.plan?.qualificationId).toBe("ocr-10268");
  });

  it("'whats unit 14 in the level 3 one' means the Level 3 qualification", () => {
    const c = new Conversation();
    c.say("plan 10265");
    c.say("whats unit 14 in the level 3 one");
    expect(c.text).toMatch(
      /unit 14 \(Maintain customer support operations in a contact centre\) — OCR Level 3/,
    );
  });

  it("a question is never stored as a fact: 'is there a minimum age for the NVQ' when asked the learner's name", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("is there a minimum age for the NVQ");
    expect(c.last.advice.profile.learnerName).toBeNull();
    expect(c.text).not.toMatch(/on the session record/);
  });
});

describe("issue 16: plans where credit values are unknown; channelData.advice.plan", () => {
  it("the Level 4 NVQ: no plan of every unit, no 'Looks good', the undetermined result as it is", () => {
    const c = new Conversation();
    c.say("plan ocr-10269");
    expect(c.card("plan")).toBeUndefined();
    expect(c.text).toMatch(/can't work out a plan for it from our sources/);
    expect(c.text).toMatch(/67 credits in all are needed/);
    expect(c.choices).not.toContain("looks good");
    expect(c.last.advice.plan).toEqual({
      qualificationId: "ocr-10269",
      have: [],
      add: [],
      verdict: "undetermined",
      mandatory: ["1", "2"],
    });
  });

  it("a plan shown carries {qualificationId, have, add, verdict}, units by the qualification's own numbers", () => {
    const c = new Conversation();
    c.say("plan iq-600-5106-1");
    const plan = c.last.advice.plan;
    expect(plan?.qualificationId).toBe("iq-600-5106-1");
    expect(plan?.have).toEqual([]);
    // IQ's units have no numbers: QCF references.
    expect(plan?.add.every((x) => /^[A-Z]\/\d{3}\/\d{4}$/.test(x))).toBe(true);
    expect(plan?.verdict).toBe("unconfirmed");
    c.say("plan 10265");
    expect(c.last.advice.plan?.add).toEqual(["1", "2", "4", "5", "6", "9", "16"]);
  });
});
