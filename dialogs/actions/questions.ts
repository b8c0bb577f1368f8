import { findRole, relevantUnits } from "../../src/advice/roles.ts";
/** Questions at any point: what next, units in, a unit, compare, together, definitions. */
import type { CatalogueEntry } from "../../src/catalogue/schema.ts";
import type { Term } from "../../src/nlu/intents.ts";
import { describeRule } from "../../src/rules/describe.ts";
import { resolveUnits } from "../../src/rules/index.ts";
import type { EngineQualification } from "../../src/rules/model.ts";
import {
  type AdvisorServices,
  engineQualification,
  heldIn,
  intervalText,
  transferFor,
  unitLabel,
  unitPickerCard,
} from "../advice.ts";
import { type Asked, titleIsAbout } from "../asked.ts";
import type { CompareRow } from "../messages/messages.ts";
import type { AdvisorContext, AdvisorEvent } from "../types.ts";
import { compared, detailsAnswer, eligibilityAnswer, entriesAsked } from "./answers.ts";
import { type Act, messagesOf, say, text, uOf } from "./common.ts";

/** A credit interval whose open end (a unit of unknown credits) is no number. */
const finite = (i: { min: number; max: number }) => ({
  min: i.min,
  max: Number.isFinite(i.max) ? i.max : null,
});

/** An entry's facts as a comparison shows them. */
function compareRow(e: CatalogueEntry): CompareRow {
  return {
    title: e.title.value,
    level: e.level.value ?? null,
    ...(e.type === "qualification"
      ? {
          qualification: {
            kind: e.qualificationKind.value,
            ...(e.creditValue?.value !== undefined ? { credits: e.creditValue.value } : {}),
            ...(e.glh ? { glh: `${e.glh.value ?? `${e.glh.min}–${e.glh.max}`}` } : {}),
            ...(e.minimumAge?.value !== undefined ? { minimumAge: e.minimumAge.value } : {}),
            ...(e.operationalEnd?.value ? { operationalEnd: e.operationalEnd.value } : {}),
            units: e.units ? e.units.length : null,
          },
        }
      : {}),
    jobRoles: e.jobRoles.map((r) => r.value),
  };
}

const askedOf = (e: AdvisorEvent): Asked => (e.type === "ASK" && e.asked) || { aspects: [], suppose: {} };

// ——— Questions at any point ———

/** Questions whose answers the session record keeps (not definitions or unit lists). */
const KEPT_ANSWERS = new Set(["eligibility", "details", "compare", "together", "whatIsUnit"]);
const KEPT_ANSWERS_MAX = 12;

/** An answer to a question, kept for the session record when it is one a learner would want to keep. */
export const answerQuestion: Act = (c, e, s) => {
  const first = answer(c, e, s);
  const u = uOf(e);
  // What comes next, and the job roles asked about with it.
  const out =
    u?.intent === "whatNext" && askedOf(e).aspects.includes("roles")
      ? {
          ...first,
          said: [
            ...(first.said ?? []),
            text(detailsAnswer(c, { ...u, intent: "details" }, { ...askedOf(e), aspects: ["roles"] }, s)),
          ],
        }
      : first;
  // "how many credits will I still need for the Level 3?": after the credits, what carries over.
  const left =
    u && askedOf(e).remaining && askedOf(e).aspects.includes("credits")
      ? remainingCredits(c, u, s)
      : undefined;
  if (left) out.said = [...(out.said ?? []), text(left)];
  const intent = uOf(e)?.intent;
  const said = (out.said ?? []).map((r) => r.text).join("\n");
  // A question back ("which qualification do you mean?") is not an answer to keep.
  const m = messagesOf(c).answers;
  const notAnswered = said.includes(m.whichQualification);
  // What was answered about, for "this" in the next question.
  const about =
    u && (intent === "eligibility" || intent === "details") && !notAnswered
      ? entriesAsked(c, u, askedOf(e), s)
      : [];
  if (about.length && about.length <= 3) out.shown = { ...c.shown, ...out.shown, about };
  if (!intent || !KEPT_ANSWERS.has(intent) || !said || notAnswered) return out;
  const answers = [...(c.shown.answers ?? []).filter((a) => a !== said), said].slice(-KEPT_ANSWERS_MAX);
  return { ...out, shown: { ...c.shown, ...out.shown, answers } };
};

