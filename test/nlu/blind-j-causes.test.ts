import { describe, expect, it } from "vitest";
import { understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-28T00:00:00Z");
const read = (text: string) => understand(text, { catalogue, today });

// The causes of blind corpus J's misses and wrong values (test/nlu/blind-j.first-measure.txt), each as a
// general rule read in wordings other than the corpus's own.
describe("understanding: the causes found by blind corpus J", () => {
  it("a manager asking about their team or one of them writes on their behalf", () => {
    expect(read("Our agents on the complaints line in Hull: which NVQ would suit them?").userKind).not.toBe(
      "staff",
    );
    const one = read(
      "Staff member Priya has worked on our sales line for 2 years and holds OCR 10265. What should she do next?",
    );
    expect(one.userKind).toBe("adviser");
    expect(one.experienceMonths).toBe(24);
    // ("my team hit their targets, what next for me?": the question is the writer's own.)
    expect(read("I'm a team leader, my team smashed their targets, what next for me?").userKind).toBe(
      "staff",
    );
  });

  it("a job now outside contact centres, named by what it is, is other work", () => {
    for (const text of [
      "packer in a warehouse in Wigan, 31, what qualification gets me into a call centre?",
      "I'm in the navy for another year. Which contact centre qualification could I start?",
      "now I drive for Just Eat, but I did 2 years on phones before. what should i do?",
    ]) {
      const u = read(text);
      expect(u.working, text).toBe(false);
      expect(u.role, text).toBeNull();
    }
  });

  it("a quality assessor in a contact centre is staff, not an assessor advising someone", () => {
    const u = read(
      "QA assessor at a call centre in Leeds, I score calls, 2 years. what qualification suits me?",
    );
    expect(u.userKind).toBe("staff");
  });

  it("a level or adviser denied is not one held: 'I'm not a careers adviser', 'that isn't level 2'", () => {
    expect(read("I am not a careers adviser, I'm asking for myself").userKind).not.toBe("adviser");
    expect(read("an E isn't level 2 is it, that's level 1").level).toBe(1);
  });
});
