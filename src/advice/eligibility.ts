import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry, Source } from "../catalogue/schema.ts";
import type { LearnerProfile } from "./profile.ts";
import { kindOf } from "./targets.ts";

/**
 * The conditions of eligibility for one catalogue entry and one learner, each with the fact it rests
 * on and that fact's source: whether it is open to new registrations, whether the learner holds it (or
 * one of its kind at the same or a higher level), their age, contact-centre work for an NVQ, the nation
 * of an apprenticeship pathway, and what it asks on entry. The recommendation's exclusions (assess.ts)
 * and the conversation's "can I do X?" answers both read these, so each rule lives here only.
 *
 * Only data: the words are the reader's (assess.ts for reasons, the message catalogue for answers).
 */
export type Condition = "open" | "held" | "age" | "work" | "nation" | "entry";

export interface ConditionCheck {
  condition: Condition;
  status: "met" | "unmet" | "unknown";
  /**
   * For an unknown condition: the fact about the learner that settles it, or "source" when our sources
   * do not say (only the awarding body or a centre can).
   */
  needs?: "age" | "working" | "nation" | "source";
  source?: Source;
  /** open: the operational end date passed (closed) or the start date is to come; or the end to come. */
  closedOn?: string;
  opensOn?: string;
  openUntil?: string;
  /** held: the entry held (itself, or one of its kind at the same or a higher level). */
  heldId?: string;
  /** age: the minimum age; or `anyAge` where the source says it is open to any age. */
  minimumAge?: number;
  anyAge?: boolean;
  /** work: a knowledge qualification whose source says it suits people preparing for work (no job needed). */
  noJobNeeded?: boolean;
  /** work: an apprenticeship, where the job comes with it (employers take apprentices on). */
  withJob?: boolean;
  /** nation: the pathway's nation. */
  nation?: string;
  /** entry: the entry requirement as the source words it. */
  requirement?: string;
}

/** OCR's description of what an NVQ is: it holds for any NVQ, and is quoted as OCR's. */
export const NVQ_AT_WORK: Source = {
  doc: "001_545bdd81e066066f.txt",
  quote:
    "An NVQ (National Vocational Qualification) is a qualification that assesses someone's competence (that is the skills, knowledge and understanding they have) within a work situation.",
};
/** The qualifications in our sources are QCF qualifications accredited by Ofqual. */
export const QCF_ACCREDITED: Source = {
  doc: "001_545bdd81e066066f.txt",
  quote:
    "These qualifications have been accredited by Ofqual for inclusion on the Qualifications Credit Framework (QCF).",
};
/** The Welsh pathway is the Welsh Government's, for apprentices in Wales. */
export const WELSH_FUNDING: Source = {
  doc: "003_e642700d9e289f8d.txt",
  quote:
    "This is the only Apprenticeship Pathway in the Business & Management sector approved for use in Wales that is eligible for Welsh Government funding.",
};

const ANY_AGE = /any age/;
const NO_REQUIREMENTS = /no (formal|mandatory) entry requirements|no barriers to entry/i;

function openCheck(e: CatalogueEntry, today: string): ConditionCheck {
  if (e.type !== "qualification") return { condition: "open", status: "unknown", needs: "source" };
  if (e.operationalEnd && e.operationalEnd.value < today)
    return {
      condition: "open",
      status: "unmet",
      closedOn: e.operationalEnd.value,
      source: e.operationalEnd.source,
    };
  if (e.operationalStart && e.operationalStart.value > today)
    return {
      condition: "open",
      status: "unmet",
      opensOn: e.operationalStart.value,
      source: e.operationalStart.source,
    };
  if (e.operationalEnd)
    return {
      condition: "open",
      status: "met",
      openUntil: e.operationalEnd.value,
      source: e.operationalEnd.source,
    };
  return { condition: "open", status: "unknown", needs: "source" };
}

function heldCheck(catalogue: Catalogue, e: CatalogueEntry, p: LearnerProfile): ConditionCheck | undefined {
  if (p.qualificationsHeld.includes(e.id)) return { condition: "held", status: "unmet", heldId: e.id };
  const higher = p.qualificationsHeld
    .map((id) => catalogue.entries.get(id))
    .find((h) => h && kindOf(h) === kindOf(e) && (h.level.value ?? 0) >= (e.level.value ?? 0));
  return higher ? { condition: "held", status: "unmet", heldId: higher.id } : undefined;
}