/**
 * The qualification a question that names none is about: the one last asked about, else the first
 * suggestion with a unit list (that has every unit named, when units are named).
 */
function discussed(c: AdvisorContext, s: AdvisorServices, units: string[]): string | undefined {
  return [...(c.shown.about ?? []), ...(c.shown.recommendations ?? [])].find((id) => {
    const q = engineQualification(s, id);
    if (!q) return false;
    try {
      return resolveUnits(q, units).length === units.length;
    } catch {
      return false;
    }
  });
}

const answer: Act = (c, e, s) => {
  const u = uOf(e);
  if (!u) return {};
  const m = messagesOf(c);
  const reply = (t: string) => say(text(t));
  const asIs = u.qualification ?? u.qualifications?.[0] ?? c.qualificationId ?? undefined;
  const id = asIs;
  switch (u.intent) {
    case "define":
      return reply(m.define[(u.term ?? "credit") as Term]);
    case "unitsIn": {
      // "whats in it then, which units r there": the one last asked about, else the first suggestion
      // with a unit list (persona review 5, W1: "I don't know which qualification you mean").
      const id = asIs ?? discussed(c, s, []);
      if (!id) return reply(m.unknownQualification);
      const entry = s.catalogue.entries.get(id);
      const q = engineQualification(s, id);
      if (!entry) return reply(m.unknownQualification);
      // "which units fit a team leader": those whose titles fall under the role's topics.
      const forRole = askedOf(e).forRole;
      const role = forRole ? findRole(s.catalogue.roles, forRole) : undefined;
      if (q && role) {
        const relevant = relevantUnits(q, s.catalogue.roles, role);
        return reply(
          m.unitsForRole(
            entry.title.value,
            role.title,
            role.topics.map((t) => m.topicName[t]),
            q.units
              .filter((x) => relevant.has(x.index))
              .map(
                (x) =>
                  `${x.label} (${Number.isFinite(x.credits.max) ? intervalText(finite(x.credits)) : "?"})`,
              ),
          ),
        );
      }
      // "the resource planning units": those whose titles say it.
      const theme = askedOf(e).theme ?? [];
      if (q && theme.length) {
        // Every word said, at the start of a word of the title ("resource plan development"), else any.
        const has = (x: { title: string }, w: string) => titleIsAbout(x.title, w);
        const groups = askedOf(e).themes ?? [];
        // Several themes: for each, the units whose titles say most of its words.
        const best = (words: string[]) => {
          const score = (x: { title: string }) => words.filter((w) => has(x, w)).length;
          const top = Math.max(0, ...q.units.map(score));
          return top ? q.units.filter((x) => score(x) === top) : [];
        };
        const all = groups.length > 1 ? [] : q.units.filter((x) => theme.every((w) => has(x, w)));
        const about =
          groups.length > 1
            ? q.units.filter((x) => groups.some((g) => best(g).includes(x)))
            : all.length
              ? all
              : q.units.filter((x) => theme.some((w) => has(x, w)));
        return reply(
          m.unitsAbout(
            entry.title.value,
            groups.length > 1 ? groups.map((g) => g.join(" ")) : theme,
            about.map(
              (x) => `${x.label} (${Number.isFinite(x.credits.max) ? intervalText(finite(x.credits)) : "?"})`,
            ),
          ),
        );
      }
      if (!q)
        return reply(
          entry.type === "pathway" ? m.notAQualification(entry.title.value) : m.noUnitList(entry.title.value),
        );
      const groups = [...q.groupNames.entries()].map(([g, name]) => ({
        name,
        units: (q.groupUnits.get(g) ?? []).map((i) => {
          const x = q.units[i];
          return {
            id: x?.number ?? x?.ref ?? "",
            title: x?.title ?? "",
            credits: x ? intervalText(finite(x.credits)) : "?",
          };
        }),
      }));
      const rules = q.rules.map((r) => describeRule(q, r));
      return say({
        kind: "card",
        text: m.render.unitsIn(entry.title.value, q.units.length, groups, rules),
        card: unitPickerCard(m, q, []),
      });
    }
    case "whatIsUnit": {
      // Every unit asked about ("what's unit 11? and how many credits is unit 10"), up to four.
      const ids = id ? [id] : [...s.catalogue.entries.keys()];
      const said = (u.units ?? []).slice(0, 4).map((x) => {
        for (const qid of ids) {
          const q = engineQualification(s, qid);
          const t = q ? unitText(c, q, x) : undefined;
          if (t) return t;
        }
        return m.unknownUnit(x);
      });
      return reply(said.length ? said.join("\n") : m.unknownUnit(m.thatUnit));
    }
    case "compare": {
      // "what's the difference between unit 12 and unit 13?": each unit, and whether they go together.
      if ((u.units?.length ?? 0) >= 2) {
        const qid = id ?? c.qualificationId;
        const units = (u.units ?? []).slice(0, 2);
        if (!qid) return reply(m.whichQualificationForTogether(units.join(" and ")));
        const q = engineQualification(s, qid);
        const each = q ? units.map((x) => unitText(c, q, x)) : [];
        if (q && each.every((x) => x !== undefined))
          // (Whether they go together, without the "Yes:"/"No:" that answers "can I take both?".)
          return reply(
            [
              ...each,
              togetherText(c, q, units).replace(/^(?:Yes|No): (\w)/, (_a, x: string) => x.toUpperCase()),
            ].join("\n"),
          );
      }
      const entries = compared(c, u, askedOf(e), s).flatMap((x) => s.catalogue.entries.get(x) ?? []);
      if (entries.length < 2) return reply(m.unknownQualification);
      // An NVQ beside a knowledge certificate: the difference that matters is said first.
      const kinds = new Set(
        entries.map((x) => (x.type === "qualification" ? x.qualificationKind.value : x.type)),
      );
      const lead = kinds.has("competence") && kinds.has("knowledge") ? [m.define.nvq] : [];
      return reply([...lead, m.render.compare(entries.map(compareRow))].join("\n"));
    }
    case "together": {
      const units = u.units ?? [];
      const qid = id ?? c.qualificationId ?? discussed(c, s, units);
      if (units.length >= 2 && !qid)
        return reply(m.whichQualificationForTogether(units.slice(0, 2).join(" and ")));
      if (units.length < 2 || !qid) return reply(m.together.needTwo);
      const q = engineQualification(s, qid);
      if (!q) return reply(m.unknownQualification);
      return reply(togetherText(c, q, units));
    }
    case "whatNext": {
      // "which units from my level 3 count towards the level 4?": the one asked about is where the
      // units go, when a qualification held (or the one under discussion) leads to it.
      const leadsTo = (from: string | null | undefined, to: string) =>
        !!from && !!s.catalogue.entries.get(from)?.progression.some((p) => p.to === to);
      const held = [...(u.qualificationsHeld ?? []), ...c.qualificationsHeld];
      const towards = u.qualification;
      const before = towards
        ? (held.find((h) => leadsTo(h, towards)) ??
          (leadsTo(c.qualificationId, towards) ? c.qualificationId : undefined) ??
          onlyBefore(s, towards, held))
        : undefined;
      if (towards && before) return showTransfer(c, s, before, [], towards);
      // (Units held said with the question are units of the one they come from.)
      const heldFrom = "held" in e ? (e.held?.qualificationId ?? undefined) : undefined;
      const from = u.qualificationsHeld?.[0] ?? u.qualification ?? heldFrom ?? c.qualificationsHeld[0];
      // (The units chosen or checked for it are counted as done: "after I finish the L3 principles cert".)
      if (from) return showTransfer(c, s, from, from === c.qualificationId ? (c.units ?? []) : []);
      // "Which of my units count?" while planning a qualification they hold units of, not one they hold.
      const target = c.qualificationId ? engineQualification(s, c.qualificationId) : undefined;
      if (target && c.heldUnits.length)
        return reply(
          m.heldCountTowards(
            target.entry.title.value,
            heldIn(s, c, target).map((i) => unitLabel(target, target.units[i]?.key ?? "")),
          ),
        );
      // After choosing or checking units of the qualification under discussion: what comes after it,
      // counting the units chosen as done ("what comes next after this one?", "which of my units count?").
      if (c.qualificationId && engineQualification(s, c.qualificationId))
        return showTransfer(c, s, c.qualificationId, c.units ?? []);
      return reply(m.whatNextNoFrom);
    }
    case "eligibility":
      if (askedOf(e).beforeJob) {
        const quote = (id: string, phrase: string) =>
          s.catalogue.entries.get(id)?.suits.find((x) => x.value.includes(phrase))?.source?.quote ?? "";
        return reply(
          m.beforeJob(
            quote("ocr-10265", "current real work experience"),
            quote("ocr-10266", "Wishing to prepare for employment"),
          ),
        );
      }
      return reply(eligibilityAnswer(c, u, askedOf(e), s));
    case "details":
      return reply(detailsAnswer(c, u, askedOf(e), s));
    default:
      return reply(m.cannotAnswerYet);
  }
};

