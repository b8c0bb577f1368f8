import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INITIAL_ANSWERS } from "../../dialogs/actions/common.ts";
import { compactAnswers, expandAnswers } from "../../dialogs/actions/conversation.ts";
import { type Answers, SLOTS } from "../../dialogs/types.ts";

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const strings = fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 });
const answers: fc.Arbitrary<Answers> = fc.record(
  {
    userKind: maybe(fc.constantFrom("learner" as const, "staff" as const, "adviser" as const)),
    learnerName: maybe(fc.string({ maxLength: 8 })),
    learnerNameAsked: fc.boolean(),
    role: maybe(fc.string({ maxLength: 8 })),
    experienceMonths: maybe(fc.nat(600)),
    level: maybe(fc.nat(8)),
    qualificationsHeld: strings,
    working: maybe(fc.boolean()),
    apprenticeship: maybe(fc.boolean()),
    nation: maybe(fc.constantFrom("England", "Wales", "Scotland", "Northern Ireland")),
    age: maybe(fc.nat(99)),
    skipped: fc.uniqueArray(fc.constantFrom(...SLOTS)),
    heldUnits: fc.array(fc.record({ qualificationId: maybe(fc.string({ maxLength: 8 })), units: strings }), {
      maxLength: 2,
    }),
    qualificationId: maybe(fc.string({ maxLength: 8 })),
    units: maybe(strings),
    pendingUnits: maybe(strings),
    objective: fc.constantFrom("glh" as const, "units" as const, "credits" as const, "role" as const),
    accepted: fc.boolean(),
  },
  {
    requiredKeys: [
      "userKind",
      "learnerName",
      "learnerNameAsked",
      "qualificationsHeld",
      "skipped",
      "heldUnits",
      "qualificationId",
      "units",
      "pendingUnits",
      "objective",
      "accepted",
    ],
  },
);

describe("the undo history keeps answers compactly", () => {
  it("property: expanding what was compacted gives the same answers back", () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(expandAnswers(compactAnswers(a))).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps only what differs from a fresh conversation; whole entries (stored before) still expand", () => {
    expect(compactAnswers(INITIAL_ANSWERS)).toEqual({});
    expect(compactAnswers({ ...INITIAL_ANSWERS, role: "Team Leader", units: [] })).toEqual({
      role: "Team Leader",
      units: [],
    });
    const whole = { ...INITIAL_ANSWERS, userKind: "staff" as const, level: 2 };
    expect(expandAnswers(whole)).toEqual(whole);
  });
});
