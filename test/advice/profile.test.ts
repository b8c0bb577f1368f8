import { describe, expect, it } from "vitest";
import { LearnerFacts, LearnerProfile, ProfileFacts, ProfileInput } from "../../src/advice/profile.ts";
import { profileFrom, RequestError } from "../../src/advice/requests.ts";
import { catalogue } from "../helpers.ts";

const TODAY = new Date("2026-11-22T12:00:00Z");

describe("the learner profile: one schema, the other shapes derived from it", () => {
  it("every shape takes each fact with the one definition's limits", () => {
    const facts = LearnerFacts.shape;
    // Picked into the request input under the same name, or renamed (working, held).
    const same = { level: facts.level, age: facts.age, nation: facts.nation, goal: facts.goal };
    for (const [key, bad] of [
      ["level", 9],
      ["age", 9],
      ["nation", "wales"],
      ["goal", "fun"],
    ] as const) {
      expect(same[key].safeParse(bad).success).toBe(false);
      expect(LearnerProfile.safeParse({ [key]: bad }).success, key).toBe(false);
      expect(ProfileInput.safeParse({ [key]: bad }).success, key).toBe(false);
    }
    expect(ProfileInput.safeParse({ working: "yes" }).success).toBe(false);
    expect(LearnerProfile.safeParse({ workingInContactCentre: "yes" }).success).toBe(false);
    // The input has only the profile's own fields, in the words a request gives them.
    expect(Object.keys(ProfileInput.shape).sort()).toEqual(
      ["age", "apprenticeship", "experience", "goal", "held", "level", "nation", "role", "working"].sort(),
    );
    expect(Object.keys(LearnerProfile.shape).sort()).toEqual(Object.keys(LearnerFacts.shape).sort());
  });

  it("the profile takes unknown facts as null or absent; the reported facts have every one", () => {
    expect(LearnerProfile.parse({ role: null, age: 40 })).toEqual({
      role: null,
      age: 40,
      qualificationsHeld: [],
    });
    expect(ProfileFacts.safeParse(LearnerProfile.parse({ age: 40 })).success).toBe(false);
    const all = Object.fromEntries(Object.keys(LearnerFacts.shape).map((k) => [k, null]));
    expect(ProfileFacts.parse({ ...all, qualificationsHeld: [] }).role).toBeNull();
  });

  it("profileFrom matches a request's words against the catalogue", () => {
    expect(
      profileFrom(
        catalogue,
        { role: "team lead", experience: "since 2024", held: [" OCR-10265 "], working: true },
        TODAY,
      ),
    ).toEqual({
      role: "Contact Centre Team Leader",
      experienceMonths: expect.any(Number),
      qualificationsHeld: ["ocr-10265"],
      workingInContactCentre: true,
    });
    const wrong = (input: ProfileInput) => {
      try {
        profileFrom(catalogue, input, TODAY);
      } catch (e) {
        if (e instanceof RequestError) return e;
      }
      throw new Error("no RequestError");
    };
    const experience = wrong({ experience: "loads" });
    expect(experience.describe((f) => `--${f}`)).toMatch(/^--experience "loads" is not a duration/);
    expect(experience.message).toMatch(/^experience "loads" is not a duration/);
    const role = wrong({ role: "astronaut" });
    expect(role.known).toContain("Contact Centre Agent");
  });
});
