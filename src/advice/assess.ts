import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry, Pathway, Role, Source } from "../catalogue/schema.ts";
import { type ConditionCheck, conditionsOf, NVQ_AT_WORK, WELSH_FUNDING } from "./eligibility.ts";
import type { LearnerProfile } from "./profile.ts";
import { EVIDENCE, type Evidence, GOAL_FIT, LEVEL_FIT, type Ranking } from "./scoring.ts";
import { cite, kindOf, type Reason, type Targets } from "./targets.ts";

/**
 * How one catalogue entry fares for one learner, tier by tier (see scoring.ts): excluded, or its goal
 * and level fit and the evidence for it, each with the reasons and cautions the learner is shown.
 */
const dmy = (iso: string) => iso.split("-").reverse().join("/");
const PATHWAY_QUALIFICATIONS: Source = {
  doc: "003_e642700d9e289f8d.txt",
  quote: "Participants must achieve one of the following competence and knowledge qualification(s) below",
};
const OCR_2011: Source = { doc: "001_545bdd81e066066f.txt", quote: "© OCR 2011" };

/** What one entry is, for this learner: excluded, or ranked with its reasons and cautions. */
export interface Assessment {
  exclude?: { list: "notOffered" | "notSuitable"; reason: Reason };
  ranking: Ranking;
  reasons: Reason[];
  cautions: Reason[];
}

export interface Context {
  catalogue: Catalogue;
  profile: LearnerProfile;
  role: Role | undefined;
  targets: Targets;
  today: string;
  /** Pathways, for which qualifications they name. */
  pathways: Pathway[];
}

export function owner(e: CatalogueEntry): string {
  return e.type === "pathway" ? "the Welsh pathway" : e.awardingBody.value.replace(/ \(.*\)$/, "");
}

/** Step 0: reasons an entry is not recommended at all (the conditions are eligibility.ts's). */
export function exclusion(ctx: Context, e: CatalogueEntry): Assessment["exclude"] {
  const { profile } = ctx;
  const checks = conditionsOf(ctx.catalogue, e, profile, ctx.today);
  const unmet = (condition: ConditionCheck["condition"]) =>
    checks.find((c) => c.condition === condition && c.status === "unmet");
  const open = unmet("open");
  if (open?.closedOn)
    return {
      list: "notOffered",
      reason: cite(
        `Its operational end date, ${dmy(open.closedOn)}, has passed, so it is closed to new registrations.`,
        open.source,
      ),
    };
  if (open?.opensOn)
    return {
      list: "notOffered",
      reason: cite(`It opens to new registrations on ${dmy(open.opensOn)}.`, open.source),
    };
  const held = unmet("held");
  if (held?.heldId === e.id) return { list: "notSuitable", reason: { text: "You already hold it." } };
  const higher = held?.heldId ? ctx.catalogue.entries.get(held.heldId) : undefined;
  if (higher)
    return {
      list: "notSuitable",
      reason: {
        text: `You already hold the ${higher.title.value}, a ${kindOf(e) === "apprenticeship" ? "pathway" : `${kindOf(e)} qualification`} at Level ${higher.level.value}.`,
      },
    };
  const age = unmet("age");
  if (age) return { list: "notSuitable", reason: cite(`The minimum age is ${age.minimumAge}.`, age.source) };
  const work = unmet("work");
  if (work)
    return {
      list: "notSuitable",
      reason: cite(
        work.source !== NVQ_AT_WORK
          ? "NVQs assess competence at work and need current real work in a contact centre; a knowledge certificate (or an apprenticeship, which comes with a job) suits you now."
          : "An NVQ assesses competence in a work situation (OCR's description of NVQs), so it needs a contact-centre job; a knowledge certificate (or an apprenticeship, which comes with a job) suits you now.",
        work.source,
      ),
    };
  if (e.type === "pathway" && profile.apprenticeship === false)
    return {
      list: "notSuitable",
      reason: { text: "It is an apprenticeship, and you are not looking for one." },
    };
  const nation = unmet("nation");
  if (nation)
    return {
      list: "notSuitable",
      reason: cite(
        `It is the ${nation.nation} apprenticeship pathway, for apprentices in ${nation.nation}.`,
        nation.source,
      ),
    };
  return undefined;
}

/** Step 1: the goal tier. */
export function goalFit(ctx: Context, e: CatalogueEntry, a: Assessment): number {
  const { profile } = ctx;
  const kind = kindOf(e);
  const fits: number[] = [];
  if (profile.goal === "knowledge") fits.push(kind === "knowledge" ? GOAL_FIT.fits : GOAL_FIT.against);
  if (profile.goal === "competence")
    fits.push(
      kind === "competence" ? GOAL_FIT.fits : kind === "apprenticeship" ? GOAL_FIT.neutral : GOAL_FIT.against,
    );
  if (profile.goal === "both") fits.push(kind === "apprenticeship" ? GOAL_FIT.fits : GOAL_FIT.neutral);
  if (profile.apprenticeship === true)
    fits.push(kind === "apprenticeship" ? GOAL_FIT.fits : GOAL_FIT.neutral);
  if (fits.length) {
    const fit = Math.max(...fits);
    if (fit === GOAL_FIT.fits)
      a.reasons.push({
        text:
          kind === "apprenticeship"
            ? "It is an apprenticeship, as you want: a competence and a knowledge qualification with Essential Skills, while you work."
            : `It is a ${kind} qualification, as you want.`,
      });
    return fit;
  }
  // Nothing asked for: an apprenticeship pathway comes after the qualifications, except in its own nation.
  if (kind === "apprenticeship" && !(e.type === "pathway" && profile.nation === e.nation))
    return GOAL_FIT.against;
  return GOAL_FIT.neutral;
}