/** What a unit is (its group, credits, GLH, level and barred partners), or undefined when `x` is not one of q's. */
function unitText(c: AdvisorContext, q: EngineQualification, x: string): string | undefined {
  try {
    const [i] = resolveUnits(q, [x]);
    const unit = q.units[i ?? -1];
    if (!unit) return undefined;
    const partners = (q.exclusivePartners[unit.index] ?? []).map((p) => q.units[p]?.label ?? "");
    return messagesOf(c).render.unit({
      label: unit.label,
      qualification: q.entry.title.value,
      group: q.groupNames.get(unit.group) ?? unit.group,
      // "At least 1" is the engine's bound, not a fact: an unknown value is said to be unknown.
      credits: Number.isFinite(unit.credits.max) ? intervalText(finite(unit.credits)) : null,
      level: unit.level ?? null,
      inferredLevel: unit.inferredLevel ?? null,
      glh: unit.glh ? intervalText({ min: unit.glh.min, max: unit.glh.max }) : null,
      barredWith: partners,
    });
  } catch {
    return undefined;
  }
}

/** Whether two units of q may be taken together, with the rule's own words when they may not. */
function togetherText(c: AdvisorContext, q: EngineQualification, units: string[]): string {
  const m = messagesOf(c);
  try {
    const [a, b] = resolveUnits(q, units.slice(0, 2));
    const ua = q.units[a ?? -1];
    const ub = q.units[b ?? -1];
    if (!ua || !ub) return m.together.needTwo;
    const rule = q.rules.find(
      (r) => r.rule === "barred" && r.units.includes(ua.key) && r.units.includes(ub.key),
    );
    if (rule?.rule !== "barred") return m.together.fine(ua.label, ub.label);
    return rule.effect === "exclusive"
      ? m.together.barred(ua.label, ub.label, rule.source.quote)
      : rule.effect === "exclusiveCountOne"
        ? m.together.exclusiveCountOne(
            ua.label,
            ub.label,
            rule.source.quote,
            rule.countSource?.quote ?? rule.source.quote,
          )
        : m.together.countOne(ua.label, ub.label, rule.source.quote);
  } catch (err) {
    return err instanceof Error ? err.message : m.together.needTwo;
  }
}

