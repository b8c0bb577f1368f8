import { z } from "zod";

export const NATIONS = ["England", "Wales", "Scotland", "Northern Ireland"] as const;
export const GOALS = ["knowledge", "competence", "both"] as const;

/** A catalogue id as a request gives it (any case; the catalogue is looked up in lower case). */
export const EntryId = z.string().trim().min(1).max(60);

/**
 * A learner's facts, each one known: the single definition of the learner profile. The advice's
 * profile, the facts a conversation reports, and the REST and CLI inputs are all taken from it.
 */
export const LearnerFacts = z.strictObject({
  role: z.string().min(1).describe("Canonical job role title from the catalogue's role list"),
  experienceMonths: z.number().int().min(0).max(1200).describe("Months of contact-centre experience"),
  level: z.number().int().min(0).max(8).describe("Highest qualification level held (0 = none)"),
  qualificationsHeld: z.array(EntryId).describe("Catalogue ids of qualifications held"),
  workingInContactCentre: z.boolean().describe("Working in a contact centre now"),
  apprenticeship: z.boolean().describe("Interested in an apprenticeship"),
  nation: z.enum(NATIONS),
  age: z.number().int().min(10).max(120).describe("Age in years"),
  goal: z.enum(GOALS).describe("Knowledge (a certificate), competence (an NVQ) or both"),
});

type Unknowable<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>> };
/** Each fact of a shape may also be null ("asked, and not known") or absent (not asked). */
function unknowable<S extends Record<string, z.ZodType>>(shape: S): Unknowable<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [k, s.nullable().optional()]),
  ) as Unknowable<S>;
}

/** What we know of a learner: the advice's input. Every fact may be unknown; none held by default. */
export const LearnerProfile = z.strictObject({
  ...unknowable(LearnerFacts.omit({ qualificationsHeld: true }).shape),
  qualificationsHeld: LearnerFacts.shape.qualificationsHeld.default([]),
});
export type LearnerProfile = z.infer<typeof LearnerProfile>;

/** Every fact of a profile present, null where not known (the facts a conversation reports). */
export const ProfileFacts = LearnerProfile.required();
export type ProfileFacts = z.infer<typeof ProfileFacts>;

/**
 * A learner described in a request (REST body, CLI options): the facts as given, with the job role
 * and the experience in the learner's words, matched against the catalogue by `profileFrom`.
 */
export const ProfileInput = LearnerFacts.pick({
  level: true,
  apprenticeship: true,
  nation: true,
  age: true,
  goal: true,
})
  .extend({
    role: z.string().trim().min(1).max(100).describe('A job role in any words, e.g. "team lead"'),
    experience: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('Contact-centre experience, e.g. "2 years", "since 2021", "none"'),
    working: LearnerFacts.shape.workingInContactCentre,
    held: LearnerFacts.shape.qualificationsHeld.max(20),
  })
  .partial();
export type ProfileInput = z.infer<typeof ProfileInput>;
