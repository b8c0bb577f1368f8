import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry, Pathway } from "../catalogue/schema.ts";
import { type Assessment, type Context, evidence, exclusion, goalFit, levelFit, owner } from "./assess.ts";
import type { LearnerProfile } from "./profile.ts";
import { findRole } from "./roles.ts";
import { compareRankings, type Ranking, scoreOf } from "./scoring.ts";
import { type Kind, kindOf, type Reason, type Targets, targetLevels } from "./targets.ts";

export type { Reason } from "./targets.ts";

export interface Recommendation {
  qualificationId: string;
  title: string;
  level: number | null;
  kind: Kind;
  /** One number ordering like the ranking tiers (see scoring.ts). */
  score: number;
  /** The tiers: goal fit, level fit, evidence (see scoring.ts). */
  ranking: Ranking;
  reasons: Reason[];
  cautions: Reason[];
  nextStep: string;
}

export interface Excluded {
  qualificationId: string;
  title: string;
  reason: Reason;
}

export interface RecommendationResult {
  /** The level the profile points to for each kind of qualification, and why (null: nothing higher). */
  targets: Targets;
  recommendations: Recommendation[];
  /** Not open to new learners (past the operational end date, or not yet open). */
  notOffered: Excluded[];
  /** Open, but not for this learner (age, work, nation, already held...). */
  notSuitable: Excluded[];
}

function nextStep(e: CatalogueEntry): string {
  if (e.type === "pathway") {
    const parts = e.components
      .map((c) => (c.component === "qualification" ? c.name.toLowerCase() : c.name))
      .join(", ");
    return `Talk to an apprenticeship training provider in ${e.nation} about the Level ${e.level.value} pathway (${parts}).`;
  }
  const centre = `Ask a centre approved by ${owner(e)} to register you`;
  return e.units
    ? `${centre}, and plan your units (advisor plan ${e.id}).`
    : `${centre}; it will give you the unit list.`;
}

function hasUnits(catalogue: Catalogue, id: string): boolean {
  const e = catalogue.entries.get(id);
  return e?.type === "qualification" && !!e.units;
}

/** A quote already shown for an earlier reason of the same recommendation is not repeated. */
function quoteOnce(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.map((r) => {
    if (r.quote === undefined) return r;
    const key = `${r.source}\u0000${r.quote}`;
    if (seen.has(key)) return { text: r.text };
    seen.add(key);
    return r;
  });
}

/**
 * Qualifications and pathways ranked for a learner, each with its reasons quoted from the sources, by
 * the model in scoring.ts: eligibility, then goal, then level, then evidence. Deterministic: the same
 * profile and date always give the same ranking.
 */
export function recommend(catalogue: Catalogue, profile: LearnerProfile, today: Date): RecommendationResult {
  const role = profile.role ? findRole(catalogue.roles, profile.role) : undefined;
  const ctx: Context = {
    catalogue,
    profile,
    role,
    targets: targetLevels(catalogue, profile, role),
    today: today.toISOString().slice(0, 10),
    pathways: [...catalogue.entries.values()].filter((e): e is Pathway => e.type === "pathway"),
  };
  const result: RecommendationResult = {
    targets: ctx.targets,
    recommendations: [],
    notOffered: [],
    notSuitable: [],
  };
  for (const e of catalogue.entries.values()) {
    const base = { qualificationId: e.id, title: e.title.value };
    const exclude = exclusion(ctx, e);
    if (exclude) {
      result[exclude.list].push({ ...base, reason: exclude.reason });
      continue;
    }
    const a: Assessment = { ranking: { goal: 0, level: 0, evidence: 0 }, reasons: [], cautions: [] };
    a.ranking.goal = goalFit(ctx, e, a);
    a.ranking.level = levelFit(ctx, e, a);
    a.ranking.evidence = evidence(ctx, e, a);
    result.recommendations.push({
      ...base,
      level: e.level.value ?? null,
      kind: kindOf(e),
      score: scoreOf(a.ranking),
      ranking: a.ranking,
      reasons: quoteOnce(a.reasons),
      cautions: a.cautions,
      nextStep: nextStep(e),
    });
  }
  result.recommendations.sort(
    (a, b) =>
      compareRankings(a.ranking, b.ranking) ||
      (a.level ?? 0) - (b.level ?? 0) ||
      // Then one whose units I can plan and check, then the catalogue id.
      Number(hasUnits(catalogue, b.qualificationId)) - Number(hasUnits(catalogue, a.qualificationId)) ||
      a.qualificationId.localeCompare(b.qualificationId),
  );
  return result;
}
