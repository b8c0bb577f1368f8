/** Answers to "can I do X?" (eligibility) and "how many credits is X?" (details), from the catalogue. */
import {
  type ConditionCheck,
  conditionsOf,
  eligibilityFor,
  NVQ_AT_WORK,
  type Verdict,
  verdictOf,
} from "../../src/advice/eligibility.ts";
import type { LearnerProfile } from "../../src/advice/profile.ts";
import { kindOf } from "../../src/advice/targets.ts";
import type { CatalogueEntry, Pathway } from "../../src/catalogue/schema.ts";
import type { Understanding } from "../../src/nlu/understand.ts";
import { resolveUnits } from "../../src/rules/index.ts";
import { type AdvisorServices, checkFor, engineQualification, intervalText, profileOf } from "../advice.ts";
import { ASPECTS, type Asked, type Aspect } from "../asked.ts";
import type { ConditionExtra, Messages, Who } from "../messages/messages.ts";
import type { AdvisorContext } from "../types.ts";
import { messagesOf } from "./common.ts";

type AnswerMessages = Messages["answers"];

const ELIGIBILITY_ASPECTS: readonly Aspect[] = ["age", "work", "nation", "entry"];
const CONDITION_OF: Partial<Record<Aspect, ConditionCheck["condition"]>> = {
  age: "age",
  work: "work",
  nation: "nation",
  entry: "entry",
  status: "open",
};

/** Who a question is about: its pronoun, else the learner an adviser speaks for, else the writer. */
function whoOf(c: AdvisorContext, asked: Asked): Who {
  const subject = asked.subject === "self" || !asked.subject ? undefined : asked.subject;
  if (subject) return { person: subject, name: c.learnerName };
  // An adviser's "can I do it?" relays the learner's question.
  if (c.userKind === "adviser")
    return c.group ? { person: "group", name: null } : { person: "learner", name: c.learnerName };
  return { person: "you", name: null };
}

/** The profile the answer is for: what the conversation knows, the message's facts, and what it supposes. */
function profileFor(c: AdvisorContext, u: Understanding, asked: Asked): LearnerProfile {
  const p = profileOf(c);
  const s = asked.suppose;
  const age = s.age ?? u.age ?? p.age;
  const working = s.volunteer ? undefined : (s.working ?? u.working ?? p.workingInContactCentre);
  const nation = s.nation ?? u.nation ?? p.nation;
  const { age: _a, workingInContactCentre: _w, nation: _n, ...rest } = p;
  return {
    ...rest,
    ...(age != null ? { age } : {}),
    ...(working != null ? { workingInContactCentre: working } : {}),
    ...(nation != null ? { nation } : {}),
  };
}

/**
 * The entries a question is about: the one it names, those a description matches ("the level 3 nvq"),
 * those of the kind and level it names ("the NVQ", "skip level 3"), else the one under discussion, else
 * the recommendations shown.
 */
export function entriesAsked(
  c: AdvisorContext,
  u: Understanding,
  asked: Asked,
  s: AdvisorServices,
): string[] {
  if (u.qualification) return [u.qualification];
  if (u.qualifications?.length) return u.qualifications;
  if (u.ambiguous?.length) {
    // "the level 2 one" asked about Essential Skills: of those it may mean, the apprenticeship.
    const ofKind = asked.kind
      ? u.ambiguous.filter((id) => {
          const e = s.catalogue.entries.get(id);
          return !!e && kindOf(e) === asked.kind;
        })
      : [];
    return ofKind.length ? ofKind : u.ambiguous;
  }
  const level = asked.skipLevel ? asked.skipLevel + 1 : asked.level;
  if (asked.kind || level) {
    const ids = [...s.catalogue.entries.values()]
      .filter((e) => (!asked.kind || kindOf(e) === asked.kind) && (!level || e.level.value === level))
      .map((e) => e.id);
    if (ids.length) return ids;
  }
  if (c.qualificationId) return [c.qualificationId];
  // "can i do this in welsh?" after a question about the apprenticeships: those.
  if (c.shown.about?.length && !c.shown.recommendations?.length) return c.shown.about;
  return c.shown.recommendations ?? [];
}

