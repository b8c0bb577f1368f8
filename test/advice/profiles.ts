import fc from "fast-check";
import { catalogue } from "../helpers.ts";

/** Learner profiles of every shape the REST API, the CLI and the conversation can produce. */
export const profiles = fc.record(
  {
    role: fc.option(fc.constantFrom(...catalogue.roles.roles.map((r) => r.title)), { nil: null }),
    experienceMonths: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    level: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    qualificationsHeld: fc.subarray([...catalogue.entries.keys()], { maxLength: 2 }),
    workingInContactCentre: fc.option(fc.boolean(), { nil: null }),
    apprenticeship: fc.option(fc.boolean(), { nil: null }),
    nation: fc.option(fc.constantFrom("England" as const, "Wales" as const, "Scotland" as const), {
      nil: null,
    }),
    age: fc.option(fc.integer({ min: 14, max: 80 }), { nil: null }),
    goal: fc.option(fc.constantFrom("knowledge" as const, "competence" as const, "both" as const), {
      nil: null,
    }),
  },
  { requiredKeys: [] },
);
