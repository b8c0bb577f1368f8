import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Persona review 1 (docs/reviews/2026-11-27-review-1.md): wrong advice it found, answered right.
describe("conversation: wrong advice found by persona review 1", () => {
  it("W1: 'can i do 1 2 3 and then 6 and 8' on OCR 10266 checks those units and reports the barred pair", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("plan 10266");
    c.say("can i do 1 2 3 and then 6 and 8");
    expect(c.text).not.toMatch(/^Yes for/m);
    expect(c.text).toMatch(/unit 6[^\n]*unit 8|units? 6 and 8/i);
    expect(c.text).toMatch(/barred|not both/i);
  });

  it("W2: a qualification the Welsh pathway does not name is not 'part of' it; one it names is", () => {
    const c = new Conversation();
    c.say("I'm a contact centre manager in Newport, Wales, 10 years");
    c.say(
      "can i do the OCR level 3 NVQ as part of the welsh apprenticeship instead of the city and guilds one?",
    );
    expect(c.text).toMatch(/^No: OCR Level 3 NVQ Diploma is not one of the qualifications/m);
    expect(c.text).toMatch(/600\/1136\/1/);
    expect(c.text).toMatch(/600\/1138\/5/);
    c.say("can I do the City & Guilds level 3 NVQ diploma as part of the welsh level 3 apprenticeship?");
    expect(c.text).toMatch(/^Yes: City & Guilds Level 3 NVQ Diploma is the competence qualification/m);
  });

  it("W3: 'no contact centre experience, 30 yrs in steel production' is no experience, never 30 years", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("Mark");
    c.say("no contact centre experience, 30 yrs in steel production");
    expect(c.last.advice.profile.experienceMonths).toBe(0);
    expect(c.text).not.toMatch(/30 years/);
  });

  it("problem 3: 'apply the smallest fix' on OCR 10266 drops the barred unit even where credits are unknown", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("plan 10266");
    c.say("check units 1, 2, 3, 4, 5, 7, 11");
    expect(c.text).toMatch(/✘ unit 4/);
    c.say("apply the smallest fix");
    expect(c.text).toMatch(
      /are barred: you may take either, but not both\. Took out 5, which the rules don't allow with the rest/,
    );
    expect(c.text).toMatch(/^Units: 1, 2, 3, 4, 7, 11$/m);
    expect(c.text).not.toMatch(/✘ unit 4/);
  });

  it("W4: someone with six years' experience, not working now, is never told 'without experience'", () => {
    const c = new Conversation();
    c.say("I'm 35 and unemployed, I was a team leader in a call centre for 6 years. Belfast.");
    c.say("GCSEs");
    for (let i = 0; i < 6 && c.last.stateName.startsWith("gathering"); i++) c.say("no");
    expect(c.last.advice.profile.experienceMonths).toBe(72);
    const reasons = (c.last.advice.recommendations ?? []).flatMap((r) => r.reasons.map((x) => x.text));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join("\n")).not.toMatch(/without contact-centre or customer-service experience/);
  });

  it("W8: a question never changes the level held", () => {
    const c = new Conversation();
    c.say("team leader, 3 years, I have the OCR level 3 NVQ 10268");
    expect(c.last.advice.profile.level).toBe(3);
    c.say("do my level 3 credits count towards the 35 at level 4?");
    expect(c.last.advice.profile.level).toBe(3);
    expect(c.text).not.toMatch(/Level 3 → Level 4/);
  });
});
