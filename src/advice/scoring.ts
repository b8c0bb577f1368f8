/**
 * The recommendation model, in one place. An entry is ranked by three tiers, each settled before the
 * next is looked at, and only then by the weights of the evidence for it:
 *
 *   0. eligibility: closed, not yet open, already held (or one of the same kind at the same or a higher
 *      level held), under the minimum age, an NVQ for someone not
 *      in contact-centre work, an apprenticeship for someone who does not want one or lives elsewhere:
 *      the entry is not recommended at all (it is listed as not offered or not suitable, with why);
 *   1. goal: what the learner asked for (a knowledge or competence qualification, both, an
 *      apprenticeship) before anything else;
 *   2. level: the level the profile points to for that kind of qualification, from what the learner
 *      holds (and its kind), their job role and their experience together (see targets.ts);
 *   3. evidence: the weights below, summed; each is a reason quoted from that entry's own source (or a
 *      caution), so the learner sees why.
 *
 * Ties: lower level first, then an entry whose unit list we hold (so its units can be planned and
 * checked), then catalogue id (deterministic).
 */

/** Tier 1: how the entry fits what the learner asked for. */
export const GOAL_FIT = {
  /** It is what they asked for: the kind they want, or an apprenticeship they want. */
  fits: 2,
  /** They asked for nothing in particular, or it covers part of what they asked for. */
  neutral: 1,
  /** Not what they asked for (a competence qualification when they want knowledge only...). */
  against: 0,
} as const;

/** Tier 2: how the entry's level fits the level the profile points to for its kind. */
export const LEVEL_FIT = {
  /** At the target level. */
  target: 2,
  /** One level above it: a step for later. */
  nextStep: 1,
  /** Below it, two or more above it, or no target (they hold the highest of that kind). */
  off: 0,
} as const;

/** Tier 3: evidence weights (summed). A positive weight comes with a quoted reason, a negative one with a caution. */
export const EVIDENCE = {
  /** Its own job-role list names the learner's role (OCR's NVQ datasheet). */
  roleNamed: 4,
  /** A progression route from a qualification they hold leads to it, as that qualification's source says. */
  progressionFromHeld: 4,
  /** The same, where the route's target is only inferred (the source names no awarding body). */
  inferredProgressionFromHeld: 2,
  /** A competence qualification, and they work in a contact centre now (NVQs assess work). */
  workNow: 3,
  /** A knowledge qualification whose source says it suits people preparing for such work, and they are not in it yet. */
  prepareForWork: 3,
  /** Its source says it suits people with their experience (some, or none). */
  experienceFit: 3,
  /** They want an apprenticeship, and the apprenticeship pathway of their nation names it (the one they would take). */
  pathwayComponent: 5,
  /** They want an apprenticeship, and its awarding body says it forms part of one. */
  apprenticeshipComponent: 1,
  /** Under 18, and its source says it is open to any age. */
  anyAge: 1,
  /** They hold no qualifications, and its source says none are needed. */
  noQualificationsNeeded: 1,
  /** They hold Level 3 or above and are not in contact-centre work: the Level 3 certificate suits people studying for such roles. */
  studyingForLevel3Roles: 1,
  /** A condition of eligibility not yet known (work for an NVQ, the nation for a pathway, age below a minimum). */
  eligibilityUnknown: -3,
} as const;

export type Evidence = keyof typeof EVIDENCE;

export interface Ranking {
  goal: number;
  level: number;
  evidence: number;
}

/** One number that orders like the tiers (for display and for clients that sort by score). */
export const scoreOf = (r: Ranking): number => r.goal * 10_000 + r.level * 100 + r.evidence;

/** Tier by tier: goal, then level, then evidence. */
export const compareRankings = (a: Ranking, b: Ranking): number =>
  b.goal - a.goal || b.level - a.level || b.evidence - a.evidence;
