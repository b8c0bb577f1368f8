import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Issue 16, item 5: the questions users ask get answered, from the catalogue and quoted, and the
// conversation goes back to exactly where it was.

/** The answer, then the pending question again (briefly), never the greeting; the state is kept. */
function resumed(c: Conversation, state: string, question: RegExp) {
  expect(c.last.stateName).toBe(state);
  // Asked again as a person would: the last thing said, and a question starts with "And".
  expect(c.last.replies.at(-1)?.text).toMatch(new RegExp(question.source, "i"));
  expect(c.text).not.toMatch(/Back to where we were/);
  expect(c.text).not.toMatch(/Hello! I help/);
}

/** A careers adviser for a 17-year-old not in work, asked how long she has worked. */
function adviserFor17YearOld(): Conversation {
  const c = new Conversation();
  c.say("I'm a careers adviser");
  c.say("Amy");
  c.say("she is 17, not working, lives in England");
  expect(c.last.stateName).toBe("gathering.experience");
  return c;
}

describe("eligibility: yes, no or not sure, with the conditions quoted", () => {
  it("'can she do the IQ level 2 NVQ?' at 17: no, minimum age 18 and closed since 31/12/2013, both quoted", () => {
    const c = adviserFor17YearOld();
    c.say("can she do the IQ level 2 NVQ?");
    expect(c.text).toMatch(/^No for IQ Level 2 NVQ Certificate:/);
    expect(c.text).toMatch(/the minimum age is 18 \(“Min Age From 18”\), and she is 17/);
    expect(c.text).toMatch(
      /closed to new registrations on 31\/12\/2013 \(“Operational End Date 31\/12\/2013”\)/,
    );
    // Never a plan nobody asked for.
    expect(c.last.advice.plan).toBeUndefined();
    resumed(c, "gathering.experience", /How long has Amy worked/);
  });

  it("says what it would need to know when a fact is missing: 'I don't know her age yet'", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("skip");
    c.say("can she do the IQ level 2 NVQ?");
    expect(c.text).toMatch(/I don't know her age yet; if she is 18 or over, that's met/);
    expect(c.text).toMatch(/Operational End Date 31\/12\/2013/);
  });

  it("'is there a minimum age for the NVQ': each NVQ's answer, quoted, and what the sources do not give", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("is there a minimum age for the NVQ");
    expect(c.text).toMatch(
      /OCR Level 2 NVQ Certificate.*: it is open to any age \(“They are open to candidates of any age/,
    );
    expect(c.text).toMatch(/IQ Level 2 NVQ Certificate: the minimum age is 18 \(“Min Age From 18”\)/);
    expect(c.text).toMatch(/City & Guilds Level 2 NVQ Certificate.*: our sources give no minimum age/);
    expect(c.last.advice.profile.age).toBeNull();
    resumed(c, "gathering.role", /What's your job role/);
  });

  it("'can volunteers do the NVQ': not sure, the work it needs quoted, volunteering not in our sources", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("can volunteers do the NVQ");
    expect(c.text).toMatch(/Not sure yet for OCR Level 2 NVQ Certificate/);
    expect(c.text).toMatch(/suitable for those who have current real work experience/);
    expect(c.text).toMatch(/whether volunteering counts is not in our sources/);
    expect(c.text).not.toMatch(/Hello! I help/);
  });

  it("'do I need a job': for an NVQ yes (quoted), for the Principles certificate no, an apprenticeship comes with one", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("do I need a job");
    expect(c.text).toMatch(/OCR Level 2 NVQ Certificate.*: it is for people working in a contact centre now/);
    expect(c.text).toMatch(
      /OCR Level 2 Principles Certificate: no job is needed: it suits people “Wishing to prepare for employment/,
    );
    expect(c.text).toMatch(
      /it is trained on the job as well as off it, so it comes with a job \(“Total on the job and off the job training hours/,
    );
    resumed(c, "gathering.role", /job role/);
  });

  it("'is it too late at 52': no upper age limit in any source; the OCR NVQs are open to any age", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("is it too late at 52");
    expect(c.text).toMatch(/None of our sources sets an upper age limit/);
    expect(c.text).toMatch(/open to any age/);
    expect(c.text).not.toMatch(/our sources give no minimum age/);
    // A supposition, not a fact about the learner.
    expect(c.last.advice.profile.age).toBeNull();
  });

  it("'can i skip level 3': the Level 4 NVQ needs no qualification first (quoted), and work in a contact centre", () => {
    const c = new Conversation();
    c.say("I'm a team leader, 3 years, got my NVQ 2");
    c.say("can i skip level 3");
    expect(c.text).toMatch(/for OCR Level 4 NVQ Diploma/);
    expect(c.text).toMatch(/no qualification is needed first \(“They are open to candidates of any age/);
  });

  it("'can i do an nvq at 16': open to any age at OCR, but an NVQ needs work; the closed IQ NVQ said once", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("can i do an nvq at 16");
    expect(c.text).toMatch(
      /for OCR Level 2 NVQ Certificate, OCR Level 3 NVQ Diploma and OCR Level 4 NVQ Diploma: it is open to any age/,
    );
    expect(c.text).toMatch(/I don't know yet whether you work in one/);
    expect(c.text).toMatch(/\(IQ Level 2 NVQ Certificate is closed to new registrations\.\)/);
    expect(c.last.advice.profile.age).toBeNull();
    resumed(c, "gathering.role", /job role/);
  });

  it("'is there an apprenticeship i could do': the Welsh pathways and where they apply; outside Wales, what the bodies say", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("is there an apprenticeship i could do");
    expect(c.text).toMatch(
      /Level 2 Foundation Apprenticeship and Level 3 Apprenticeship: it is for apprentices in Wales/,
    );
    expect(c.text).toMatch(/I don't know yet where you live/);
    expect(c.text).toMatch(/Outside Wales, our sources hold no apprenticeship framework/);
    expect(c.text).toMatch(/knowledge component of the Intermediate \(Level 2\) Apprenticeship/);
  });
});