function ageCheck(e: CatalogueEntry, p: LearnerProfile): ConditionCheck {
  const min = e.minimumAge;
  if (min?.value !== undefined) {
    const base = { condition: "age", minimumAge: min.value, source: min.source } as const;
    if (p.age == null) return { ...base, status: "unknown", needs: "age" };
    return { ...base, status: p.age < min.value ? "unmet" : "met" };
  }
  const any = e.entryRequirements.find((r) => ANY_AGE.test(r.value));
  if (any) return { condition: "age", status: "met", anyAge: true, source: any.source };
  return { condition: "age", status: "unknown", needs: "source" };
}

function workCheck(e: CatalogueEntry, p: LearnerProfile): ConditionCheck | undefined {
  const kind = kindOf(e);
  if (kind === "knowledge") {
    const prepare = e.suits.find((s) => /^Wishing to prepare/.test(s.value));
    return prepare
      ? { condition: "work", status: "met", noJobNeeded: true, source: prepare.source }
      : undefined;
  }
  if (kind === "apprenticeship") {
    // The pathway's on-the-job training hours say it is done in a job (persona review 3: a quote about
    // what employers look for was given for this, and does not say it).
    const onTheJob = e.type === "pathway" ? e.totalHours.source : undefined;
    return onTheJob ? { condition: "work", status: "met", withJob: true, source: onTheJob } : undefined;
  }
  if (kind !== "competence") return undefined;
  const source = e.suits.find((s) => s.value.includes("current real work"))?.source ?? NVQ_AT_WORK;
  const working = p.workingInContactCentre;
  if (working == null) return { condition: "work", status: "unknown", needs: "working", source };
  return { condition: "work", status: working ? "met" : "unmet", source };
}

function nationCheck(e: CatalogueEntry, p: LearnerProfile): ConditionCheck | undefined {
  if (e.type !== "pathway") return undefined;
  const base = { condition: "nation", nation: e.nation, source: WELSH_FUNDING } as const;
  if (p.nation == null) return { ...base, status: "unknown", needs: "nation" };
  return { ...base, status: p.nation === e.nation ? "met" : "unmet" };
}

function entryCheck(e: CatalogueEntry): ConditionCheck {
  const none = e.entryRequirements.find((r) => NO_REQUIREMENTS.test(r.value));
  return none
    ? { condition: "entry", status: "met", requirement: none.value, source: none.source }
    : { condition: "entry", status: "unknown", needs: "source" };
}

/** Every condition of one entry for one learner, in a fixed order: open, held, age, work, nation, entry. */
export function conditionsOf(
  catalogue: Catalogue,
  e: CatalogueEntry,
  profile: LearnerProfile,
  today: string,
): ConditionCheck[] {
  return [
    openCheck(e, today),
    heldCheck(catalogue, e, profile),
    ageCheck(e, profile),
    workCheck(e, profile),
    nationCheck(e, profile),
    entryCheck(e),
  ].filter((c): c is ConditionCheck => c !== undefined);
}

export type Verdict = "yes" | "no" | "depends";

/** No when a condition is unmet; it depends when a fact about the learner is still unknown; else yes. */
export function verdictOf(checks: readonly ConditionCheck[]): Verdict {
  if (checks.some((c) => c.status === "unmet")) return "no";
  if (checks.some((c) => c.status === "unknown" && c.needs !== "source")) return "depends";
  return "yes";
}

export interface Eligibility {
  entryId: string;
  verdict: Verdict;
  checks: ConditionCheck[];
}

/** Whether a learner may take an entry, and every condition it rests on. */
export function eligibilityFor(
  catalogue: Catalogue,
  entryId: string,
  profile: LearnerProfile,
  today: string,
): Eligibility | undefined {
  const e = catalogue.entries.get(entryId);
  if (!e) return undefined;
  const checks = conditionsOf(catalogue, e, profile, today);
  return { entryId, verdict: verdictOf(checks), checks };
}
