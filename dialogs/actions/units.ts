import { QCF_ACCREDITED } from "../../src/advice/eligibility.ts";
import type { Understanding } from "../../src/nlu/understand.ts";
import { resolveUnits } from "../../src/rules/index.ts";
import {
  type AdvisorServices,
  checkCard,
  checkFacts,
  checkFor,
  engineQualification,
  heldIn,
  planCard,
  planFacts,
  planFor,
  recommendationCard,
  recommendationFacts,
  recommendFor,
  unitLabel,
  unitPickerCard,
} from "../advice.ts";
import type { Messages } from "../messages/messages.ts";
import { recordText } from "../messages/record.ts";
import { sessionRecord } from "../record.ts";
import {
  digest,
  planChanges,
  type RecommendationChange,
  recommendationChanges,
  recommendationInputs,
  reorders,
  shownRecommendations,
} from "../shown.ts";
import type { AdvisorContext, Choice, ClarifyOption, Reply } from "../types.ts";
import { type Act, answersOf, choices, initialContext, messagesOf, say, text, uOf } from "./common.ts";
import { addHeldUnits } from "./facts.ts";

// ——— Choosing a qualification, units, plans ———

export const clearQualification: Act = () => ({ qualificationId: null, units: null, accepted: false });

/** The selection an edit starts from: the units being checked, else the plan on screen. */
export function selectionOf(c: AdvisorContext): string[] {
  if (c.units) return c.units;
  const plan = c.shown.plan;
  if (plan && plan.qualificationId === c.qualificationId) return plan.units;
  // After "plan it for me" found no plan, the units last checked are still the ones to edit (persona
  // review 4: "add 11" dropped units 1, 2, 3, 6 and 10).
  const check = c.shown.check;
  return check && check.qualificationId === c.qualificationId ? check.units : [];
}

/**
 * Add, remove or swap units of the selection (or of the plan shown): what the learner named is read in
 * the qualification, the change said, and the rest kept; units they hold stay.
 */
export const editUnits: Act = (c, e, s) => {
  if (e.type !== "EDIT_UNITS" || !c.qualificationId) return {};
  const m = messagesOf(c);
  const q = engineQualification(s, c.qualificationId);
  if (!q) return {};
  const keyOf = (x: string) => {
    try {
      return q.units[resolveUnits(q, [x])[0] ?? -1]?.key;
    } catch {
      return undefined;
    }
  };
  const base = selectionOf(c);
  const baseKeys = base.map(keyOf);
  const held = new Set(heldIn(s, c, q).map((i) => q.units[i]?.key));
  const removeKeys = e.remove.map(keyOf);
  const addKeys = e.add.map(keyOf);
  const stays = removeKeys.filter((k): k is string => !!k && held.has(k));
  const absent = removeKeys.filter((k): k is string => !!k && !held.has(k) && !baseKeys.includes(k));
  const gone = new Set(removeKeys.filter((k) => k && !held.has(k)));
  const next = [
    ...base.filter((_, i) => !gone.has(baseKeys[i])),
    ...addKeys
      .filter((k): k is string => !!k && !baseKeys.includes(k) && !held.has(k))
      .map((k) => unitLabel(q, k)),
  ];
  const units = [...new Set(next)];
  const removed = base.filter((x) => !units.includes(x));
  const added = units.filter((x) => !base.includes(x));
  const replies: Reply[] = [];
  if (removed.length || added.length) replies.push(text(m.unitsEdited(removed, added)));
  else replies.push(text(m.editChangedNothing));
  if (stays.length) replies.push(text(m.heldStays(stays.map((k) => unitLabel(q, k)))));
  if (absent.length) replies.push(text(m.notInSelection(absent.map((k) => unitLabel(q, k)))));
  return { units, accepted: false, ...say(...replies) };
};

/** Units of an edit that are not units of the qualification: said, and nothing changes. */
export const sayEditProblems: Act = (c, e, s) => {
  if (e.type !== "EDIT_UNITS") return {};
  const m = messagesOf(c);
  if (!c.qualificationId) return say(text(m.whichQualificationForUnits));
  const r = checkFor(s, c.qualificationId, [...e.add, ...e.remove]);
  return say(text(r.kind === "badUnits" ? m.unitProblem(r.messages) : m.noUnitList(c.qualificationId)));
};