/** Of several entries, the one the conversation is about (planned, or best of those recommended). */
function narrowed(c: AdvisorContext, ids: string[], s?: AdvisorServices): string[] {
  if (ids.length < 2) return ids;
  if (c.qualificationId && ids.includes(c.qualificationId)) return [c.qualificationId];
  // "the Level 3 NVQ Diploma" to someone holding OCR's Level 2 NVQ: the next step of the one held.
  const next = s
    ? ids.filter((id) =>
        c.qualificationsHeld.some((h) => s.catalogue.entries.get(h)?.progression.some((p) => p.to === id)),
      )
    : [];
  if (next.length === 1) return next;
  const shown = (c.shown.recommendations ?? []).find((id) => ids.includes(id));
  return shown ? [shown] : ids;
}

/**
 * The entries a comparison is about: those named, else each side of "X and Y" as the message describes
 * it ("the level 2 nvq and the level 2 principles"), a side matching several narrowed to the one under
 * discussion or shown, else to those still open.
 */
export function compared(c: AdvisorContext, u: Understanding, asked: Asked, s: AdvisorServices): string[] {
  if ((u.qualifications?.length ?? 0) >= 2) return u.qualifications ?? [];
  const open = (id: string) => {
    const e = s.catalogue.entries.get(id);
    return !!e && !isClosedEntry(s, e, c.today);
  };
  const ids = (asked.sides ?? []).flatMap((side) => {
    const one = narrowed(c, side);
    return one.length === 1 ? one : side.filter(open).length ? side.filter(open) : side;
  });
  return [...new Set(ids)].slice(0, 4);
}

/** The checks an answer shows: those asked about, and any other that is unmet or waits on a fact. */
function checksShown(checks: ConditionCheck[], asked: Asked, single: boolean): ConditionCheck[] {
  const askedFor = new Set(
    asked.aspects.map((a) => CONDITION_OF[a]).filter((x): x is ConditionCheck["condition"] => !!x),
  );
  if (asked.suppose.volunteer) askedFor.add("work");
  if (asked.suppose.age !== undefined) askedFor.add("age");
  const specific = askedFor.size > 0;
  // "Is there a minimum age?": only what is asked; "can I do it?": every condition that decides it.
  const shown = checks.filter((k) =>
    specific && !asked.canDo
      ? askedFor.has(k.condition) || (k.condition === "open" && k.status === "unmet")
      : askedFor.has(k.condition) ||
        k.status === "unmet" ||
        (k.status === "unknown" && k.needs !== "source") ||
        // Asked in general ("can I do X?"): what our sources cannot say about its dates, too, and the
        // conditions met, so a yes comes with its reasons.
        (single && !specific && k.condition === "open" && k.status === "unknown") ||
        (single && !specific && k.status === "met" && k.condition !== "open"),
  );
  // A no gives the conditions that stand in the way, not those met beside them.
  if (checks.some((k) => k.status === "unmet"))
    for (let i = shown.length - 1; i >= 0; i--)
      if (shown[i]?.status === "met" && !askedFor.has(shown[i]?.condition ?? "open")) shown.splice(i, 1);
  // The learner's own conditions first, whether it is open last.
  return [...shown.filter((k) => k.condition !== "open"), ...shown.filter((k) => k.condition === "open")];
}

