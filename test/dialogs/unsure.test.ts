import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Issue 15: every extracted fact carries its confidence; the bot says back the uncertain ones with the
// words they were read from, instead of storing them silently.
describe("facts read with less confidence are said back", () => {
  it("a role read from what someone does is named with the words it came from", () => {
    const c = new Conversation();
    c.say("I lead a team of 12 agents");
    expect(c.last.advice.profile).toMatchObject({ role: "Contact Centre Team Leader" });
    expect(c.text).toMatch(
      /I wasn't sure of your job role \("I lead a team of 12 agents" read as Contact Centre Team Leader\)/,
    );
  });

  it("years added up from several spans are said back as the spans", () => {
    const c = new Conversation();
    c.say("I'm a supervisor now. Before that I was an agent for 5 years. Supervisor for 2 years.");
    expect(c.last.advice.profile).toMatchObject({ experienceMonths: 84 });
    expect(c.text).toMatch(
      /I wasn't sure of your experience \(".*5 years.* \+ .*2 years.*" read as 7 years\)/,
    );
  });

  it("a role named in words is stored without a doubt", () => {
    const c = new Conversation();
    c.say("I'm a team leader, been here 3 years");
    expect(c.text).not.toMatch(/I wasn't sure/);
  });

  it("correcting an uncertain fact replaces it", () => {
    const c = new Conversation();
    c.say("I lead a team of 12 agents");
    c.say("actually I'm a sales team leader");
    expect(c.last.advice.profile).toMatchObject({ role: "Sales Team Leader" });
  });

  it("to an adviser, the learner's facts are the learner's, not 'yours' (persona review 1)", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("Sam");
    c.say("he leads a team of 12 agents");
    expect(c.text).toMatch(/I wasn't sure of Sam's job role/);
    expect(c.text).not.toMatch(/I wasn't sure of your/);
  });
});