export const chooseQualification: Act = (c, e, s) => {
  if (e.type !== "CHOOSE") return {};
  const same = e.qualificationId === c.qualificationId;
  const replies: Reply[] = [];
  // "Which qualification are these units from?" answered: they are units held of it.
  if (c.pendingHeld && c.pendingUnits?.length) {
    const m = messagesOf(c);
    const r = addHeldUnits(s, c.heldUnits, { qualificationId: e.qualificationId, units: c.pendingUnits });
    const title = s.catalogue.entries.get(e.qualificationId)?.title.value ?? null;
    if (r.units.length) replies.push(text(m.noted([m.describe.heldUnits(r.units, title)])));
    if (r.unknown.length) replies.push(text(m.heldUnitsUnknown(r.unknown, title)));
    for (const a of r.ambiguous) replies.push(text(a));
    return {
      heldUnits: r.heldUnits,
      qualificationId: e.qualificationId,
      units: same ? c.units : null,
      pendingUnits: null,
      pendingHeld: false,
      accepted: false,
      ...say(...replies),
    };
  }
  let units = same ? c.units : c.pendingUnits;
  // Units typed before the qualification was known may not be units of it: say so, and plan instead.
  if (units?.length) {
    const r = checkFor(s, e.qualificationId, units);
    if (r.kind === "badUnits") {
      replies.push(text(messagesOf(c).unitProblem(r.messages)));
      units = null;
    }
  }
  return {
    qualificationId: e.qualificationId,
    units,
    pendingUnits: null,
    accepted: false,
    ...say(...replies),
  };
};

export const planTarget: Act = (c, e) => {
  if (e.type !== "PLAN") return {};
  const id = e.qualificationId ?? c.qualificationId;
  return {
    ...(e.objective ? { objective: e.objective } : {}),
    qualificationId: id ?? null,
    // A plan is asked for: it starts from what the learner holds (units carried), not from units
    // they were checking; those stay in the check they came from. Units named with the request ("plan
    // the L3 NVQ, I'd like to include 20 and 36") are the ones it is built around.
    units: wantedUnits(e),
    accepted: false,
  };
};

/** Units a plan request names as wanted in it (not held). */
export function wantedUnits(e: Parameters<Act>[1]): string[] | null {
  return e.type === "PLAN" && !e.held && e.u.units?.length ? e.u.units : null;
}

/**
 * "I don't hold them, I want to take them": the units last taken as held are not held; they become the
 * selection of their qualification (checked next), and the bot says so.
 */
export const unholdUnits: Act = (c) => {
  const m = messagesOf(c);
  // Still waiting to know their qualification: they are units for it, not of it.
  if (c.pendingHeld && c.pendingUnits?.length)
    return { pendingHeld: false, ...say(text(m.unheld(c.pendingUnits))) };
  const last = c.heldUnits.at(-1);
  if (!last) return {};
  const heldUnits = c.heldUnits.slice(0, -1);
  const id = last.qualificationId ?? c.qualificationId;
  return {
    heldUnits,
    ...(id ? { qualificationId: id, units: last.units, accepted: false } : {}),
    ...say(text(m.unheld(last.units))),
  };
};

export const holdUnits: Act = (_c, e) =>
  e.type === "UNITS" ? { pendingUnits: e.units, pendingHeld: false } : {};

export const setUnits: Act = (c, e) => {
  if (e.type !== "UNITS") return {};
  return {
    qualificationId: e.qualificationId ?? c.qualificationId,
    units: e.units,
    pendingUnits: null,
    accepted: false,
  };
};

export const sayUnitProblems: Act = (c, e, s) => {
  if (e.type !== "UNITS") return {};
  const id = e.qualificationId ?? c.qualificationId;
  const m = messagesOf(c);
  if (!id) return say(text(m.whichQualificationForUnits));
  const r = checkFor(s, id, e.units);
  if (r.kind === "badUnits") return say(text(m.unitProblem(r.messages)));
  if (r.kind === "noUnitList") return say(text(m.noUnitList(r.entry.title.value)));
  if (r.kind === "pathway") return say(text(m.notAQualification(r.entry.title.value)));
  return {};
};

