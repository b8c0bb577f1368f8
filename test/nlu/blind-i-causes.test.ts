import { describe, expect, it } from "vitest";
import { intentOf } from "../../src/nlu/intents.ts";
import { understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-27T00:00:00Z");
const read = (text: string) => understand(text, { catalogue, today });

// The causes of blind corpus I's misses and wrong values (test/nlu/blind-i.first-measure.txt), each as a
// general rule read in wordings other than the corpus's own.
describe("understanding: the causes found by blind corpus I", () => {
  it("a first-person question asks for the writer, whoever else they mention", () => {
    const u = read(
      "I nursed my gran for two years, she passed in the spring. I'm back in Hull now and unemployed. What would I need for an apprenticeship?",
    );
    expect(u.userKind).toBe("learner");
    expect(u.working).toBe(false);
  });

  it("'not currently employed', 'jobless': not working, with an adverb between or in one word", () => {
    const u = read(
      "Client Dev, 34, not presently employed, lives in Leeds. Which qualification would help him?",
    );
    expect(u.working).toBe(false);
    expect(u.role).toBeNull();
  });

  it("a job now at a place no contact-centre word names is other work", () => {
    const u = read(
      "My son works at a builders merchant right now but wants a call centre job. What should he do?",
    );
    expect(u.working).toBe(false);
    expect(u.role).toBeNull();
  });

  it("'which level 3 units relate to X' asks which units are in it", () => {
    expect(
      intentOf("Which level 3 NVQ units relate to coaching?", "which level 3 nvq units relate to coaching")
        ?.intent,
    ).toBe("unitsIn");
  });
});
