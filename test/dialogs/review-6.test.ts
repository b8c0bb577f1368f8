import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Persona review 6 (docs/reviews/2026-11-28-review-6.md): facts about the user read wrongly.
describe("conversation: persona review 6, facts never taken from questions, suppositions or denials", () => {
  it("S2: 'if i did the OCR level 3 NVQ instead, could i…' holds nothing", () => {
    const c = new Conversation();
    c.say("I'm a team leader in Swansea, 41, got the City & Guilds level 2 NVQ, no apprenticeship");
    c.say(
      "if i did the OCR level 3 NVQ instead, could i take bespoke software and deal with customers using bespoke software together?",
    );
    expect(c.text).not.toMatch(/holds OCR Level 3 NVQ|you hold units 20 and 36|Level 2 → Level 3/);
  });

  it("S2: 'I DON'T hold the level 3!!' takes it back, with the level it gave", () => {
    const c = new Conversation();
    c.say("I'm a team leader in Swansea, 41, got the City & Guilds level 2 NVQ and the OCR level 3 NVQ");
    c.say("I DON'T hold the level 3!!");
    expect(c.text).toMatch(/Level 3 → Level 2/);
    expect(c.text).toMatch(
      /you no longer hold OCR Level 3 NVQ Diploma in Contact Centre Operations on my record/,
    );
  });

  it("A2: comparing two qualifications holds neither; 'doesn't hold any NVQ' takes an NVQ back", () => {
    const c = new Conversation();
    c.say(
      "I'm a parent, my son Callum is 16, still at school in Sheffield, likes the idea of a call centre job",
    );
    c.say("compare the OCR Level 2 Principles Certificate with the OCR Level 2 NVQ Certificate");
    expect(c.text).not.toMatch(/holds OCR Level 2 NVQ/);
    const d = new Conversation();
    d.say("I'm a parent, my son Callum is 16, in Sheffield, he has the OCR level 2 NVQ");
    d.say("sorry, Callum doesn't hold any NVQ!!");
    expect(d.text).toMatch(/Callum no longer holds OCR Level 2 NVQ Certificate/);
  });

  it("L4: 'i meant plan the OCR level 2 NVQ' is no qualification held", () => {
    const c = new Conversation();
    c.say("I'm 17, in Belfast, at college doing a BTEC, saturday job in a phone shop");
    c.say("i meant plan the OCR level 2 NVQ");
    expect(c.text).not.toMatch(/holds OCR Level 2 NVQ/);
  });

  it("L1: 'no i said i DO want an apprenticeship now' wants one", () => {
    const c = new Conversation();
    c.say("im 16 from cardiff, just did my gcses, not working, no experience");
    c.say("no apprenticeship");
    c.say("no i said i DO want an apprenticeship now");
    expect(c.text).toMatch(/not looking for an apprenticeship → interested in an apprenticeship/);
  });

  it("A1: 'might move to Chester (England) next spring' leaves where she lives", () => {
    const c = new Conversation();
    c.say(
      "careers adviser in Wrexham, my client Jade Morgan is 17, works at Costa, no contact centre experience",
    );
    c.say("Her family might move to Chester (England) next spring. What would change for her then?");
    expect(c.text).not.toMatch(/Wales → England/);
  });

  it("A5: 'none yet, they sit GCSEs in the summer' is no Level 2", () => {
    const c = new Conversation();
    c.say("Hi, I'm a parent, my daughter Ffion is 15, still at school in Cardiff, not working");
    c.say("none yet, she sits her GCSEs in the summer");
    expect(c.text).not.toMatch(/Got it: Level 2/);
  });
});

describe("conversation: persona review 6, unit selections kept", () => {
  const s5 = (c: Conversation) => {
    c.say(
      "contact centre manager here, edinburgh, 9 years, degree. I'm doing the OCR level 3 principles certificate",
    );
    c.say(
      "for the OCR level 3 principles certificate I've picked units 1, 2, 3, 10, 12, 13 and 14. is that ok?",
    );
  };

  it("S5: 'sorry it wasn't unit 13, it was 11' swaps that one unit", () => {
    const c = new Conversation();
    s5(c);
    c.say("sorry it wasn't unit 13, it was 11");
    expect(c.text).toMatch(/took out 13; added 11/);
    expect(c.checkedUnits().sort()).toEqual(["1", "10", "11", "12", "14", "2", "3"]);
  });

  it("S5: 'my units are …' while a selection is checked is the selection, not units held", () => {
    const c = new Conversation();
    s5(c);
    c.say("no! that's wrong. my units are 1, 2, 3, 10, 11, 12 and 14");
    expect(c.text).not.toMatch(/you hold units/);
  });

  it("S4: 'why did you drop 34 rather than 32? my assessor wanted 34' keeps 34", () => {
    const c = new Conversation();
    c.say("check OCR 10265 units 1 2 4 5 6 32 34");
    c.say("why did you drop 34 rather than 32? my assessor wanted 34");
    expect(c.text).toMatch(/took out 32\./);
    expect(c.checkedUnits()).toContain("34");
  });
});

describe("conversation: persona review 6, levels", () => {
  it("L2: 'standard grades back in the day, scotland. no highers' is no Level 3", () => {
    const c = new Conversation();
    c.say(
      "I'm a learner, 38, in Dundee, not working, 6 years at home with the kids, no contact centre experience",
    );
    c.say("standard grades back in the day, scotland. no highers");
    expect(c.text).toMatch(/Got it: Level 2/);
    expect(c.text).not.toMatch(/Got it: Level 3/);
  });
});

describe("conversation: persona review 6, England's apprenticeship framework (A2)", () => {
  it("an English learner asking for an apprenticeship hears of FR03935, with what our sources do not say", () => {
    const c = new Conversation();
    c.say("I'm a parent, my son Callum is 16, still at school in Sheffield, not working");
    c.say("is there an apprenticeship he could do in england?");
    expect(c.text).toMatch(
      /England had one, FR03935 “Contact Centre Operations”, issued on 19 September 2016 by Instructus/,
    );
  });
});