export const sayChoiceUnusable: Act = (c, e, s) => {
  if (e.type !== "CHOOSE" && e.type !== "PLAN") return {};
  const m = messagesOf(c);
  const id = e.qualificationId ?? c.qualificationId;
  const entry = id ? s.catalogue.entries.get(id) : undefined;
  if (!entry) return say(text(m.unknownQualification));
  return say(
    text(entry.type === "pathway" ? m.notAQualification(entry.title.value) : m.noUnitList(entry.title.value)),
  );
};

export const askQualificationForUnits: Act = (c, e, s) => {
  const m = messagesOf(c);
  // Units held are of something done, not of something recommended: those they may be units of, at the
  // learner's level first (persona review 5, W5: a planner's Level 3 NVQ units were offered the Level 4).
  const options = c.pendingHeld
    ? heldUnitsQualifications(c, s)
    : (c.shown.recommendations ?? [])
        .filter((id) => engineQualification(s, id) !== undefined)
        .map((id) => ({ label: m.shortTitle(s.catalogue.entries.get(id)?.title.value ?? id), value: id }));
  const all = options.length
    ? options
    : [...s.catalogue.entries.values()]
        // Closed to new registrations (the IQ NVQ): offered only for units someone holds.
        .filter(
          (x) =>
            x.type === "qualification" &&
            x.units &&
            (c.pendingHeld || !x.operationalEnd || x.operationalEnd.value >= c.today),
        )
        .map((x) => ({ label: m.shortTitle(x.title.value), value: x.id }));
  const held = c.pendingHeld
    ? c.qualificationsHeld
        .filter((id) => engineQualification(s, id) !== undefined)
        .map((id) => ({ label: m.shortTitle(s.catalogue.entries.get(id)?.title.value ?? id), value: id }))
    : [];
  const offered = [...held, ...all.filter((o) => !held.some((h) => h.value === o.value))];
  const q = choices(c.pendingHeld ? m.whichQualificationForHeldUnits : m.ask.qualification.first, offered);
  return {
    ...say(q),
    expecting: "qualification",
    misses: 0,
    prompt: [q],
    clarify: {
      options: offered.map((o) => ({ ...o, qualificationId: o.value })),
      resume: { expecting: c.expecting, prompt: c.prompt },
      // A question asked with the units ("will they carry over?") is answered once their qualification is
      // known, about the units held of it.
      ...("said" in e && e.said && "u" in e && e.u.intent ? { said: e.said, held: true } : {}),
    },
  };
};

/** The qualifications whose units these may be (held units waiting for theirs), the learner's level first. */
function heldUnitsQualifications(c: AdvisorContext, s: AdvisorServices): Choice[] {
  const units = c.pendingUnits ?? [];
  const fits = [...s.catalogue.entries.values()].filter((x) => {
    const q = x.type === "qualification" ? engineQualification(s, x.id) : undefined;
    if (!q) return false;
    try {
      return resolveUnits(q, units).length > 0;
    } catch {
      return false;
    }
  });
  const level = c.level ?? null;
  const rank = (l: number | undefined) =>
    l === level ? 0 : level !== null && l !== undefined && l < level ? 1 : 2;
  return fits
    .sort((a, b) => rank(a.level.value) - rank(b.level.value))
    .map((x) => ({ label: messagesOf(c).shortTitle(x.title.value), value: x.id }));
}