/** "Can I / can she do X?": yes, no, or not sure, with the conditions quoted; entries alike share a line. */
export function eligibilityAnswer(
  c: AdvisorContext,
  u: Understanding,
  asked: Asked,
  s: AdvisorServices,
): string {
  const m = messagesOf(c).answers;
  // "Does he need to do Application of Number?": a fact of the qualification, not whether he may do it.
  if (asked.aspects.length && asked.aspects.every((a) => !ELIGIBILITY_ASPECTS.includes(a)))
    return detailsAnswer(c, u, asked, s);
  const named = !!(u.qualification || u.qualifications?.length || u.ambiguous?.length);
  const profile = profileFor(c, u, asked);
  const who = whoOf(c, asked);
  const asking = entriesAsked(c, u, asked, s);
  // "Do I need a job?", "is it too late at 52?": about every entry, when none is named or shown.
  const ids = asking.length ? asking : [...s.catalogue.entries.keys()];
  // A qualification asked about as part of a pathway: the pathway's own list answers it, not eligibility.
  const others = ids.filter((id) => s.catalogue.entries.get(id)?.type === "qualification");
  // "as part of the Welsh apprenticeship": the pathway at the qualification's own level.
  const levelOf = (id: string) => s.catalogue.entries.get(id)?.level.value;
  const pathway =
    ids.map((id) => s.catalogue.entries.get(id)).find((e) => e?.type === "pathway") ??
    (asked.kind === "apprenticeship" && others.length === 1
      ? [...s.catalogue.entries.values()].find(
          (e) => e.type === "pathway" && e.level.value === levelOf(others[0] ?? ""),
        )
      : undefined);
  if (named && asking.length <= 3 && pathway?.type === "pathway" && others.length) {
    const titleOfEntry = (id: string) =>
      messagesOf(c).shortTitle(s.catalogue.entries.get(id)?.title.value ?? id);
    const components = pathway.components.flatMap((k) =>
      k.component === "qualification"
        ? [{ name: k.name, ids: k.oneOf, titles: k.oneOf.map(titleOfEntry), quote: k.source.quote }]
        : [],
    );
    return others
      .map((id) =>
        m.partOfPathway(
          messagesOf(c).shortTitle(pathway.title.value),
          titleOfEntry(id),
          components.find((k) => k.ids.includes(id)),
          components,
        ),
      )
      .join("\n");
  }
  const results = ids.flatMap((id) => eligibilityFor(s.catalogue, id, profile, c.today) ?? []);
  if (!results.length) return m.whichQualification;
  // Asked in general ("can I do an NVQ at 16?"), what is closed is said once, at the end.
  const isClosed = (r: (typeof results)[number]) =>
    r.checks.some((k) => k.condition === "open" && !!k.closedOn);
  const verdicts = asked.canDo || !asked.aspects.length;
  const closed = verdicts && !named && results.some((r) => !isClosed(r)) ? results.filter(isClosed) : [];
  const titleOf = (id: string) => messagesOf(c).shortTitle(s.catalogue.entries.get(id)?.title.value ?? id);
  const lines = new Map<string, { verdict: Verdict | "likely" | null; parts: string[]; titles: string[] }>();
  for (const r of results) {
    const e = s.catalogue.entries.get(r.entryId);
    if (!e || closed.includes(r)) continue;
    // At 19 or over, a minimum age our sources do not give cannot stand in the way ("too late at 52?").
    const shown = checksShown(r.checks, asked, results.length === 1).filter(
      (k) => !(k.condition === "age" && k.needs === "source" && (profile.age ?? 0) >= 19),
    );
    const extra: ConditionExtra = {
      entryId: e.id,
      owner: ownerOf(e, m),
      titleOf,
      volunteer: !!asked.suppose.volunteer,
      age: profile.age ?? undefined,
      nation: profile.nation ?? undefined,
    };
    const parts = shown.map((k) => m.condition(k, who, extra));
    // "Could he go straight to level 3?": nothing bars it, but the job roles the source gives for it say
    // who it is for (persona review 3: an agent of 6 months was told "Yes" to the team leaders' NVQ).
    const roles = e.jobRoles.map((x) => x.value);
    if (
      asked.aspects.includes("entry") &&
      e.type === "qualification" &&
      roles.length &&
      !/progress/i.test(e.jobRoles[0]?.source?.quote ?? "") &&
      profile.role &&
      !roles.includes(profile.role) &&
      e.jobRoles[0]?.source
    )
      parts.push(m.rolesFor(roles, profile.role, e.jobRoles[0].source.quote, who));
    // "Can I do the Level 4 NVQ?" from a senior planner: the source's own role list says it is for them.
    else if (
      results.length === 1 &&
      verdicts &&
      e.type === "qualification" &&
      profile.role &&
      roles.includes(profile.role) &&
      e.jobRoles[0]?.source
    )
      parts.splice(
        shown.at(-1)?.condition === "open" ? parts.length - 1 : parts.length,
        0,
        m.roleFits(
          profile.role,
          e.jobRoles[0].source.quote,
          /progress/i.test(e.jobRoles[0].source.quote),
          who,
        ),
      );
    if (!parts.length) continue;
    // Each quote once: "open to any age" and "no qualification is needed first" rest on one sentence.
    const quotes = new Set<string>();
    for (const [i, part] of parts.entries())
      parts[i] = part.replace(/ ?\(?“[^”]*”\)?/g, (q) => {
        const key = q.replace(/^ ?\(?“|”\)?$/g, "");
        if (quotes.has(key)) return "";
        quotes.add(key);
        return q;
      });
    // A condition our sources do not give (a minimum age) is no "Yes" (persona review 3): not sure yet.
    const sourceless = shown.some((k) => k.status === "unknown" && k.needs === "source");
    // Only its dates unknown: a yes as far as our sources go, with the dates to check.
    const datesOnly =
      sourceless &&
      shown.every((k) => !(k.status === "unknown" && k.needs === "source") || k.condition === "open");
    const verdict = verdicts
      ? verdictOf(shown) === "yes" && sourceless
        ? datesOnly
          ? "likely"
          : "depends"
        : verdictOf(shown)
      : null;
    const key = `${verdict}\u0000${parts.join("\u0000")}`;
    const line = lines.get(key) ?? { verdict, parts, titles: [] };
    line.titles.push(messagesOf(c).shortTitle(e.title.value));
    lines.set(key, line);
  }
  const ageOnly = asked.aspects.includes("age") && (profile.age ?? 0) >= 19;
  if (!lines.size && !ageOnly) return m.whichQualification;
  const out = [...lines.values()].map((l) => m.verdictLine(l.verdict, l.titles, l.parts, lines.size > 1));
  if (closed.length) out.push(m.closedToo(closed.map((r) => titleOf(r.entryId))));
  // Apprenticeships outside Wales: what the awarding bodies say their qualifications form part of.
  if (asked.kind === "apprenticeship" && profile.nation !== "Wales") {
    const parts = [...s.catalogue.entries.values()].flatMap((e) =>
      e.type === "qualification" &&
      e.apprenticeshipComponent &&
      !closed.some((r) => r.entryId === e.id) &&
      !isClosedEntry(s, e, c.today)
        ? [
            {
              title: messagesOf(c).shortTitle(e.title.value),
              owner: ownerOf(e, m),
              quote: e.apprenticeshipComponent.source.quote,
            },
          ]
        : [],
    );
    out.push(m.apprenticeshipsElsewhere(parts, profile.nation ?? undefined));
  }
  if (ageOnly) out.unshift(m.noUpperAge);
  // "is there an age limit? and does he have to pay anything?": the facts asked about with it.
  const facts = asked.aspects.filter((a) => DETAIL_ASPECTS.includes(a));
  if (facts.length) out.push(detailsAnswer(c, u, { ...asked, aspects: facts }, s));
  return out.join("\n");
}

