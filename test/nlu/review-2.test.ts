import { describe, expect, it } from "vitest";
import { type Expecting, understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-27T00:00:00Z");
const read = (text: string, expecting?: Expecting) =>
  understand(text, { catalogue, today, ...(expecting ? { expecting } : {}) });

/** No question pending, and the questions whose answers are read by the short-answer rules. */
const PENDING = [undefined, "role", "experience", "level", "working", "qualification"] as const;

// Persona review 2: wrong advice from facts the bot read that the user never gave.
describe("understanding: what the second persona review found", () => {
  it("a general question about what a qualification needs sets no fact about the user (1a)", () => {
    const questions = [
      "Does an NVQ need you to be working in a contact centre?",
      "Do you need to be working in a call centre to do the NVQ?",
      "must you be employed in a contact centre for the level 2 NVQ?",
      "how many credits is the level 3 NVQ and how many have to be at level 3?",
      "how many credits is the OCR 10268 and how many have to be at level 3?",
      "does the level 3 NVQ need you to have level 2?",
      "do you have to hold the OCR 10265 before doing OCR 10268?",
    ];
    for (const q of questions)
      for (const expecting of PENDING) {
        const u = read(q, expecting);
        expect(u.working, `${q} / ${expecting}`).toBeUndefined();
        expect(u.level, `${q} / ${expecting}`).toBeUndefined();
        expect(u.qualificationsHeld, `${q} / ${expecting}`).toBeUndefined();
        expect(u.role, `${q} / ${expecting}`).toBeUndefined();
      }
  });

  it("facts the user gives about themselves beside a question are kept (1a)", () => {
    for (const expecting of [undefined, "experience"] as const) {
      expect(read("I'm 17, can I do the NVQ?", expecting).age).toBe(17);
      expect(read("I've got the level 2 NVQ, what's next?", expecting).level).toBe(2);
      expect(
        read("I work in a call centre, does the NVQ need me to be working in one?", expecting).working,
      ).toBe(true);
    }
    expect(read("I've done OCR 10265, how many credits is OCR 10268?").qualificationsHeld).toEqual([
      "ocr-10265",
    ]);
  });

  it("a shop job is a job outside contact centres, not 'not working yet' (1b)", () => {
    const shops = [
      "i work in a shop (co-op)",
      "work at greggs",
      "she works weekends in a shop, retail assistant, about a year",
      "on the tills at a Co-op",
      "I'm a checkout operator at Aldi",
    ];
    for (const s of shops)
      for (const expecting of [undefined, "role", "working"] as const) {
        const u = read(s, expecting);
        // test/nlu/SLOTS.md: no contact-centre job now (role null, working false)...
        expect(u.role, `${s} / ${expecting}`).toBeNull();
        expect(u.working, `${s} / ${expecting}`).toBe(false);
        // ...but a job all the same.
        expect(u.otherJob, `${s} / ${expecting}`).toBe(true);
      }
    expect(read("unemployed at the moment").otherJob).toBeUndefined();
    // Shop work is not contact-centre experience.
    expect(
      read("she works weekends in a shop, retail assistant, about a year", "experience").experienceMonths,
    ).toBeUndefined();
  });

  it("never had a job: no experience and not working (1c)", () => {
    for (const s of ["none, havent had a job yet lol", "not had a job yet", "haven't had a proper job"]) {
      const u = read(s, "experience");
      expect(u.experienceMonths, s).toBe(0);
      expect(u.working, s).toBe(false);
    }
  });

  it("GCSEs being taken now are no level held (1c)", () => {
    for (const s of ["doing my GCSEs rn", "taking my GCSEs now", "sitting my Nat 5s this year"])
      for (const expecting of [undefined, "level", "role"] as const) {
        const u = read(s, expecting);
        expect(u.level, `${s} / ${expecting}`).toBeUndefined();
      }
    expect(read("doing my GCSEs rn").working).toBe(false);
    expect(read("doing my GCSEs rn", "level").working).toBe(false);
  });

  it("Scottish qualifications have their level (1d)", () => {
    const cases: [string, number][] = [
      ["I left with Standard Grades only", 2],
      ["my highest qualification is Standard Grades", 2],
      ["got 6 standard grades", 2],
      ["O Grades", 2],
      ["got Nat 5s", 2],
      ["National 5s in English and maths", 2],
      ["national 4s", 1],
      ["I've got my Highers", 3],
      ["got Higher English", 3],
      ["Advanced Highers", 4],
    ];
    for (const [s, level] of cases)
      for (const expecting of [undefined, "level"] as const) expect(read(s, expecting).level, s).toBe(level);
  });

  it("a role given in place of another is the new role, to be confirmed (1e)", () => {
    const cases: [string, Expecting | undefined][] = [
      ["I'm not an agent any more, I'm a workforce planner", undefined],
      ["I'm not an agent any more, I'm a resource planner", "role"],
      ["i'm no longer a team leader, i'm a workforce planner now", "experience"],
      ["not a CSA anymore - I'm a resource planner these days", undefined],
    ];
    for (const [s, expecting] of cases) {
      const u = read(s, expecting);
      expect(u.role, s).toBe("Resource Scheduling Manager");
      expect(
        u.unsure?.some((x) => x.slot === "role"),
        s,
      ).toBe(true);
    }
    expect(read("I'm not an agent any more, I'm a supervisor").role).toBe("Supervisor");
    // With no correction, a name shared by two titles is still left for the bot to ask about.
    expect(read("I'm a workforce planner").role).toBeUndefined();
  });

  it("a name given again in answer to the name question (1f)", () => {
    const cases: [string, string][] = [
      ["Callum, like I said", "Callum"],
      ["I told you, Aoife", "Aoife"],
      ["it's Aoife", "Aoife"],
      ["its aoife", "Aoife"],
      ["Aoife like i said", "Aoife"],
      ["as I said, it's Callum", "Callum"],
      ["I already told you its Aoife", "Aoife"],
      ["it's Aoife, she's 17", "Aoife"],
      ["Mary Jane", "Mary Jane"],
    ];
    for (const [s, name] of cases) expect(read(s, "learnerName").learnerName, s).toBe(name);
    for (const s of ["work at greggs", "doing my GCSEs rn", "don't know", "prefer not to say"])
      expect(read(s, "learnerName").learnerName, s).toBeUndefined();
  });

  it("a learner named in an adviser's first message is not asked for again", () => {
    const cases: [string, string][] = [
      [
        "Careers adviser here (National Careers Service, Bristol). Learner is Jordan, 18, finished A levels",
        "Jordan",
      ],
      ["I'm seeing a learner called Aoife, she's 17, left school with GCSEs", "Aoife"],
      ["My son Callum is 19, he's been an agent at a call centre in Swindon for 8 months", "Callum"],
      ["I'm with a learner, Rhys, 20, who's been a telesales operator for a year", "Rhys"],
      ["the client's name is Sam and he is 24", "Sam"],
    ];
    for (const [s, name] of cases) expect(read(s).learnerName, s).toBe(name);
    expect(read("the learner is interested in call centres").learnerName).toBeUndefined();
  });

  it("'she's 17' is an age said as one, not a bare number the bot is unsure of", () => {
    const u = read("I'm seeing a learner called Aoife, she's 17, left school with GCSEs");
    expect(u.age).toBe(17);
    expect(u.unsure ?? []).not.toContainEqual(expect.objectContaining({ slot: "age" }));
    expect(read("hi i work in a shop in cornwall. 31. no quals").unsure).toContainEqual(
      expect.objectContaining({ slot: "age" }),
    );
  });
});