export const askWhichQualification: Act = (c, e, s) => {
  if (e.type !== "AMBIGUOUS") return {};
  const m = messagesOf(c);
  const intent = e.u.intent;
  const valueFor = (id: string) =>
    intent === "whatNext"
      ? e.u.ambiguousHeld
        ? `I have ${id}, what comes next?`
        : `what comes after ${id}`
      : intent === "unitsIn"
        ? `which units are in ${id}`
        : intent === "plan"
          ? `plan ${id}`
          : intent === "whatIsUnit" && e.u.units?.[0]
            ? `what is unit ${e.u.units[0]} in ${id}`
            : id;
  const labels = e.candidates.map((id) => m.shortTitle(s.catalogue.entries.get(id)?.title.value ?? id));
  // A button sends its value as the user's words: the qualification's name when the message that asked
  // is kept to be answered (and the names differ), else the request spelt out.
  const byName = e.said !== undefined && new Set(labels).size === labels.length;
  const options: ClarifyOption[] =
    e.options ??
    e.candidates.map((id, i) => ({
      label: labels[i] ?? id,
      value: byName ? (labels[i] ?? id) : valueFor(id),
      qualificationId: id,
    }));
  const q = choices(
    m.whichOne(options.length),
    options.map(({ label, value }) => ({ label, value })),
  );
  return {
    ...say(q),
    // The question to go back to once this one is answered (or dismissed): the one before any clarification.
    clarify: {
      options,
      resume: c.clarify?.resume ?? { expecting: c.expecting, prompt: c.prompt },
      ...(e.said !== undefined ? { said: e.said } : {}),
    },
    expecting: "qualification",
    misses: 0,
    prompt: [q],
  };
};

export const showRecommendations: Act = (c, e, s) => {
  const m = messagesOf(c);
  // "What if I get the job?": the suggestions as if in contact-centre work, said as such; the profile
  // is not changed (it is a supposition).
  if (uOf(e)?.supposeWorking) {
    const supposed = recommendationCard(
      s,
      m,
      recommendFor(
        s,
        { ...c, working: true, role: c.role ?? "Contact Centre Agent", otherJob: false },
        c.today,
      ),
    );
    const now = c.shown.recommendations ?? [];
    const changed = supposed.items.filter((x) => !now.includes(x.qualificationId));
    return say(
      choices(
        m.ifWorking(
          supposed.items.map((x) => m.shortTitle(x.title)),
          changed.map((x) => m.shortTitle(x.title)),
        ),
        supposed.items
          .filter((x) => x.hasUnitList)
          .map((x) => ({ label: planLabel(s, m, x), value: `plan ${x.qualificationId}` })),
      ),
    );
  }
  const r = recommendFor(s, c, c.today);
  const card = recommendationCard(s, m, r);
  const facts = recommendationFacts(r);
  const about = c.userKind === "adviser" ? (c.group ? m.theGroup : m.theLearner(c.learnerName)) : m.you;
  if (!card.items.length) return { ...say(text(m.recommendEmpty)), expecting: null, prompt: [] };
  const options: Choice[] = [
    ...card.items
      .filter((x) => x.hasUnitList)
      .map((x) => ({ label: planLabel(s, m, x), value: `plan ${x.qualificationId}` })),
    { label: m.whatComesNextChoice, value: `what comes after ${card.items[0]?.qualificationId ?? ""}` },
  ];
  const next = choices(m.recommendNext, options);
  // Sent again only when it changed. Unchanged: a line says so. A detail or two changed: one line says
  // what, without the card. The order, or much, changed: the card again, after a line saying how.
  const changes = c.shown.recommendedFor
    ? recommendationChanges(shownRecommendations(s, m, c, c.shown.recommendedFor, c.today), card)
    : null;
  const reordered = changes?.filter(reorders) ?? [];
  const details = changes?.filter((x) => !reorders(x)) ?? [];
  const detailLine = details.length ? m.recommendChanged(details.map((x) => changeWords(m, x))) : null;
  const lineOnly =
    changes !== null &&
    !(e.type === "RECOMMEND" && e.reasons) &&
    !reordered.length &&
    details.length <= MAX_DETAILS_SAID &&
    (detailLine?.length ?? 0) <= MAX_LINE;
  const changeLine = reordered.length
    ? m.recommendChanged(reordered.map((x) => changeWords(m, x)))
    : lineOnly
      ? detailLine
      : details.length
        ? m.recommendChanged([
            m.recommendChange.reasons([
              ...new Set(details.filter((x) => x.kind !== "notOffered").map((x) => m.shortTitle(x.title))),
            ]),
            ...details.filter((x) => x.kind === "notOffered").map((x) => changeWords(m, x)),
          ])
        : null;
  const preferLine = preferenceAnswer(m, card, uOf(e)?.prefer);
  const noteNation =
    (c.nation === "Scotland" || c.nation === "Northern Ireland") && c.shown.nationNoted !== c.nation
      ? c.nation
      : null;
  // A question answered in the same turn ("I have the level 2 NVQ, what next?") has said the most of
  // it: the suggestions follow as a list, with their reasons one tap away, not a second wall of text.
  const answered = uOf(e)?.intent;
  const brief =
    !c.shown.recommendations &&
    !!answered &&
    ["whatNext", "details", "eligibility", "compare", "unitsIn", "define", "whatIsUnit", "together"].includes(
      answered,
    );
  if (brief) {
    const reasonsChoice = { label: m.recommendReasonsChoice, value: "what do you recommend" };
    const briefNext = choices(m.recommendBrief(card.items.map((x) => m.shortTitle(x.title))), [
      reasonsChoice,
      ...options,
    ]);
    return {
      ...say(
        ...(noteNation ? [text(m.answers.nationNote(noteNation, QCF_ACCREDITED.quote))] : []),
        briefNext,
      ),
      shown: {
        ...c.shown,
        recommendations: card.items.map((x) => x.qualificationId),
        ...(noteNation ? { nationNoted: noteNation } : {}),
      },
      facts: { recommendations: facts },
      expecting: "qualification",
      misses: 0,
      prompt: [briefNext],
    };
  }
  const replies: Reply[] = lineOnly
    ? [
        choices(
          changeLine ??
            // "plan the nvq" with more than one to choose from: which one, rather than the card again.
            preferLine ??
            (e.type === "PLAN"
              ? m.pickToPlan
              : // A question these suggestions do not answer is said to be unanswered, not met with them
                // again (persona review 5: "My suggestions haven't changed" to follow-up questions).
                // (A question answered this turn, "will my level 2 count towards it?", is not.)
                uOf(e)?.question && !uOf(e)?.intent
                ? m.questionUnanswered
                : m.recommendUnchanged(card.items.map((x) => m.shortTitle(x.title)))),
          options,
        ),
        ...(changeLine && preferLine ? [text(preferLine)] : []),
      ]
    : [
        ...(changeLine ? [text(changeLine)] : []),
        { kind: "card", text: m.render.recommendations(card, about), card },
        ...(preferLine ? [text(preferLine)] : []),
        // Scotland and Northern Ireland: what our sources cover, said once, with the first card.
        ...(noteNation ? [text(m.answers.nationNote(noteNation, QCF_ACCREDITED.quote))] : []),
        next,
      ];
  return {
    ...say(...replies),
    shown: {
      ...c.shown,
      recommendations: card.items.map((x) => x.qualificationId),
      recommendedFor: recommendationInputs(c),
      ...(noteNation && !lineOnly ? { nationNoted: noteNation } : {}),
    },
    facts: { recommendations: facts },
    expecting: "qualification",
    misses: 0,
    prompt: [next],
  };
};