/** Step 2: the level tier. */
export function levelFit(ctx: Context, e: CatalogueEntry, a: Assessment): number {
  const level = e.level.value;
  const kind = kindOf(e);
  const target = ctx.targets[kind];
  if (level === undefined) return LEVEL_FIT.off;
  if (!target) {
    a.cautions.push({
      text: `You already hold the highest ${kind === "competence" ? "NVQ" : "certificate"} of this kind in the catalogue.`,
    });
    return LEVEL_FIT.off;
  }
  if (level === target.level) {
    a.reasons.push(
      target.about && target.about.id !== e.id
        ? { text: `It is at Level ${level}, the right level for you: ${target.about.otherwise}.` }
        : { ...target.why, text: `It is at Level ${level}, the right level for you: ${target.why.text}.` },
    );
    return LEVEL_FIT.target;
  }
  if (level === target.level + 1) {
    a.reasons.push({ text: `It is one level up (Level ${level}): a step for later.` });
    return LEVEL_FIT.nextStep;
  }
  a.cautions.push({
    text:
      level < target.level
        ? `It is at Level ${level}, below the Level ${target.level} your profile points to for ${kind === "apprenticeship" ? "an apprenticeship" : `a ${kind} qualification`}.`
        : `It is at Level ${level}, well above the Level ${target.level} your profile points to.`,
  });
  return LEVEL_FIT.off;
}

