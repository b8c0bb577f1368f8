import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Persona review 1, problem 10: small conversational slips ("thank you! bye" → "Sorry, I didn't
// understand that"; "none lol", "yh", "ye" not understood; "Jake, I just said" not taken as a name).
describe("small conversational slips (persona review 1)", () => {
  for (const bye of ["thank you! bye", "thanks, bye", "cheers"])
    it(`'${bye}' is answered with a friendly goodbye, and what was said is kept`, () => {
      const c = new Conversation();
      c.say("I'm a learner");
      c.say("customer service advisor, 2 years");
      c.say(bye);
      expect(c.text).toMatch(/^You're welcome, and goodbye!/);
      expect(c.text).not.toMatch(/didn't understand/);
      expect(c.last.stateName).toBe("stopped");
      expect(c.last.advice.profile.experienceMonths).toBe(24);
      // Anything else carries on where it was.
      c.say("hi");
      expect(c.last.stateName).toMatch(/^gathering/);
    });

  it("'cancel' still stops without a goodbye", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("cancel");
    expect(c.text).toMatch(/^OK, stopped\./);
  });

  it("'none lol', 'yh' and 'ye' answer a none or yes/no question", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("not working yet");
    expect(c.last.stateName).toBe("gathering.experience");
    c.say("none lol");
    expect(c.last.advice.profile.experienceMonths).toBe(0);
    expect(c.text).not.toMatch(/didn't understand|How long, roughly/);
    expect(c.last.stateName).toBe("gathering.level");
    c.say("none lol");
    expect(c.last.advice.profile.level).toBe(0);
    expect(c.last.stateName).toBe("gathering.apprenticeship");
    c.say("yh");
    expect(c.last.advice.profile.apprenticeship).toBe(true);
    const other = new Conversation();
    other.say("I'm a learner");
    other.say("not working yet, no experience, no qualifications");
    expect(other.last.stateName).toBe("gathering.apprenticeship");
    other.say("ye");
    expect(other.last.advice.profile.apprenticeship).toBe(true);
    // "yh" to "are you sure?" confirms.
    const d = new Conversation();
    d.say("I'm a learner");
    d.say("delete my data");
    d.say("yh");
    expect(d.last.deleteData).toBe(true);
  });

  it("an adviser's 'Jake, I just said' to the name question is the name Jake", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    expect(c.last.stateName).toBe("learnerName");
    c.say("Jake, I just said");
    expect(c.text).not.toMatch(/Just a first name/);
    expect(c.text).toMatch(/I'll put Jake on the session record/);
    expect(c.last.stateName).toBe("gathering.role");
  });
});