/**
 * Credits still to earn for the qualification asked about, after the units held that carry over to it
 * (undefined when nothing held leads to it, or its credit total is not in our sources).
 */
function remainingCredits(
  c: AdvisorContext,
  u: NonNullable<ReturnType<typeof uOf>>,
  s: AdvisorServices,
): string | undefined {
  const held = [...new Set([...(u.qualificationsHeld ?? []), ...c.qualificationsHeld])];
  const leadsTo = (from: string, to: string) =>
    !!s.catalogue.entries.get(from)?.progression.some((p) => p.to === to);
  const candidates = [u.qualification, ...(u.ambiguous ?? []), ...(u.qualifications ?? [])].filter(
    (id): id is string => !!id && held.some((h) => leadsTo(h, id)),
  );
  const to =
    candidates.length === 1 || new Set(candidates).size === 1
      ? candidates[0]
      : candidates.find((id) => engineQualification(s, id));
  const from = to ? held.find((h) => leadsTo(h, to)) : undefined;
  const entry = to ? s.catalogue.entries.get(to) : undefined;
  const need = entry?.type === "qualification" ? entry.creditValue?.value : undefined;
  if (!to || !from || need === undefined || !entry) return undefined;
  const t = transferFor(s, from, heldUnitsOfQualification(c, s, from));
  if ("error" in t) return undefined;
  const carried = t.next.find((n) => n.qualificationId === to)?.creditsCarried;
  if (!carried) return undefined;
  const left = {
    min: Math.max(0, need - (carried.max ?? carried.min)),
    max: Math.max(0, need - carried.min),
  };
  return messagesOf(c).answers.remainingCredits(
    messagesOf(c).shortTitle(entry.title.value),
    need,
    intervalText({ min: carried.min, max: carried.max ?? Number.POSITIVE_INFINITY }),
    intervalText(left),
    heldUnitsOfQualification(c, s, from).length > 0,
  );
}

