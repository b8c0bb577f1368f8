import { describe, expect, it } from "vitest";
import { type Expecting, understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-27T00:00:00Z");
const read = (text: string, expecting?: Expecting) =>
  understand(text, { catalogue, today, ...(expecting ? { expecting } : {}) });

// Persona review 1 (issue 16, docs/reviews): messages the bot misread as facts, or read as the wrong
// question. Each is read as a careful person would, whatever question was pending.
describe("understanding: what the first persona review found", () => {
  it("a span said after 'no contact centre experience' is not contact-centre experience", () => {
    for (const expecting of [undefined, "role", "working"] as const) {
      const u = read("no contact centre experience, 30 yrs in steel production", expecting);
      expect(u.experienceMonths).toBe(0);
    }
  });

  it("a question never changes the level held ('do my level 3 credits count towards the 35 at level 4?')", () => {
    for (const expecting of [undefined, "level", "role"] as const)
      expect(read("do my level 3 credits count towards the 35 at level 4?", expecting).level).not.toBe(4);
  });

  it("qualifications not sat yet are no level: 'he hasn't sat his GCSEs yet, so no quals'", () => {
    expect(read("he hasn't sat his GCSEs yet, so no quals").level).toBe(0);
  });

  it("a list of unit numbers holds no age: 'his units were 1, 2, 5, 7, 12, 19'", () => {
    for (const expecting of [undefined, "age", "units"] as const)
      expect(read("his units were 1, 2, 5, 7, 12, 19", expecting).age).toBeUndefined();
  });

  it("'can i do 1 2 3 and then 6 and 8' asks for a check of those units, not whether they may enrol", () => {
    const u = read("can i do 1 2 3 and then 6 and 8");
    expect(u.intent).toBe("check");
    expect(u.units).toEqual(["1", "2", "3", "6", "8"]);
  });

  it("short answers with filler and text-speak: 'yh', 'ye', 'none lol', 'thank you! bye'", () => {
    expect(read("yh", "working").working).toBe(true);
    expect(read("ye", "apprenticeship").apprenticeship).toBe(true);
    expect(read("none lol", "experience").experienceMonths).toBe(0);
    expect(read("thank you! bye").intent).toBe("cancel");
  });
});