function isClosedEntry(s: AdvisorServices, e: CatalogueEntry, today: string): boolean {
  return conditionsOf(s.catalogue, e, { qualificationsHeld: [] }, today).some(
    (k) => k.condition === "open" && k.status === "unmet",
  );
}

/** Who to ask about an entry: its awarding body, or for a pathway the catalogue's words. */
function ownerOf(e: CatalogueEntry, m: AnswerMessages): string {
  return e.type === "pathway" ? m.pathwayOwner : e.awardingBody.value.replace(/ \(.*\)$/, "");
}

/** What the message asks about one entry, each fact quoted, or "not in our sources". */
function detailLines(
  m: AnswerMessages,
  e: CatalogueEntry,
  aspects: readonly Aspect[],
  s: AdvisorServices,
  today: string,
): string[] {
  const owner = ownerOf(e, m);
  const entries = [...s.catalogue.entries.values()];
  const pathways = entries
    .filter(
      (p): p is Pathway =>
        p.type === "pathway" &&
        p.components.some((x) => x.component === "qualification" && x.oneOf.includes(e.id)),
    )
    .map((p) => p.title.value);
  const titleOf = (id: string) => s.catalogue.entries.get(id)?.title.value ?? id;
  const line = (a: Aspect): string[] => {
    if (e.type === "pathway")
      switch (a) {
        case "credits":
          return [m.pathwayCredits(e)];
        case "glh":
        case "duration":
          return [m.pathwayHours(e), ...(a === "duration" ? [m.durationNotInSources(owner)] : [])];
        case "essentialSkills":
          return [m.essentialSkills(e)];
        case "components":
        case "units":
          return [m.components(e, titleOf)];
        case "language": {
          const quals = e.components.flatMap((x) =>
            x.component === "qualification"
              ? x.oneOf.flatMap((id) => {
                  const q = s.catalogue.entries.get(id);
                  return q?.type === "qualification" && q.assessmentLanguages ? [q.assessmentLanguages] : [];
                })
              : [],
          );
          const skills = e.components.flatMap((x) =>
            x.component === "essentialSkill" && x.assessmentLanguages ? [x.assessmentLanguages] : [],
          );
          return [m.pathwayLanguages(quals, skills)];
        }
      }
    else
      switch (a) {
        case "credits": {
          // "and how many at level 4?": the level rule, said, not left inside the quote.
          const level = engineQualification(s, e.id)?.rules.find((r) => r.rule === "levelCredits");
          return [
            m.credits(e),
            ...(level?.rule === "levelCredits"
              ? [m.creditsAtLevel(level.min, level.level, level.source.quote)]
              : []),
          ];
        }
        case "glh":
        case "duration":
          return [m.hours(e), ...(a === "duration" ? [m.durationNotInSources(owner)] : [])];
        case "essentialSkills":
          return [m.noEssentialSkills(pathways)];
        case "components":
          return [m.partOf(e, pathways)];
        case "units":
          return [m.unitCount(e)];
        case "language":
          return [m.languages(e, owner)];
        case "assessment":
          return [
            m.assessment(
              e.qualificationKind.value === "competence",
              NVQ_AT_WORK.quote,
              owner,
              e.assessmentMethod
                ? { value: e.assessmentMethod.value, quote: e.assessmentMethod.source.quote }
                : undefined,
            ),
          ];
      }
    switch (a) {
      case "status": {
        const open = conditionsOf(s.catalogue, e, { qualificationsHeld: [] }, today).find(
          (k) => k.condition === "open",
        );
        return open ? [m.status(open, owner)] : [];
      }
      case "assessment":
        return [m.assessment(false, NVQ_AT_WORK.quote, owner)];
      case "cost":
      case "flexible":
      case "weekly":
        return [m.notInSources(a, owner, e.type === "pathway")];
      case "pay":
        return e.type === "pathway" ? [m.notInSources(a, owner, true)] : [];
      case "roles":
        return [m.roles(e)];
      case "suits":
        return [m.suits(e)];
      default:
        return [];
    }
  };
  return aspects.flatMap(line);
}

