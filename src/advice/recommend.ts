import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry, Role, Source } from "../catalogue/schema.ts";
import type { LearnerProfile } from "./profile.ts";
import { findRole } from "./roles.ts";

/** One reason, in plain words, with the phrase of the source it rests on. */
export interface Reason {
  text: string;
  quote?: string;
  source?: string;
}

export interface Recommendation {
  qualificationId: string;
  title: string;
  level: number | null;
  kind: "knowledge" | "competence" | "apprenticeship";
  score: number;
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
  /** The level the profile points to, and why (null when the profile does not say). */
  targetLevel: { level: number; why: Reason } | null;
  recommendations: Recommendation[];
  /** Not open to new learners (past the operational end date). */
  notOffered: Excluded[];
  /** Open, but not for this learner (age, work, nation, already held...). */
  notSuitable: Excluded[];
}

const cite = (text: string, s: Source | undefined): Reason =>
  s ? { text, quote: s.quote, source: s.doc } : { text };
const dmy = (iso: string) => iso.split("-").reverse().join("/");

function kindOf(e: CatalogueEntry): Recommendation["kind"] {
  return e.type === "pathway" ? "apprenticeship" : e.qualificationKind.value;
}

/** Levels held: the catalogue qualifications the learner holds. */
function heldLevels(catalogue: Catalogue, profile: LearnerProfile): number[] {
  return profile.qualificationsHeld.flatMap((id) => {
    const e = catalogue.entries.get(id);
    return e?.level.value !== undefined ? [e.level.value] : [];
  });
}

function targetLevel(
  catalogue: Catalogue,
  profile: LearnerProfile,
  role: Role | undefined,
): RecommendationResult["targetLevel"] {
  const held = heldLevels(catalogue, profile);
  const highestHeld = held.length ? Math.max(...held) : undefined;
  let target: RecommendationResult["targetLevel"] = null;
  if (role?.nvqLevels.length) {
    const level = Math.min(...role.nvqLevels);
    target = {
      level,
      why: cite(`OCR names ${role.title} among the roles for its Level ${level} NVQ`, role.sources[0]),
    };
  } else if (role?.reachedAfterLevel !== undefined) {
    const source = role.sources.find((s) => s.doc.startsWith("003"));
    target = {
      level: role.reachedAfterLevel + 1,
      why: cite(
        `the Welsh pathway names ${role.title} as a role Level ${role.reachedAfterLevel} apprentices progress into`,
        source,
      ),
    };
  } else if (profile.experienceMonths === 0 || profile.workingInContactCentre === false) {
    const l2 = catalogue.entries.get("wales-cco-l3");
    const quote = l2?.suits.find((s) => s.value.includes("better suited to Level 2"))?.source;
    target = {
      level: 2,
      why: cite("without contact-centre experience, Level 2 is the place to start", quote),
    };
  }
  if (highestHeld !== undefined && (!target || target.level <= highestHeld)) {
    const level = Math.min(4, highestHeld + 1);
    target = {
      level,
      why: {
        text: `you already hold a Level ${highestHeld} contact-centre qualification: the next step is Level ${level}`,
      },
    };
  }
  return target;
}

interface Verdict {
  exclude?: { list: "notOffered" | "notSuitable"; reason: Reason };
  score: number;
  reasons: Reason[];
  cautions: Reason[];
}

