import { z } from "zod";

/** What we know of a learner. Every field is optional; null means "asked, and not known". */
export const LearnerProfile = z.strictObject({
  /** Canonical job role title from the catalogue's role list. */
  role: z.string().min(1).nullable().optional(),
  experienceMonths: z.number().int().min(0).max(1200).nullable().optional(),
  /** Highest qualification level held (0 = none). */
  level: z.number().int().min(0).max(8).nullable().optional(),
  /** Catalogue ids of qualifications held. */
  qualificationsHeld: z.array(z.string()).default([]),
  workingInContactCentre: z.boolean().nullable().optional(),
  apprenticeship: z.boolean().nullable().optional(),
  nation: z.enum(["England", "Wales", "Scotland", "Northern Ireland"]).nullable().optional(),
  age: z.number().int().min(10).max(120).nullable().optional(),
  goal: z.enum(["knowledge", "competence", "both"]).nullable().optional(),
});
export type LearnerProfile = z.infer<typeof LearnerProfile>;