/** Step 3: the evidence, each weight with its quoted reason (or caution). */
export function evidence(ctx: Context, e: CatalogueEntry, a: Assessment): number {
  const { catalogue, profile, role } = ctx;
  const kind = kindOf(e);
  // The conditions a fact about the learner would settle (eligibility.ts): each costs the entry weight.
  const unknown = (condition: ConditionCheck["condition"]) =>
    conditionsOf(catalogue, e, profile, ctx.today).find(
      (c) => c.condition === condition && c.status === "unknown" && c.needs !== "source",
    );
  let sum = 0;
  const add = (w: Evidence, reason: Reason) => {
    sum += EVIDENCE[w];
    const list = EVIDENCE[w] >= 0 ? a.reasons : a.cautions;
    // The weight counts, but a quote already given as a reason (the level's) is not said twice.
    if (!reason.quote || !list.some((r) => r.quote === reason.quote)) list.push(reason);
  };

  const roleFact = role ? e.jobRoles.find((r) => r.value === role.title) : undefined;
  if (roleFact && e.type === "qualification")
    add(
      "roleNamed",
      cite(`${owner(e)} names your role, ${role?.title}, among its job roles.`, roleFact.source),
    );

  for (const id of profile.qualificationsHeld) {
    const held = catalogue.entries.get(id);
    const route = held?.progression.find((p) => p.to === e.id);
    if (!held || !route) continue;
    if (route.kind === "inferred")
      add(
        "inferredProgressionFromHeld",
        cite(
          `${owner(held)} says holders of the ${held.title.value} can progress to a qualification of this title (it names no awarding body, so that this is the one is our inference).`,
          route.source,
        ),
      );
    else
      add(
        "progressionFromHeld",
        cite(`It is a next step from the ${held.title.value} you hold.`, route.source),
      );
  }

  if (kind === "competence" && profile.workingInContactCentre === true) {
    const own = e.suits.find((s) => /current real work|work in contact centre/.test(s.value))?.source;
    add(
      "workNow",
      own
        ? cite("It is an NVQ, for people in contact-centre work now, as you are.", own)
        : cite(
            "NVQs assess competence in a work situation (OCR's description of NVQs), and you work in a contact centre now.",
            NVQ_AT_WORK,
          ),
    );
  }
  const workUnknown = unknown("work");
  if (workUnknown)
    add(
      "eligibilityUnknown",
      cite("An NVQ needs current work in a contact centre: are you working in one?", workUnknown.source),
    );

  if (kind === "knowledge" && profile.workingInContactCentre === false) {
    const prepare = e.suits.find((s) => /^Wishing to prepare/.test(s.value));
    if (prepare)
      add(
        "prepareForWork",
        cite("It suits people preparing for a job in a contact centre, as you are.", prepare.source),
      );
  }
  // Experience "in a job involving contact centre operations" (the source's words): in a contact centre
  // now or in a contact-centre role, not a shop or a café (persona review 2: a Co-op till worker was told
  // this reason fitted her).
  if (
    kind === "knowledge" &&
    (profile.experienceMonths ?? 0) > 0 &&
    (profile.workingInContactCentre === true || !!profile.role)
  ) {
    const update = e.suits.find((s) => /^(Are )?[Aa]lready experienced/.test(s.value));
    if (update)
      add(
        "experienceFit",
        cite(
          "It suits people already experienced in contact-centre work who want to update their knowledge.",
          update.source,
        ),
      );
  }
  if (kind === "knowledge" && profile.workingInContactCentre !== true && (profile.level ?? 0) >= 3) {
    const studying = e.suits.find((s) => s.value.includes("studying in preparation"));
    if (studying)
      add(
        "studyingForLevel3Roles",
        cite(
          "You hold Level 3 or above: it also suits people studying for contact-centre roles with autonomy.",
          studying.source,
        ),
      );
  }

  if (e.type === "pathway") {
    if (unknown("nation"))
      add(
        "eligibilityUnknown",
        cite(`It is for apprentices in ${e.nation}: is that where you live or work?`, WELSH_FUNDING),
      );
    else if (profile.nation === e.nation && profile.apprenticeship !== true)
      a.cautions.push(
        cite("It is an apprenticeship: you work as an apprentice while you train.", WELSH_FUNDING),
      );
    const experienced = e.suits.find((s) => s.value.includes("prior experience"));
    const novice = e.suits.find((s) => s.value.includes("may be better suited to Level 2"));
    if (e.level.value === 3 && experienced && (profile.experienceMonths ?? 0) > 0)
      add(
        "experienceFit",
        cite(
          "Most Level 3 apprentices have some contact-centre or customer-service experience, as you have.",
          experienced.source,
        ),
      );
    if (e.level.value === 3 && profile.experienceMonths === 0)
      a.cautions.push(
        cite(
          "Without prior experience, the Level 2 apprenticeship may suit you better.",
          experienced?.source,
        ),
      );
    if (e.level.value === 2 && novice && profile.experienceMonths === 0)
      add(
        "experienceFit",
        cite(
          "Without prior contact-centre experience, the Level 2 apprenticeship may suit you better than Level 3.",
          novice.source,
        ),
      );
  }

  if (profile.apprenticeship === true && e.type === "qualification") {
    const pathway = ctx.pathways.find(
      (p) =>
        (profile.nation == null || profile.nation === p.nation) &&
        p.components.some((c) => c.component === "qualification" && c.oneOf.includes(e.id)),
    );
    if (pathway)
      add(
        "pathwayComponent",
        cite(
          `The ${pathway.nation} apprenticeship pathway at Level ${pathway.level.value} names it as its ${kind} qualification.`,
          PATHWAY_QUALIFICATIONS,
        ),
      );
    else if (e.apprenticeshipComponent) {
      add(
        "apprenticeshipComponent",
        cite(
          `${owner(e)} says it forms ${e.apprenticeshipComponent.value}.`,
          e.apprenticeshipComponent.source,
        ),
      );
      const named = ctx.pathways.find((p) => profile.nation === p.nation && p.level.value === e.level.value);
      if (named) {
        const ids = named.components.flatMap((c) => (c.component === "qualification" ? c.oneOf : []));
        const titles = ids.map((id) => catalogue.entries.get(id)?.title.value ?? id).join(" and ");
        a.cautions.push(
          cite(
            `The Welsh Government's pathway, the only one eligible for its funding, names ${titles} instead.`,
            WELSH_FUNDING,
          ),
        );
      }
    }
  }

  const anyAge = e.entryRequirements.find((r) => r.value.includes("any age"));
  if (profile.age != null && profile.age < 18 && anyAge)
    add("anyAge", cite("It is open to candidates of any age.", anyAge.source));
  const ageUnknown = unknown("age");
  if (ageUnknown)
    add("eligibilityUnknown", cite(`The minimum age is ${ageUnknown.minimumAge}.`, ageUnknown.source));
  if (profile.level === 0) {
    const none = e.entryRequirements.find((r) =>
      /without prior qualifications|no formal entry|barriers to entry/i.test(r.value),
    );
    if (none) add("noQualificationsNeeded", cite("You need no qualifications to start it.", none.source));
  }

  // What our sources cannot say.
  if (e.type === "qualification" && !e.operationalEnd) {
    const cg = e.awardingBody.value.startsWith("City");
    a.cautions.push(
      cg
        ? cite(
            "Our sources do not give its operational dates; the Welsh pathway page that lists it was revised on 12 November 2021. Check with City & Guilds or a centre that it still takes new learners.",
            { doc: "003_e642700d9e289f8d.txt", quote: "12 November 2021" },
          )
        : e.id === "ocr-10266" || e.id === "ocr-10267"
          ? {
              text: "Our sources do not give its operational dates: check with OCR or a centre that it still takes new learners.",
            }
          : cite(
              "Our sources do not give its operational dates, and OCR's datasheet dates from 2011: check with OCR or a centre that it still takes new learners.",
              OCR_2011,
            ),
    );
  }
  if (e.type === "qualification" && !e.units)
    a.cautions.push({ text: "Its unit list is not in our sources, so I cannot plan or check its units." });
  return sum;
}