function assess(
  catalogue: Catalogue,
  e: CatalogueEntry,
  profile: LearnerProfile,
  role: Role | undefined,
  target: RecommendationResult["targetLevel"],
  today: string,
): Verdict {
  const v: Verdict = { score: 0, reasons: [], cautions: [] };
  const level = e.level.value;
  const kind = kindOf(e);

  // Closed to new registrations.
  if (e.type === "qualification" && e.operationalEnd && e.operationalEnd.value < today) {
    v.exclude = {
      list: "notOffered",
      reason: cite(
        `Its operational end date, ${dmy(e.operationalEnd.value)}, has passed, so it is closed to new registrations.`,
        e.operationalEnd.source,
      ),
    };
    return v;
  }
  if (profile.qualificationsHeld.includes(e.id)) {
    v.exclude = { list: "notSuitable", reason: { text: "You already hold it." } };
    return v;
  }
  if (e.minimumAge?.value !== undefined && profile.age != null && profile.age < e.minimumAge.value) {
    v.exclude = {
      list: "notSuitable",
      reason: cite(`The minimum age is ${e.minimumAge.value}.`, e.minimumAge.source),
    };
    return v;
  }
  if (kind === "competence" && profile.workingInContactCentre === false) {
    const basis = [...catalogue.entries.values()]
      .flatMap((x) => x.suits)
      .find((s) => s.value.includes("current real work"));
    v.exclude = {
      list: "notSuitable",
      reason: cite(
        "NVQs assess competence at work and need current real work in a contact centre; a knowledge certificate suits you now.",
        basis?.source,
      ),
    };
    return v;
  }
  if (e.type === "pathway") {
    if (profile.apprenticeship === false) {
      v.exclude = {
        list: "notSuitable",
        reason: { text: "It is an apprenticeship, and you are not looking for one." },
      };
      return v;
    }
    if (profile.nation && profile.nation !== e.nation) {
      v.exclude = {
        list: "notSuitable",
        reason: cite(`It is the ${e.nation} apprenticeship pathway, for apprentices in ${e.nation}.`, {
          doc: "003_e642700d9e289f8d.txt",
          quote:
            "This is the only Apprenticeship Pathway in the Business & Management sector approved for use in Wales that is eligible for Welsh Government funding.",
        }),
      };
      return v;
    }
  }

  // Level.
  if (target && level !== undefined) {
    const diff = level - target.level;
    if (diff === 0) {
      v.score += 40;
      v.reasons.push({ ...target.why, text: `It is at Level ${level}, your level: ${target.why.text}.` });
    } else if (diff === 1) {
      v.score += 10;
      v.reasons.push({ text: `It is one level up (Level ${level}): a step for later.` });
    } else if (diff < 0) {
      v.score -= 10;
      v.cautions.push({
        text: `It is at Level ${level}, below the Level ${target.level} your profile points to.`,
      });
    } else {
      v.score -= 20;
      v.cautions.push({
        text: `It is at Level ${level}, well above the Level ${target.level} your profile points to.`,
      });
    }
  }
  // Role named for this qualification.
  const roleFact =
    role && e.type === "qualification" ? e.jobRoles.find((r) => r.value === role.title) : undefined;
  if (roleFact) {
    v.score += 20;
    v.reasons.push(cite(`It names your role, ${role?.title}, among its job roles.`, roleFact.source));
  }
  // Work.
  const workFact = e.suits.find((s) => s.value.includes("current real work"));
  if (kind === "competence" && profile.workingInContactCentre === true) {
    v.score += 15;
    v.reasons.push(
      cite("It is an NVQ, for people in contact-centre work now, as you are.", workFact?.source),
    );
  }
  if (kind === "competence" && profile.workingInContactCentre == null) {
    v.cautions.push(cite("An NVQ needs current real work in a contact centre.", workFact?.source));
  }
  if (kind === "knowledge" && profile.workingInContactCentre === false) {
    v.score += 20;
    const prepare = e.suits.find((s) => /prepar/i.test(s.value));
    v.reasons.push(
      cite(
        "It is a knowledge qualification: you can take it before you work in a contact centre.",
        prepare?.source ?? (e.type === "qualification" ? e.qualificationKind.source : undefined),
      ),
    );
  }
  // Goal.
  if (profile.goal) {
    const fits = profile.goal === "both" ? kind === "apprenticeship" : kind === profile.goal;
    if (fits) {
      v.score += 20;
      v.reasons.push({
        text:
          profile.goal === "both"
            ? "It combines a competence and a knowledge qualification, as you want."
            : `It is a ${kind} qualification, as you want.`,
      });
    }
  }
  // Apprenticeships.
  if (e.type === "pathway") {
    const funding = {
      doc: "003_e642700d9e289f8d.txt",
      quote:
        "This is the only Apprenticeship Pathway in the Business & Management sector approved for use in Wales that is eligible for Welsh Government funding.",
    };
    if (profile.apprenticeship === true && profile.nation === "Wales") {
      v.score += 50;
      v.reasons.push(
        cite(
          "You want an apprenticeship in Wales: this is the Welsh Government's pathway for contact-centre apprentices.",
          funding,
        ),
      );
    } else if (profile.apprenticeship === true || profile.nation === "Wales") {
      v.score += 10;
      v.cautions.push(
        cite(
          profile.nation === "Wales"
            ? "It is an apprenticeship: you work as an apprentice while you train."
            : "It is for apprentices in Wales.",
          funding,
        ),
      );
    } else {
      v.score -= 30;
      v.cautions.push(cite("It is an apprenticeship for apprentices in Wales.", funding));
    }
    const experienced = e.suits.find((s) => s.value.includes("prior experience"));
    const novice = e.suits.find((s) => s.value.includes("better suited to Level 2"));
    if (level === 3 && experienced && (profile.experienceMonths ?? 0) > 0) {
      v.score += 15;
      v.reasons.push(
        cite(
          "It suits people with some contact-centre or customer-service experience, as you have.",
          experienced.source,
        ),
      );
    }
    if (level === 3 && profile.experienceMonths === 0) {
      v.score -= 15;
      v.cautions.push(
        cite(
          "Without prior experience, Level 2 is the better fit.",
          e.suits.find((s) => s.value.includes("prior experience"))?.source,
        ),
      );
    }
    if (level === 2 && novice && profile.experienceMonths === 0) {
      v.score += 15;
      v.reasons.push(
        cite(
          "Without prior contact-centre experience, the Level 2 apprenticeship is the better fit.",
          novice.source,
        ),
      );
    }
  } else if (profile.apprenticeship === true) {
    const component = e.qualificationKind.source.quote.includes("component of the")
      ? e.qualificationKind.source
      : undefined;
    if (component) {
      v.score += 10;
      v.reasons.push(cite("It is part of an apprenticeship in contact-centre operations.", component));
    }
  }
  // Age.
  const anyAge = e.entryRequirements.find((r) => r.value.includes("any age"));
  if (profile.age != null && profile.age < 18 && anyAge) {
    v.score += 5;
    v.reasons.push(cite("It is open to candidates of any age.", anyAge.source));
  }
  if (e.minimumAge?.value !== undefined && profile.age == null) {
    v.cautions.push(cite(`The minimum age is ${e.minimumAge.value}.`, e.minimumAge.source));
  }
  // Progression from what the learner holds.
  for (const id of profile.qualificationsHeld) {
    const route = catalogue.entries.get(id)?.progression.find((p) => p.to === e.id);
    if (route) {
      v.score += 25;
      v.reasons.push(
        cite(`It is a next step from the ${catalogue.entries.get(id)?.title.value} you hold.`, route.source),
      );
    }
  }
  if (e.type === "qualification" && !e.units) {
    v.cautions.push({ text: "Its unit list is not in our sources, so we cannot plan or check its units." });
  }
  return v;
}

