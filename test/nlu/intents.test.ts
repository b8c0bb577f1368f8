import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTENTS, type Intent, intentOf, TERMS } from "../../src/nlu/intents.ts";
import { factsSaid } from "./facts.ts";

/**
 * Paraphrases written for these tests (not taken from any corpus), one per way of asking: the intent is
 * read from the question asked, not from words anywhere in the message.
 */
const ASKED: [string, Intent | undefined][] = [
  ["I'm 19 and work in a shop. Which course would you point me towards?", "recommend"],
  ["been a TL for 2 years in a call centre, what would be a sensible qualification to go for", "recommend"],
  ["mum of two, returning to work, no quals. where should i begin", "recommend"],
  ["any recommendations for someone with GCSEs who wants to work on the phones?", "recommend"],
  ["Customer is 45, redundant from a factory, wants call centre work. What are her options?", "recommend"],
  ["16, leaving school this summer. what's worth doing?", "recommend"],
  ["I do inbound sales. Is there a qualification that would help me progress to team leader?", "recommend"],
  ["what do you reckon I should do", "recommend"],
  ["Which NVQ level is right for a new starter?", "recommend"],
  ["helpdesk 3 yrs. nvq 2 or 3?", "recommend"],
  ["My daughter wants to work in a contact centre. What would you advise?", "recommend"],
  ["What's the best route for me to get into management?", "recommend"],
  ["Looking for a course to boost my CV, I'm a customer service advisor.", "recommend"],
  ["No experience, no quals. Where do I even start?", "recommend"],
  ["What would suit someone who supervises 12 agents?", "recommend"],
  ["just finished college with a BTEC. what now?", "recommend"],
  ["I finished the City & Guilds level 2 certificate last year. What comes after that?", "whatNext"],
  ["Got my OCR 10268 in 2021, what's the next step up?", "whatNext"],
  ["I've completed the IQ Level 2 NVQ. Where do I go from here?", "whatNext"],
  ["Will the units from my level 2 count towards the level 3 diploma?", "whatNext"],
  ["do any credits carry across from the certificate to the NVQ?", "whatNext"],
  ["I hold the level 3 NVQ diploma - anything beyond it?", "whatNext"],
  ["Is there an upper age limit for the apprenticeship?", "eligibility"],
  ["can someone who's 16 do the level 2 nvq", "eligibility"],
  ["Am I too old to start an NVQ at 58?", "eligibility"],
  ["Do you have to be employed to do the NVQ?", "eligibility"],
  ["My client is on benefits, is she allowed to do the certificate?", "eligibility"],
  ["could my son start the level 3 without doing level 2 first?", "eligibility"],
  ["Would I be eligible for the Welsh pathway if I live in Chester?", "eligibility"],
  ["Does working on live chat count as contact centre experience?", "eligibility"],
  ["I'm 17, can I enrol on the IQ NVQ?", "eligibility"],
  ["How long does the level 3 diploma usually take?", "details"],
  ["How many credits is the OCR level 2 certificate worth?", "details"],
  ["what does the level 4 NVQ involve?", "details"],
  ["Is the NVQ assessed by exams?", "details"],
  ["Which Essential Skills do apprentices need in Wales?", "details"],
  ["Can the certificate be done through the medium of Welsh?", "details"],
  ["is the city and guilds level 3 certificate still available", "details"],
  ["how much does the nvq cost", "details"],
  ["what's a barred unit?", "define"],
  ["sorry, what are credits?", "define"],
  ["What does QCF stand for?", "define"],
  ["can you explain what mandatory means", "define"],
  ["what is meant by guided learning hours", "define"],
  ["I don't get what an optional group is", "define"],
  ["Which units make up the level 3 principles certificate?", "unitsIn"],
  ["is there a unit on handling complaints in the level 2 NVQ?", "unitsIn"],
  ["does the level 4 cover workforce planning?", "unitsIn"],
  ["list the units in 10267 please", "unitsIn"],
  ["Which optional units should I take for the level 3 NVQ?", "plan"],
  ["pick units for me so I finish the level 2 quickly", "plan"],
  ["what's the fastest way to complete the OCR level 3 certificate?", "plan"],
  ["I've picked units 1, 3, 4, 6 and 9 for the level 2 cert. Is that OK?", "check"],
  ["please check units 2 4 5 and 7", "check"],
  ["Does 1, 2, 3, 5, 11 meet the rules for 10266?", "check"],
  ["What's the difference between an NVQ and a principles certificate?", "compare"],
  ["10266 versus 10267?", "compare"],
  ["how does the IQ NVQ compare with the OCR one", "compare"],
  ["I'd rather speak to a real adviser", "handover"],
  ["can somebody phone me please", "handover"],
  ["is there a human I can talk to", "handover"],
  ["please wipe everything you have on me", "deleteData"],
  ["delete this conversation", "deleteData"],
  ["what sort of things can you help with?", "help"],
];

/** Facts, wishes and commands that look like other intents word by word. */
const NOT_ASKED: [string, Intent | undefined][] = [
  ["go back please", "back"],
  ["can we go back a step, i typed it wrong", "back"],
  ["I want to go back into customer service", undefined],
  ["I used to work in a call centre back in 2015", undefined],
  ["I've got a criminal record from years ago", undefined],
  ["I plan to start in September", undefined],
  ["I'm a team leader, 3 years, GCSEs", undefined],
  ["My manager says I should do an NVQ", undefined],
  ["Is returning to work after a long break. Has GCSEs.", undefined],
  ["I work in export sales", undefined],
  ["level 2", undefined],
  ["no qualifications", undefined],
  ["next question", "skip"],
];

describe("intent: the question asked", () => {
  it.each([...ASKED, ...NOT_ASKED])("%j → %s", (text, intent) => {
    expect(intentOf(text)?.intent).toBe(intent);
  });

  it("an open question is what comes next only from someone holding a contact-centre qualification", () => {
    expect(intentOf("I have the OCR 10266. what should I do now?")?.intent).toBe("whatNext");
    expect(intentOf("I have an NVQ level 2 in retail. what should I do now?")?.intent).toBe("recommend");
    expect(intentOf("whats the next qualification for me?")?.intent).toBe("recommend");
  });

  it("two units asked about alone are 'together'; within a selection, the selection is checked", () => {
    expect(intentOf("do units 20 and 36 clash?")?.intent).toBe("together");
    expect(intentOf("I've done units 1, 2, 5, 12, 20 and 36. Do 20 and 36 clash?")?.intent).toBe("check");
  });

  it("a define names the word to explain", () => {
    expect(intentOf("what is an apprenticeship exactly")).toEqual({
      intent: "define",
      term: "apprenticeship",
    });
    expect(intentOf("What's Group D?")).toEqual({ intent: "define", term: "group" });
    expect(intentOf("glh?? what does that mean")).toEqual({ intent: "define", term: "glh" });
  });

  it("property: facts said before a question do not change its intent", () => {
    const facts = factsSaid(1);
    const question = fc.constantFrom(...ASKED.filter(([, i]) => i !== "whatNext").map(([q]) => q));
    fc.assert(
      fc.property(facts, question, (said, q) => {
        expect(intentOf(`${said.join(", ")}. ${q}`)?.intent).toBe(intentOf(q)?.intent);
      }),
    );
  });

  it("property: any text gives no intent or a known one, and a define always names its word", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const read = intentOf(text);
        if (!read) return;
        expect(INTENTS).toContain(read.intent);
        if (read.intent === "define") expect(TERMS).toContain(read.term);
      }),
    );
  });
});