/**
 * A plan button only where a plan can be made: a qualification whose credit values our sources lack is
 * offered as a unit chooser instead (persona review 5: "Plan" led to "I can't work out a plan").
 */
const plannableMemo = new WeakMap<object, Map<string, boolean>>();
function plannable(s: Parameters<Act>[2], id: string): boolean {
  let memo = plannableMemo.get(s);
  if (!memo) {
    memo = new Map();
    plannableMemo.set(s, memo);
  }
  let can = memo.get(id);
  if (can === undefined) {
    const p = planFor(s, answersOf(initialContext("en", "2000-01-01")), id);
    can = p.kind === "plan" && p.result.status === "planned";
    memo.set(id, can);
  }
  return can;
}
function planLabel(
  s: Parameters<Act>[2],
  m: Messages,
  x: { qualificationId: string; title: string },
): string {
  return plannable(s, x.qualificationId)
    ? m.planChoice(m.shortTitle(x.title))
    : m.chooseUnitsChoice(m.shortTitle(x.title));
}

/**
 * "Wouldn't level 2 be better?": where that option stands in the advice, and why the first one is first,
 * in the reasons' own words (persona review 4: "My suggestions haven't changed" answered a parent's
 * reasoned objection).
 */
function preferenceAnswer(
  m: Messages,
  card: ReturnType<typeof recommendationCard>,
  prefer: Understanding["prefer"],
): string | null {
  const top = card.items[0];
  if (!prefer || !top) return null;
  const fits = (x: { qualificationId: string; level: number | null; kind: string }) =>
    prefer.qualificationId
      ? x.qualificationId === prefer.qualificationId
      : (prefer.level === undefined || x.level === prefer.level) && (!prefer.kind || x.kind === prefer.kind);
  // The reason that speaks to what was weighed: its level when a level was named.
  const reasonOf = (x: (typeof card.items)[number]) =>
    (prefer.level !== undefined ? x.reasons.find((r) => /\bLevel \d\b/.test(r.text)) : undefined)?.text ??
    x.reasons[0]?.text ??
    null;
  const at = card.items.findIndex(fits);
  const topReason = reasonOf(top) ?? "";
  if (at === 0) return m.prefer.first(m.shortTitle(top.title), topReason);
  const found = card.items[at];
  if (found)
    return m.prefer.lower(
      m.shortTitle(found.title),
      at + 1,
      reasonOf(found),
      m.shortTitle(top.title),
      topReason,
    );
  const notOffered = card.notOffered.find((x) =>
    fits({ ...x, level: prefer.level ?? null, kind: prefer.kind ?? "" }),
  );
  const what = notOffered
    ? m.shortTitle(notOffered.title)
    : prefer.level !== undefined
      ? m.prefer.level(prefer.level)
      : null;
  return what ? m.prefer.none(what, notOffered?.reason ?? null, m.shortTitle(top.title), topReason) : null;
}