function nextStep(e: CatalogueEntry): string {
  if (e.type === "pathway") {
    const parts = e.components
      .map((c) => (c.component === "qualification" ? c.name.toLowerCase() : c.name))
      .join(", ");
    return `Talk to an apprenticeship training provider in ${e.nation} about the Level ${e.level.value} pathway (${parts}).`;
  }
  const centre = `Ask a centre approved by ${e.awardingBody.value.replace(/ \(.*\)$/, "")} to register you`;
  return e.units
    ? `${centre}, and plan your units (advisor plan ${e.id}).`
    : `${centre}; it will give you the unit list.`;
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
 * Qualifications and pathways ranked for a learner, each with its reasons quoted from the sources.
 * Deterministic: the same profile and date always give the same ranking.
 */
export function recommend(catalogue: Catalogue, profile: LearnerProfile, today: Date): RecommendationResult {
  const role = profile.role ? findRole(catalogue.roles, profile.role) : undefined;
  const target = targetLevel(catalogue, profile, role);
  const day = today.toISOString().slice(0, 10);
  const result: RecommendationResult = {
    targetLevel: target,
    recommendations: [],
    notOffered: [],
    notSuitable: [],
  };
  for (const e of catalogue.entries.values()) {
    const v = assess(catalogue, e, profile, role, target, day);
    const base = { qualificationId: e.id, title: e.title.value };
    if (v.exclude) {
      result[v.exclude.list].push({ ...base, reason: v.exclude.reason });
      continue;
    }
    result.recommendations.push({
      ...base,
      level: e.level.value ?? null,
      kind: kindOf(e),
      score: v.score,
      reasons: quoteOnce(v.reasons),
      cautions: v.cautions,
      nextStep: nextStep(e),
    });
  }
  const distance = (r: Recommendation) => (target && r.level !== null ? Math.abs(r.level - target.level) : 0);
  result.recommendations.sort(
    (a, b) =>
      b.score - a.score ||
      distance(a) - distance(b) ||
      (a.level ?? 0) - (b.level ?? 0) ||
      a.qualificationId.localeCompare(b.qualificationId),
  );
  return result;
}