describe("details on request, quoted from the catalogue, 'not in our sources' when unknown", () => {
  it("'how many credits is the welsh apprenticeship and what essential skills do i need': 53 credits, ESW Communication and Application of Number", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("not working yet, no experience, GCSEs, I live in Cardiff, I want an apprenticeship");
    while (c.last.stateName.startsWith("gathering")) c.say("skip");
    expect(c.last.stateName).toBe("recommending");
    expect(c.last.advice.recommendations?.[0]?.qualificationId).toBe("wales-cco-l2");
    c.say("how many credits is the welsh apprenticeship and what essential skills do i need");
    expect(c.text).toMatch(
      /at least 53 credits in all \(“The total minimum credit value required for the Level 2 Pathway Contact Centre Operations is 53 credits\.”\)/,
    );
    expect(c.text).toMatch(
      /Essential Skills: Essential Skills Wales Communication and Application of Number, each at Level 1/,
    );
    expect(c.text).toMatch(/“6 credits\/60 GLH Level 1 Essential Skills Wales Communication”/);
    // The pathway shown, not both.
    expect(c.text).not.toMatch(/70 credits/);
    expect(c.last.stateName).toBe("recommending");
    expect(c.last.replies.at(-1)?.text).toMatch(/^Pick one to plan its units/);
  });

  it("'how long does it take': the hours the sources give, and that they give no weeks or months", () => {
    const c = new Conversation();
    c.say("plan 10265");
    c.say("how long does it take");
    expect(c.text).toMatch(
      /guided learning hours and total qualification time are not in our sources \(it is 28 credits\)/,
    );
    expect(c.text).not.toMatch(/280 hours/);
    expect(c.text).toMatch(/not a length in weeks or months/);
    resumed(c, "planning", /What next\?/);
    const d = new Conversation();
    d.say("how long does the IQ nvq take");
    expect(d.text).toMatch(
      /guided learning hours 93–172 \(“Min Guided Learning Hours 93 Max Guided Learning Hours 172”\)/,
    );
  });

  it("languages and status, quoted; cost not in our sources, with who to ask", () => {
    const c = new Conversation();
    c.say("is the iq nvq still running");
    expect(c.text).toMatch(
      /closed to new registrations since 31\/12\/2013 \(“Operational End Date 31\/12\/2013”\)/,
    );
    c.say("is the welsh apprenticeship in welsh");
    expect(c.text).toMatch(/its qualifications are assessed in English only/);
    expect(c.text).toMatch(
      /its Essential Skills in English or Welsh \(“Essential Skills Wales qualifications assessment languages are English-Welsh”\)/,
    );
    c.say("plan 10265");
    c.say("how much does it cost");
    expect(c.text).toMatch(
      /what it costs, and who pays, is not in our sources: ask a centre approved by OCR, or the careers service/,
    );
  });
});

describe("FAQs users ask", () => {
  it("'why cant i do 6 and 8': the barred-units rule with its own wording", () => {
    const c = new Conversation();
    c.say("plan 10266");
    c.say("why cant i do 6 and 8");
    expect(c.text).toMatch(
      /No: unit 6 .* and unit 8 .* are barred together\. The rule says: “unit 6 or 8 \(but not both\)”/,
    );
    // The pending question in short, not the paragraph that asked it.
    resumed(
      c,
      "planning",
      /I can't work out a plan for OCR Level 2 Principles Certificate .*: shall I check units you choose\?/,
    );
    expect(c.text).not.toMatch(/Everyone takes the mandatory units/);
    expect(c.choices).toContain("choose my own units");
  });

  it("'compare the level 2 nvq and the level 2 principles': both sides read from the descriptions", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("compare the level 2 nvq and the level 2 principles");
    expect(c.text).toMatch(
      /• OCR Level 2 NVQ Certificate in Contact Centre Operations: Level 2; competence; 28 credits/,
    );
    expect(c.text).toMatch(
      /• OCR Level 2 Certificate in Principles of Contact Centre Operations: Level 2; knowledge; 13 credits/,
    );
    // The closed IQ NVQ is left out of "the level 2 nvq".
    expect(c.text).not.toMatch(/• IQ Level 2/);
    resumed(c, "gathering.role", /job role/);
  });

  it("'what's a credit', 'what is a group': the definitions, then back to the question", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("what's a credit");
    expect(c.text).toMatch(/A credit measures the size of a unit/);
    resumed(c, "gathering.role", /job role/);
    c.say("what is a group");
    expect(c.text).toMatch(/A group is a set of units/);
  });

  it("'no ta' after the suggestions: a polite close, not a re-prompt", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("agent 1 year gcses");
    c.say("no");
    expect(c.last.stateName).toBe("recommending");
    c.say("no ta");
    expect(c.text).toMatch(/^No problem\./);
    expect(c.text).not.toMatch(/didn't understand|Pick one/);
    // A "no" that answers a question is still that answer.
    const d = new Conversation();
    d.say("I'm a learner");
    d.say("agent 1 year gcses");
    d.say("no ta");
    expect(d.last.advice.profile.apprenticeship).toBe(false);
  });
});