/** A change of detail is said in one line, without the card, when it is this small. */
const MAX_DETAILS_SAID = 2;
const MAX_LINE = 300;

function changeWords(m: Messages, x: RecommendationChange): string {
  const w = m.recommendChange;
  const t = m.shortTitle(x.title);
  switch (x.kind) {
    case "added":
      return w.added(t, x.at);
    case "moved":
      return w.moved(t, x.from, x.to);
    case "dropped":
      return w.dropped(t);
    case "says":
      return w.says(t, x.text);
    case "noLonger":
      return w.noLonger(t, x.text);
    case "notOffered":
      return w.notOffered(t, x.reason);
  }
}

export const showPlan: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const id = c.qualificationId;
  if (!id) return {};
  const outcome = planFor(s, c, id);
  if (outcome.kind === "noUnitList")
    return { ...say(text(m.noUnitList(outcome.entry.title.value))), qualificationId: null };
  if (outcome.kind === "pathway")
    return { ...say(text(m.notAQualification(outcome.entry.title.value))), qualificationId: null };
  if (outcome.kind === "badUnits") return { ...say(text(m.unitProblem(outcome.messages))), units: null };
  const { result, entry, q } = outcome;
  const facts = planFacts(result, q);
  const turnFacts = { plan: facts };
  // Where our sources lack the credit values (or no completion exists), no plan is made up: what is
  // known is said as it is, and only "choose my own units" is offered.
  if (result.status !== "planned" || !result.plan) {
    const reply =
      result.status === "undetermined"
        ? choices(m.planUndetermined(result.reason ?? "", facts.have, facts.mandatory ?? []), [
            m.planChoices[2] as Choice,
          ])
        : choices(m.planNone(result.reason ?? "", result.fix?.text), [m.checkChoices.change]);
    // The same answer as last time is not given again in full.
    const note = digest([entry.id, reply.text]);
    const again =
      c.shown.planNote === note && reply.kind === "choices"
        ? choices(m.planNoteUnchanged(m.shortTitle(entry.title.value)), reply.choices)
        : reply;
    // After an aside, the question in short, not the paragraph again.
    const title = m.shortTitle(entry.title.value);
    const pending = choices(
      result.status === "undetermined" ? m.pending.planUndetermined(title) : m.pending.planNone(title),
      reply.choices,
    );
    return {
      ...say(again),
      prompt: [pending],
      expecting: null,
      shown: { ...c.shown, plan: null, planNote: note },
      facts: turnFacts,
    };
  }
  const card = planCard(m, result, entry, c.today);
  const body = m.render.plan(card);
  const next = choices(m.planNext, m.planChoices);
  // Sent again only when it changed; a new plan for the same qualification says which units changed.
  const shownDigest = digest(card);
  const before = c.shown.plan?.qualificationId === entry.id ? c.shown.plan : null;
  const changed = before ? planChanges(before.units, card) : null;
  const replies: Reply[] =
    before?.digest === shownDigest
      ? [
          choices(
            m.planUnchanged(
              m.shortTitle(entry.title.value),
              card.units.filter((u) => !u.held).map((u) => u.unit),
            ),
            m.planChoices,
          ),
        ]
      : [
          ...(changed && (changed.added.length || changed.removed.length)
            ? [text(m.planChanged(changed.added, changed.removed))]
            : []),
          { kind: "card", text: body, card },
          next,
        ];
  return {
    ...say(...replies),
    shown: {
      ...c.shown,
      plan: { qualificationId: entry.id, units: card.units.map((u) => u.unit), digest: shownDigest },
      planNote: undefined,
    },
    facts: turnFacts,
    expecting: null,
    misses: 0,
    prompt: [next],
  };
};

