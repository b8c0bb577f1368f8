import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry, Role, Source } from "../catalogue/schema.ts";
import type { LearnerProfile } from "./profile.ts";

/** One reason, in plain words, with the phrase of the source it rests on. */
export interface Reason {
  text: string;
  quote?: string;
  source?: string;
}

export const cite = (text: string, s: Source | undefined): Reason =>
  s ? { text, quote: s.quote, source: s.doc } : { text };

export type Kind = "knowledge" | "competence" | "apprenticeship";

export function kindOf(e: CatalogueEntry): Kind {
  return e.type === "pathway" ? "apprenticeship" : e.qualificationKind.value;
}

/** The level the profile points to for one kind of qualification, and why; null when nothing higher exists. */
export interface Target {
  level: number;
  why: Reason;
  /**
   * When the quoted reason describes one entry only (OCR's Level 2 certificate "for people preparing for
   * such a job"), its id, and the reason without that entry's words for every other entry at the level:
   * one qualification's description is never given as another's (persona review 5, wrong advice 13).
   */
  about?: { id: string; otherwise: string };
}
export type Targets = Record<Kind, Target | null>;

/** Highest levels of the catalogue qualifications held, by kind. */
function heldLevels(
  catalogue: Catalogue,
  profile: LearnerProfile,
): Partial<Record<Kind, { level: number; id: string }>> {
  const out: Partial<Record<Kind, { level: number; id: string }>> = {};
  for (const id of profile.qualificationsHeld) {
    const e = catalogue.entries.get(id);
    const level = e?.level.value;
    if (!e || level === undefined) continue;
    const kind = kindOf(e);
    if ((out[kind]?.level ?? 0) < level) out[kind] = { level, id };
  }
  return out;
}

/** The suits-line of an entry that contains a phrase, as a source. */
function suitsSource(catalogue: Catalogue, id: string, phrase: string): Source | undefined {
  return catalogue.entries.get(id)?.suits.find((s) => s.value.includes(phrase))?.source;
}

/** The level the learner's job role or experience points to, before what they hold is counted. */
function baseLevel(catalogue: Catalogue, profile: LearnerProfile, role: Role | undefined): Target {
  if (role?.nvqLevels.length) {
    const level = Math.min(...role.nvqLevels);
    return {
      level,
      why: cite(
        `OCR's NVQ datasheet lists ${role.title} among the job roles for its Level ${level} NVQ`,
        role.sources[0],
      ),
    };
  }
  if (role?.reachedAfterLevel !== undefined) {
    return {
      level: role.reachedAfterLevel + 1,
      why: cite(
        `the Welsh apprenticeship pathway names ${role.title} as a role Level ${role.reachedAfterLevel} apprentices progress into`,
        role.sources.find((s) => s.doc.startsWith("003")),
      ),
    };
  }
  // Only someone with no such experience is told so: not working in a contact centre now is not the
  // same (persona review 1: a former team leader of six years was told "without experience").
  if (profile.experienceMonths === 0) {
    return {
      level: 2,
      why: cite(
        "without contact-centre or customer-service experience, Level 2 is the place to start: this certificate is for people preparing for such a job",
        suitsSource(catalogue, "ocr-10266", "Wishing to prepare for employment"),
      ),
      about: {
        id: "ocr-10266",
        otherwise:
          "without contact-centre or customer-service experience, Level 2 is the place to start (our sources say who OCR's Level 2 certificate is for, not this one)",
      },
    };
  }
  // No job role given: the sources' entry roles (trainee agent, agent, advisor) are Level 2 roles.
  const l2 = catalogue.entries.get("ocr-10265");
  return {
    level: 2,
    why: cite(
      "Level 2 is where the contact-centre qualifications start: OCR lists its entry roles (trainee agent, agent, advisor) for its Level 2 NVQ",
      l2?.jobRoles[0]?.source,
    ),
  };
}

/** Level 2 for an apprenticeship, in the Welsh pathway's own words when the learner has no experience. */
function noviceApprenticeship(catalogue: Catalogue, base: Target): Target {
  const source = catalogue.entries
    .get("wales-cco-l2")
    ?.suits.find((s) => s.value.includes("may be better suited to Level 2"))?.source;
  return base.about && source
    ? {
        level: 2,
        why: cite(
          "people without contact-centre or customer-service experience may be better suited to Level 2 than Level 3",
          source,
        ),
      }
    : base;
}

/**
 * The level the profile points to for each kind of qualification:
 * - competence (NVQs): the learner's role level, or one above the highest NVQ they hold; none when they
 *   hold a Level 4 NVQ (the highest in the catalogue);
 * - knowledge (certificates, Level 2 and 3 only): the role level, one above the highest certificate
 *   held, or one above the highest NVQ held (the IQ page names the Level 3 certificate as a step from the
 *   Level 2 NVQ); none when they hold the Level 3 certificate;
 * - apprenticeship (the Welsh pathway): Level 3 for people with contact-centre or customer-service
 *   experience, a Level 3 role or a Level 2 contact-centre qualification, else Level 2 (seed 003: most
 *   Level 3 apprentices have prior experience; those without may be better suited to Level 2).
 */
export function targetLevels(catalogue: Catalogue, profile: LearnerProfile, role: Role | undefined): Targets {
  const base = baseLevel(catalogue, profile, role);
  const held = heldLevels(catalogue, profile);
  const title = (id: string) => catalogue.entries.get(id)?.title.value ?? id;
  const stepFrom = (h: { level: number; id: string }, to: Kind): Target => {
    const next = h.level + 1;
    const route = catalogue.entries.get(h.id)?.progression.find((p) => {
      const e = p.to ? catalogue.entries.get(p.to) : undefined;
      return e && kindOf(e) === to && e.level.value === next;
    });
    return {
      level: next,
      why: cite(
        `you hold the ${title(h.id)} (Level ${h.level}): the next step is Level ${next}`,
        route?.source,
      ),
    };
  };

  const hc = held.competence;
  let competence: Target | null = base;
  if (hc && hc.level >= 4) competence = null;
  else if (hc && hc.level + 1 > base.level) competence = stepFrom(hc, "competence");

  const hk = held.knowledge;
  let knowledge: Target | null = null;
  if (!hk || hk.level < 3) {
    const candidates = [
      base,
      ...(hk ? [stepFrom(hk, "knowledge")] : []),
      ...(hc ? [stepFrom(hc, "knowledge")] : []),
    ];
    const best = candidates.sort((a, b) => b.level - a.level)[0] ?? base;
    knowledge =
      best.level > 3
        ? {
            level: 3,
            why: {
              text: "Level 3 is the highest knowledge certificate, and your role or qualifications are at that level or above",
            },
          }
        : best;
  }

  const experienced = (profile.experienceMonths ?? 0) > 0;
  const l3 = catalogue.entries.get("wales-cco-l3");
  const apprenticeship: Target =
    experienced || base.level >= 3 || (hc?.level ?? 0) >= 2 || (hk?.level ?? 0) >= 2
      ? {
          level: 3,
          why: cite(
            experienced
              ? "most Level 3 apprentices have some contact-centre or customer-service experience, as you do"
              : "you already work or hold qualifications at Level 2 or above",
            l3?.suits.find((s) => s.value.includes("prior experience"))?.source,
          ),
        }
      : noviceApprenticeship(catalogue, base);
  return { competence, knowledge, apprenticeship };
}