/** "No ta" to an offer ("pick one", "shall I apply the fix?", "anything else?"): a polite close, no re-prompt. */
export const sayPoliteClose: Act = (c) => say(text(messagesOf(c).answers.politeClose));

/** The units the learner holds of a qualification: given with it, or by QCF references that are in it. */
export function heldUnitsOfQualification(c: AdvisorContext, s: AdvisorServices, id: string): string[] {
  const own = c.heldUnits.filter((h) => h.qualificationId === id).flatMap((h) => h.units);
  const q = engineQualification(s, id);
  const refs = q
    ? c.heldUnits
        .filter((h) => h.qualificationId === null)
        .flatMap((h) => h.units)
        .filter((x) => q.units.some((v) => v.ref === x))
    : [];
  return [...new Set([...own, ...refs])];
}

/**
 * What comes after a qualification, with the units held that count towards each next step; without
 * units held of it, the units chosen for it (when given), counted as done.
 */
export function transferAnswer(
  c: AdvisorContext,
  s: AdvisorServices,
  from: string,
  chosen: string[] = [],
  /** Only this next step ("…count towards the level 4?"). */
  to?: string,
): string {
  const held = heldUnitsOfQualification(c, s, from);
  const units = held.length ? held : chosen;
  const all = transferFor(s, from, units);
  if ("error" in all) return all.error;
  const only = to ? all.next.filter((n) => n.qualificationId === to) : [];
  const t = only.length ? { ...all, next: only } : all;
  const m = messagesOf(c);
  const answer = m.render.transfer(t);
  return !held.length && chosen.length && t.next.length ? `${m.countingChosen(chosen)}\n${answer}` : answer;
}

/**
 * Of the qualifications that lead to `to`, the one before it when the learner's words can only mean
 * one: the only one with a unit list at the level below, none of them held.
 */
function onlyBefore(s: AdvisorServices, to: string, held: string[]): string | undefined {
  const level = s.catalogue.entries.get(to)?.level.value;
  const before = [...s.catalogue.entries.values()].filter(
    (e) =>
      e.progression.some((p) => p.to === to) &&
      engineQualification(s, e.id) &&
      level != null &&
      e.level.value === level - 1,
  );
  return before.length === 1 && !held.length ? before[0]?.id : undefined;
}

export const showTransfer = (
  c: AdvisorContext,
  s: AdvisorServices,
  from: string,
  chosen: string[] = [],
  to?: string,
): Partial<AdvisorContext> => ({
  ...say(text(transferAnswer(c, s, from, chosen, to))),
  shown: { ...c.shown, transfer: from },
});

/** Units held of a qualification held: which of them count towards what comes next. */
export const answerHeldUnits: Act = (c, e, s) => {
  if (e.type !== "HOLD_UNITS" || !e.held.qualificationId) return {};
  return c.qualificationsHeld.includes(e.held.qualificationId)
    ? showTransfer(c, s, e.held.qualificationId)
    : {};
};