const DETAIL_ASPECTS: readonly Aspect[] = ASPECTS.filter((a) => !ELIGIBILITY_ASPECTS.includes(a));
const FACT_SHEET: readonly Aspect[] = ["credits", "glh", "units", "language", "status"];

/** Credits, hours, Essential Skills, parts, units, languages, status: what the catalogue says, quoted. */
/** "How many credits is unit 4?": the units' own facts, not the qualification's. */
function unitDetails(c: AdvisorContext, u: Understanding, s: AdvisorServices): string | undefined {
  const id = u.qualification ?? c.qualificationId;
  const q = id ? engineQualification(s, id) : undefined;
  if (!q || !u.units?.length) return undefined;
  let found: number[];
  try {
    found = resolveUnits(q, u.units);
  } catch {
    return undefined;
  }
  const m = messagesOf(c).answers;
  return [
    m.about(q.entry.title.value),
    ...found.flatMap((i) => {
      const x = q.units[i];
      return x ? [`• ${m.unitFacts(x.label, amountOf(x.credits), x.glh ? amountOf(x.glh) : null)}`] : [];
    }),
  ].join("\n");
}

/** A credit or GLH interval as words: null when nothing is known of it (at least 1 credit is no fact). */
const amountOf = (i: { min: number; max: number }): string | null =>
  Number.isFinite(i.max) ? intervalText({ min: i.min, max: i.max }) : null;

/**
 * "How many hours is her plan?", "how many credits is that in total?": the totals of the plan shown, or
 * of the units chosen, for the qualification under discussion.
 */