export const acceptPlan: Act = (c) => {
  const plan = c.shown.plan;
  if (!plan) return { accepted: true };
  return { units: plan.units, accepted: true };
};

export const showUnitPicker: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const q = c.qualificationId ? engineQualification(s, c.qualificationId) : undefined;
  if (!q) return say(text(m.whichQualificationForUnits));
  const card = unitPickerCard(m, q, c.units ?? []);
  const reply: Reply = { kind: "card", text: m.pickUnits(q.entry.title.value), card };
  return { ...say(reply), expecting: "units", misses: 0, prompt: [text(m.ask.units.first)] };
};

export const showCheck: Act = (c, e, s) => {
  const m = messagesOf(c);
  if (!c.qualificationId || !c.units) return {};
  const r = checkFor(s, c.qualificationId, c.units, c);
  if (r.kind !== "checked") {
    const why =
      r.kind === "badUnits"
        ? m.unitProblem(r.messages)
        : r.kind === "noUnitList"
          ? m.noUnitList(r.entry.title.value)
          : m.notAQualification(r.entry.title.value);
    const next = choices(why, [m.checkChoices.change, m.checkChoices.plan]);
    const pending = choices(m.pending.unitsUnusable, next.choices);
    return { ...say(next), units: null, prompt: [pending], expecting: "units" };
  }
  const res = r.result;
  const card = checkCard(m, res);
  const facts = checkFacts(res);
  const verdict = card.words.verdict;
  const options: Choice[] =
    res.verdict === "invalid"
      ? [m.checkChoices.fix, m.checkChoices.plan, m.checkChoices.change]
      : [m.checkChoices.happy, m.checkChoices.change, m.checkChoices.plan];
  // The card ends with the verdict; the choices that follow it ask what next (persona review 3: the
  // verdict was said twice). After an aside, the question in short is the verdict with its choices.
  const next = choices(verdict, options);
  const afterCard = choices(m.planNext, options);
  // Sent again only when it changed: the same units and rules give one line and the choices (units
  // newly known to be held change no rule, and the card does not show them).
  const shownDigest = digest({ ...card, units: card.units.map(({ held: _held, ...u }) => u) });
  const explain = e.type === "UNITS" && e.explain;
  const replies: Reply[] =
    c.shown.check?.digest === shownDigest && !explain
      ? [choices(`${m.checkUnchanged} ${verdict}`, options)]
      : [{ kind: "card", text: m.render.check(card), card }, afterCard];
  return {
    ...say(...replies),
    shown: {
      ...c.shown,
      check: {
        qualificationId: facts.qualificationId,
        units: facts.units,
        verdict: facts.verdict,
        digest: shownDigest,
      },
    },
    facts: { check: facts },
    expecting: "units",
    misses: 0,
    prompt: [next],
  };
};

/**
 * The smallest fix: drop what a barred rule says to drop, then complete with the planner (cheapest
 * valid completion keeping the learner's other units), re-checked by the engine.
 */
