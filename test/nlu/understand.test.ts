import { describe, expect, it } from "vitest";
import { type Expecting, understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const u = (text: string, expecting?: Expecting) => {
  const { evidence: _evidence, ...rest } = understand(text, {
    catalogue,
    today: new Date("2026-11-22T00:00:00Z"),
    ...(expecting ? { expecting } : {}),
  });
  return rest;
};

describe("understanding: cases found in review", () => {
  it("a role said not to be, or wished for, is not the role held", () => {
    expect(u("actually I'm not a team leader, I'm an agent").role).toBe("Contact Centre Agent");
    expect(u("I'm an agent and want to become a team leader").role).toBe("Contact Centre Agent");
    expect(u("I'm a supervisor, not a team leader").role).toBe("Supervisor");
  });

  it("levels: 'the level 2 one' is not level 1; 'no qualifications' is level 0", () => {
    expect(u("i want to do the level 2 one").level).toBeUndefined();
    expect(u("I don't have any qualifications", "level").level).toBe(0);
    expect(u("ive done my nvq 2 and 3").level).toBe(3);
  });

  it("'not sure' is not a no, and 'I am 5' is not a yes", () => {
    expect(u("I am not sure", "apprenticeship")).toMatchObject({ intent: "skip" });
    expect(u("I am not sure", "apprenticeship").apprenticeship).toBeUndefined();
    expect(u("I am 5", "apprenticeship").yesNo).toBeUndefined();
    expect(u("yes I am", "working")).toMatchObject({ yesNo: true, working: true });
  });

  it("an adviser's 'she's 17' is the learner's age", () => {
    expect(u("she's 17, not working yet, GCSEs, lives in Cardiff and wants an apprenticeship")).toMatchObject(
      {
        age: 17,
        role: null,
        level: 2,
        apprenticeship: true,
        nation: "Wales",
      },
    );
  });
});