function planDetails(c: AdvisorContext, s: AdvisorServices): string | undefined {
  const id = c.qualificationId;
  const q = id ? engineQualification(s, id) : undefined;
  const plan = c.shown.plan?.qualificationId === id ? c.shown.plan?.units : undefined;
  const units = plan ?? c.units;
  if (!q || !units?.length) return undefined;
  let found: number[];
  try {
    found = resolveUnits(q, units);
  } catch {
    return undefined;
  }
  const xs = found.flatMap((i) => q.units[i] ?? []);
  const sum = (f: (x: (typeof xs)[number]) => { min: number; max: number } | undefined) =>
    xs.reduce(
      (t, x) => {
        const v = f(x);
        return v
          ? { min: t.min + v.min, max: t.max + v.max }
          : { min: t.min + 1, max: Number.POSITIVE_INFINITY };
      },
      { min: 0, max: 0 },
    );
  const credits = sum((x) => x.credits);
  const glhUnknown = xs.filter((x) => !x.glh).map((x) => x.number ?? x.ref ?? x.label);
  const creditsUnknown = xs
    .filter((x) => !Number.isFinite(x.credits.max))
    .map((x) => x.number ?? x.ref ?? x.label);
  const glh = sum((x) => x.glh);
  // What counts towards the total is the engine's: barred sets and group caps may leave some out.
  const checked = checkFor(s, q.entry.id, units, c);
  const total =
    checked.kind === "checked" ? checked.result.rules.find((r) => r.rule === "totalCredits") : undefined;
  const countedText =
    total?.have &&
    (total.have.min !== credits.min || (total.have.max ?? Number.POSITIVE_INFINITY) !== credits.max)
      ? intervalText({ min: total.have.min, max: total.have.max ?? Number.POSITIVE_INFINITY })
      : null;
  return messagesOf(c).answers.planTotals({
    ...(countedText && total?.need !== undefined ? { counted: countedText, need: total.need } : {}),
    title: q.entry.title.value,
    units: xs.map((x) => x.number ?? x.ref ?? x.label),
    plan: plan !== undefined,
    credits: creditsUnknown.length ? null : intervalText({ min: credits.min, max: credits.max }),
    creditsKnown: creditsUnknown.length ? credits.min - creditsUnknown.length : null,
    creditsUnknown,
    glh: glhUnknown.length ? null : intervalText({ min: glh.min, max: glh.max }),
    glhUnknown,
  });
}

export function detailsAnswer(c: AdvisorContext, u: Understanding, asked: Asked, s: AdvisorServices): string {
  const m = messagesOf(c).answers;
  // "I want to be a team leader": the entries whose sources name such a role, in their words.
  if (asked.goal) {
    const goal = asked.goal;
    const items = [...s.catalogue.entries.values()].flatMap((e) => {
      const role = e.jobRoles.find((r) => r.value.toLowerCase().includes(goal));
      return role?.source && !isClosedEntry(s, e, c.today)
        ? [{ title: messagesOf(c).shortTitle(e.title.value), quote: role.source.quote }]
        : [];
    });
    return m.goalRoles(goal, items);
  }
  const aspects = asked.aspects.filter((a) => DETAIL_ASPECTS.includes(a));
  const amounts = aspects.some((a) => a === "credits" || a === "glh" || a === "duration");
  if (amounts && u.units?.length) {
    const units = unitDetails(c, u, s);
    if (units) return units;
  }
  // The plan or selection under discussion, unless another qualification is named.
  if (amounts && asked.ofPlan && (!u.qualification || u.qualification === c.qualificationId)) {
    const totals = planDetails(c, s);
    if (totals) return totals;
  }
  // "can she do the NVQ while working weekends in the shop?": whether she may, and the facts asked with it.
  if (asked.aspects.some((a) => ELIGIBILITY_ASPECTS.includes(a))) return eligibilityAnswer(c, u, asked, s);
  // "What essential skills do I need": only the apprenticeship pathways have them.
  const about: Asked =
    aspects.includes("essentialSkills") && !asked.kind && !u.qualification
      ? { ...asked, kind: "apprenticeship" }
      : asked;
  const ids = narrowed(c, entriesAsked(c, u, about, s), s);
  if (!ids.length) return aspects.includes("duration") ? m.durationGeneral : m.whichQualification;
  // Entries with the same answer are named together, the answer said once.
  const groups = new Map<string, string[]>();
  for (const e of ids.slice(0, 3).flatMap((id) => s.catalogue.entries.get(id) ?? [])) {
    const lines = detailLines(m, e, aspects.length ? aspects : FACT_SHEET, s, c.today);
    const key = lines.map((l) => `• ${l}`).join("\n");
    groups.set(key, [...(groups.get(key) ?? []), e.title.value]);
  }
  // Essential Skills of a pathway: whether GCSEs count instead is not in our sources, and is said so.
  const pathwaySkills =
    aspects.includes("essentialSkills") &&
    ids.slice(0, 3).some((id) => s.catalogue.entries.get(id)?.type === "pathway");
  return [...groups.entries()]
    .map(([lines, titles]) =>
      [
        titles.length === 1 ? m.about(titles[0] ?? "") : m.aboutMany(titles.map(messagesOf(c).shortTitle)),
        lines,
      ].join("\n"),
    )
    .concat(pathwaySkills ? [m.essentialSkillsExemption] : [])
    .join("\n");
}