export const applyFix: Act = (c, _e, s) => {
  const m = messagesOf(c);
  if (!c.qualificationId || !c.units) return {};
  const r = checkFor(s, c.qualificationId, c.units, c);
  if (r.kind !== "checked") return say(text(m.noFix));
  if (r.result.violations.length === 0) return say(text(m.nothingToFix));
  const drop = new Set(r.result.violations.flatMap((v) => v.fixAction?.drop ?? []));
  const keptIds = r.result.units.filter(
    (u) => !drop.has(u.unit) && !drop.has(u.number ?? "") && !drop.has(u.ref ?? ""),
  );
  const label = (u: { number: string | null; ref: string | null; unit: string }) =>
    u.number ?? u.ref ?? u.unit;
  const kept = keptIds.map(label);
  const dropped = r.result.units.filter((u) => !keptIds.includes(u)).map(label);
  const outcome = planFor(s, { ...answersOf(c), units: kept, objective: "glh" }, c.qualificationId);
  // Where our sources cannot complete the plan, what the rules say to drop is still dropped (persona
  // review 1: the fix button looped on a barred pair of OCR 10266), and the rest is checked again.
  if (dropped.length && !(outcome.kind === "plan" && outcome.result.status === "planned")) {
    const after = checkFor(s, c.qualificationId, kept, c);
    const broken = after.kind === "checked" ? after.result.violations.length : 0;
    const why = r.result.violations.filter((v) => v.fixAction?.drop.length).map((v) => v.message);
    return { units: kept, ...say(text(m.fixDropped(dropped, broken, why))) };
  }
  if (outcome.kind === "plan" && outcome.result.status === "undetermined")
    return say(text(m.planUndetermined(outcome.result.reason ?? "", [], [])));
  if (outcome.kind !== "plan" || outcome.result.status !== "planned" || !outcome.result.plan)
    return say(
      text(
        outcome.kind === "plan" ? m.planNone(outcome.result.reason ?? "", outcome.result.fix?.text) : m.noFix,
      ),
    );
  const units = outcome.result.plan.detail.map(label);
  const added = outcome.result.plan.detail.filter((d) => !d.held).map(label);
  return { units, ...say(text(m.fixApplied(dropped, added))) };
};

export const sayCannotAcceptInvalid: Act = (c) => {
  const m = messagesOf(c);
  return say(choices(m.cannotAcceptInvalid, [m.checkChoices.fix, m.checkChoices.plan]));
};

export const acceptUnits: Act = () => ({ accepted: true });

/** The session record as a card (its text: the same record in plain text), or a line when it is unchanged. */
function recordReply(c: AdvisorContext, s: Parameters<Act>[2]): { reply: Reply; shown: string } {
  const m = messagesOf(c);
  const card = sessionRecord(c, s);
  const shownDigest = digest(card);
  return {
    reply:
      c.shown.record === shownDigest
        ? text(m.recordUnchanged)
        : { kind: "card", text: `${m.recordReady}\n\n${recordText(card)}`, card },
    shown: shownDigest,
  };
}

export const showSummary: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const id = c.qualificationId ?? c.shown.recommendations?.[0] ?? null;
  const title = id ? (s.catalogue.entries.get(id)?.title.value ?? id) : null;
  const replies: Reply[] = [];
  // Accepted with rules our sources cannot confirm: said before it is relied on (persona review 4: "looks
  // good" on "at least 10 of 13 credits, not confirmed" got only "Great").
  const shownCheck = c.shown.check;
  if (shownCheck?.verdict === "unconfirmed") {
    const r = checkFor(s, shownCheck.qualificationId, shownCheck.units, c);
    const open = r.kind === "checked" ? r.result.rules.filter((x) => x.status === "unknown").length : 0;
    if (open) replies.push(text(m.wrapUpUnconfirmed(open)));
  }
  replies.push(choices(m.wrapUp(title, replies.length > 0), m.wrapChoices));
  const record = c.userKind === "adviser" ? recordReply(c, s) : null;
  if (record) replies.unshift(record.reply);
  return {
    ...say(...replies),
    ...(record ? { shown: { ...c.shown, record: record.shown } } : {}),
    expecting: null,
    prompt: [replies.at(-1) as Reply],
  };
};

export const saySessionRecord: Act = (c, _e, s) => {
  const record = recordReply(c, s);
  return { ...say(record.reply), shown: { ...c.shown, record: record.shown } };
};
