import type { TransferResult } from "../src/advice/progression.ts";
import type { Term } from "../src/nlu/intents.ts";
import type { Expecting, Understanding } from "../src/nlu/understand.ts";
import { describeRule } from "../src/rules/describe.ts";
import { resolveUnits } from "../src/rules/index.ts";
import {
  type AdvisorServices,
  checkCard,
  checkFacts,
  checkFor,
  engineQualification,
  intervalText,
  planCard,
  planFor,
  profileFacts,
  recommendationCard,
  recommendationFacts,
  recommendFor,
  transferFor,
  unitIds,
  unitPickerCard,
} from "./advice.ts";
import { en, type Messages } from "./messages/en.ts";
import { sessionRecord } from "./record.ts";
import type { AdvisorContext, AdvisorEvent, Answers, Choice, Reply, Slot } from "./types.ts";
import { SLOTS } from "./types.ts";

/** An action: what changes in the context, from the context, the event and the services. Pure. */
export type Act = (c: AdvisorContext, e: AdvisorEvent, s: AdvisorServices) => Partial<AdvisorContext>;

const CATALOGUES: Record<AdvisorContext["locale"], Messages> = { en };
export const messagesOf = (c: AdvisorContext): Messages => CATALOGUES[c.locale];

const text = (t: string): Reply => ({ kind: "text", text: t });
const choices = (t: string, cs: Choice[]): Reply => ({ kind: "choices", text: t, choices: cs });
const say = (c: AdvisorContext, ...replies: Reply[]) => ({ outbox: [...c.outbox, ...replies] });
const uOf = (e: AdvisorEvent): Understanding | undefined => ("u" in e ? e.u : undefined);

export const INITIAL_ANSWERS: Answers = {
  userKind: null,
  learnerName: null,
  learnerNameAsked: false,
  qualificationsHeld: [],
  skipped: [],
  heldUnits: [],
  qualificationId: null,
  units: null,
  pendingUnits: null,
  objective: "glh",
  accepted: false,
};

export function initialContext(locale: AdvisorContext["locale"], today: string): AdvisorContext {
  return {
    ...INITIAL_ANSWERS,
    locale,
    today,
    history: [],
    expecting: null,
    misses: 0,
    prompt: [],
    shown: { recommendations: null, plan: null, check: null, transfer: null },
    outbox: [],
    turnFacts: {},
    deleted: false,
  };
}

export const answersOf = (c: AdvisorContext): Answers => ({
  userKind: c.userKind,
  learnerName: c.learnerName,
  learnerNameAsked: c.learnerNameAsked,
  ...(c.role !== undefined ? { role: c.role } : {}),
  ...(c.experienceMonths !== undefined ? { experienceMonths: c.experienceMonths } : {}),
  ...(c.level !== undefined ? { level: c.level } : {}),
  qualificationsHeld: c.qualificationsHeld,
  ...(c.working !== undefined ? { working: c.working } : {}),
  ...(c.apprenticeship !== undefined ? { apprenticeship: c.apprenticeship } : {}),
  ...(c.nation !== undefined ? { nation: c.nation } : {}),
  ...(c.age !== undefined ? { age: c.age } : {}),
  skipped: c.skipped,
  heldUnits: c.heldUnits,
  qualificationId: c.qualificationId,
  units: c.units,
  pendingUnits: c.pendingUnits,
  objective: c.objective,
  accepted: c.accepted,
});

/** The answer a slot holds (undefined: not known). */
export function slotValue(a: Answers, slot: Slot): unknown {
  switch (slot) {
    case "role":
      return a.role;
    case "experience":
      return a.experienceMonths;
    case "level":
      return a.level;
    case "working":
      return a.working ?? (a.role === null ? false : a.role ? true : undefined);
    case "apprenticeship":
      return a.apprenticeship;
    case "nation":
      return a.nation;
    case "age":
      return a.age;
  }
}

const shortTitle = (title: string) =>
  title
    .replace(/ in Contact Centre Operations.*$/, "")
    .replace(/Certificate in Principles of Contact Centre Operations/, "Principles Certificate")
    .replace(/^Welsh apprenticeship pathway, Contact Centre Operations, /, "Welsh apprenticeship ");

// ——— Bookkeeping ———

export const clock: Act = (_c, e) => (e.type === "CLOCK" ? { today: e.today } : {});
export const flush: Act = () => ({ outbox: [], turnFacts: {} });

/** Keep the answers before a change, so "back" can restore them (bounded). */
export const remember: Act = (c) => ({ history: [...c.history.slice(-19), answersOf(c)] });

export const undo: Act = (c) => {
  const previous = c.history.at(-1);
  if (!previous) return {};
  const m = messagesOf(c);
  const before = answersOf(c);
  const changed = describeChanges(m, before, previous, true);
  return {
    ...blankAnswers(),
    ...previous,
    history: c.history.slice(0, -1),
    ...say(c, text(changed.length ? m.undone(changed.join("; ")) : m.undoneGeneric)),
  };
};

/** Every optional answer field unset, so restoring an older Answers removes what came after. */
const blankAnswers = (): Partial<AdvisorContext> => ({
  role: undefined,
  experienceMonths: undefined,
  level: undefined,
  working: undefined,
  apprenticeship: undefined,
  nation: undefined,
  age: undefined,
});

export const reset: Act = (c) => ({
  ...initialContext(c.locale, c.today),
  ...blankAnswers(),
  ...say(c, text(messagesOf(c).restarted)),
});

export const deleteEverything: Act = (c) => ({
  ...initialContext(c.locale, c.today),
  ...blankAnswers(),
  deleted: true,
  ...say(c, text(messagesOf(c).deleted)),
});

// ——— Asking ———

export const greet: Act = (c) => {
  const m = messagesOf(c);
  // One message, so that its buttons stay on screen (channels show the last message's buttons).
  const q = choices(`${m.welcome.text}\n\n${m.welcome.hint}`, m.welcome.choices);
  return { ...say(c, q), expecting: "userKind", misses: 0, prompt: [q] };
};

type Question =
  | Exclude<Expecting, "units" | "qualification" | "confirm">
  | "units"
  | "qualification"
  | "confirm";

function questionReply(c: AdvisorContext, q: Question): Reply {
  const m = messagesOf(c);
  const spec = m.ask[q];
  const first = c.userKind === "adviser" && "firstAdviser" in spec ? spec.firstAdviser : spec.first;
  return text(first);
}

export const ask =
  (q: Question): Act =>
  (c) => {
    const first = questionReply(c, q);
    // Closed questions get their answers as buttons straight away; open ones only after a miss.
    const spec = messagesOf(c).ask[q as keyof Messages["ask"]];
    const reply = CLOSED.has(q) && spec?.choices.length ? choices(first.text, spec.choices) : first;
    return { ...say(c, reply), expecting: q, misses: 0, prompt: [reply] };
  };

const CLOSED = new Set<Question>(["working", "apprenticeship", "nation", "confirm"]);
const QUESTIONS_WITH_SKIP = new Set<string>(["userKind", "learnerName", ...SLOTS]);

/** Re-ask, escalating: rephrase, then buttons, then offer to skip or hand over. Never more than three. */
export const escalate: Act = (c) => {
  const m = messagesOf(c);
  const misses = c.misses + 1;
  const q = c.expecting;
  // Outside the profile questions there is nothing to skip: say so briefly and show the choices again.
  if (!q || !(q in m.ask) || !QUESTIONS_WITH_SKIP.has(q))
    return { misses, ...say(c, text(m.notCaught), ...c.prompt) };
  const spec = m.ask[q as keyof Messages["ask"]];
  if (misses === 1) return { misses, ...say(c, text(spec.rephrase)) };
  if (misses === 2 && spec.choices.length) return { misses, ...say(c, choices(spec.rephrase, spec.choices)) };
  return { misses, ...say(c, choices(m.stuck, m.stuckChoices)) };
};

export const autoSkip: Act = (c) => {
  const m = messagesOf(c);
  const q = c.expecting;
  if (q === "learnerName")
    return { learnerNameAsked: true, ...say(c, text(m.autoSkipped("learner's name"))) };
  if (q === "userKind") return { userKind: "learner", ...say(c, text(m.autoSkipped("role in this chat"))) };
  if (q && (SLOTS as readonly string[]).includes(q)) {
    const slot = q as Slot;
    return { skipped: [...new Set([...c.skipped, slot])], ...say(c, text(m.autoSkipped(m.slotName[slot]))) };
  }
  return {};
};

export const skipSlot: Act = (c) => {
  const m = messagesOf(c);
  const q = c.expecting;
  if (q === "learnerName") return { learnerNameAsked: true };
  if (q && (SLOTS as readonly string[]).includes(q)) {
    const slot = q as Slot;
    return { skipped: [...new Set([...c.skipped, slot])], ...say(c, text(m.skipped(m.slotName[slot]))) };
  }
  return {};
};

export const repeatPrompt: Act = (c) =>
  c.prompt.length ? say(c, text(messagesOf(c).backToIt), ...c.prompt) : {};
export const sayPrompt: Act = (c) => say(c, ...c.prompt);
export const sayNothingToSkip: Act = (c) => say(c, text(messagesOf(c).nothingToSkip));
export const clearPendingUnits: Act = () => ({ pendingUnits: null });
export const sayHelp: Act = (c) => say(c, text(messagesOf(c).help));
export const sayHandover: Act = (c) => say(c, text(messagesOf(c).handover));
export const sayHelloAgain: Act = (c) => say(c, text(messagesOf(c).helloAgain));
export const sayCancelled: Act = (c) => ({
  ...say(c, text(messagesOf(c).cancelled)),
  expecting: null,
  prompt: [],
});
export const sayNothingToUndo: Act = (c) => say(c, text(messagesOf(c).nothingToUndo));
export const sayKeptData: Act = (c) => say(c, text(messagesOf(c).keptData));
export const askDeleteConfirm: Act = (c) => {
  const m = messagesOf(c);
  const q = choices(m.confirmDelete, m.ask.confirm.choices);
  return { ...say(c, q), expecting: "confirm", misses: 0 };
};

// ——— Facts ———

type Change = { slot: keyof Answers; label: string; before: string | undefined; after: string };

function describeValue(m: Messages, a: Answers, slot: Slot): string | undefined {
  const v = slotValue(a, slot);
  if (v === undefined) return undefined;
  switch (slot) {
    case "role":
      return m.describe.role(v as string | null);
    case "experience":
      return m.describe.experience(v as number);
    case "level":
      return m.describe.level(v as number);
    case "working":
      return m.describe.working(v as boolean);
    case "apprenticeship":
      return m.describe.apprenticeship(v as boolean);
    case "nation":
      return m.describe.nation(v as string);
    case "age":
      return m.describe.age(v as number);
  }
}

/** What differs between two sets of answers, in words ("role Agent → Supervisor"). */
function describeChanges(m: Messages, before: Answers, after: Answers, bothWays = false): string[] {
  const out: string[] = [];
  for (const slot of SLOTS) {
    // "working" is implied by the role; say it only when it was said.
    if (slot === "working" && after.working === undefined && !bothWays) continue;
    const b = describeValue(m, before, slot);
    const a = describeValue(m, after, slot);
    if (a === b) continue;
    if (b !== undefined && a !== undefined) out.push(m.change(m.slotName[slot], b, a));
    else if (a !== undefined) out.push(a);
    else if (b !== undefined && bothWays) out.push(`${m.slotName[slot]} (${b}) forgotten`);
  }
  return out;
}

/** Apply the facts a message states; say what was understood and what changed. */
export const applyFacts: Act = (c, e, s) => {
  const u = uOf(e);
  if (!u) return {};
  const m = messagesOf(c);
  const before = answersOf(c);
  const next: Answers = { ...before };
  if (u.userKind) next.userKind = u.userKind;
  if (u.role !== undefined) next.role = u.role;
  if (u.experienceMonths !== undefined) next.experienceMonths = u.experienceMonths;
  if (u.level !== undefined) next.level = u.level;
  if (u.working !== undefined) next.working = u.working;
  if (u.apprenticeship !== undefined) next.apprenticeship = u.apprenticeship;
  if (u.nation !== undefined) next.nation = u.nation;
  if (u.age !== undefined) next.age = u.age;
  if (u.qualificationsHeld?.length) {
    next.qualificationsHeld = [...new Set([...before.qualificationsHeld, ...u.qualificationsHeld])];
    const levels = u.qualificationsHeld.map((id) => s.catalogue.entries.get(id)?.level.value ?? 0);
    if (u.level === undefined) next.level = Math.max(before.level ?? 0, ...levels);
  }
  if (c.expecting === "learnerName" && u.learnerName) {
    next.learnerName = u.learnerName;
    next.learnerNameAsked = true;
  }
  // Someone who starts with facts ("I'm a team leader...") skipped "who are you": infer it.
  const said = describeChanges(m, before, next);
  if (!next.userKind && (said.length || u.qualificationsHeld?.length))
    next.userKind = next.role ? "staff" : "learner";
  // A slot answered is no longer skipped.
  next.skipped = before.skipped.filter((slot) => slotValue(next, slot) === undefined);

  const corrections: string[] = [];
  const news: string[] = [];
  for (const slot of SLOTS) {
    if (slot === "working" && next.working === before.working) continue;
    const b = describeValue(m, before, slot);
    const a = describeValue(m, next, slot);
    if (a === undefined || a === b) continue;
    // An answer that replaces an earlier one is a correction ("actually I'm a supervisor").
    if (
      b !== undefined &&
      slotValue(before, slot) !== undefined &&
      (slot !== "working" || before.working !== undefined)
    )
      corrections.push(m.change(m.slotName[slot], b, a));
    else news.push(a);
  }
  if (u.qualificationsHeld?.length) {
    const titles = u.qualificationsHeld
      .filter((id) => !before.qualificationsHeld.includes(id))
      .map((id) => s.catalogue.entries.get(id)?.title.value ?? id);
    if (titles.length) news.push(m.describe.held(titles));
  }
  const replies: Reply[] = [];
  if (news.length) replies.push(text(m.noted(news)));
  if (corrections.length) replies.push(text(m.changed(corrections)));
  if (next.learnerName && next.learnerName !== before.learnerName)
    replies.push(text(m.learnerNameNoted(next.learnerName)));
  if (corrections.length && (c.shown.recommendations || c.shown.plan || c.shown.check))
    replies.push(text(m.rederived));
  return { ...next, ...say(c, ...replies) };
};

export const skipLearnerName: Act = () => ({ learnerNameAsked: true });

/** Someone who starts with units or a qualification is a learner unless they said otherwise. */
export const inferUserKind: Act = (c) => (c.userKind === null ? { userKind: "learner" } : {});

// ——— Choosing a qualification, units, plans ———

export const clearQualification: Act = () => ({ qualificationId: null, units: null, accepted: false });

export const chooseQualification: Act = (c, e, s) => {
  if (e.type !== "CHOOSE") return {};
  const same = e.qualificationId === c.qualificationId;
  let units = same ? c.units : c.pendingUnits;
  const replies: Reply[] = [];
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
    ...say(c, ...replies),
  };
};

export const planTarget: Act = (c, e) => {
  if (e.type !== "PLAN") return {};
  const id = e.qualificationId ?? c.qualificationId;
  return {
    ...(e.objective ? { objective: e.objective } : {}),
    qualificationId: id ?? null,
    // A plan is asked for: it starts from what the learner holds (units carried), not from units
    // they were checking; those stay in the check they came from.
    units: null,
    accepted: false,
  };
};

export const holdUnits: Act = (c, e) => (e.type === "UNITS" ? { pendingUnits: e.units } : {});

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
  if (!id) return say(c, text(m.whichQualificationForUnits));
  const r = checkFor(s, id, e.units);
  if (r.kind === "badUnits") return say(c, text(m.unitProblem(r.messages)));
  if (r.kind === "noUnitList") return say(c, text(m.noUnitList(r.entry.title.value)));
  if (r.kind === "pathway") return say(c, text(m.notAQualification(r.entry.title.value)));
  return {};
};

export const sayChoiceUnusable: Act = (c, e, s) => {
  if (e.type !== "CHOOSE" && e.type !== "PLAN") return {};
  const m = messagesOf(c);
  const id = e.qualificationId ?? c.qualificationId;
  const entry = id ? s.catalogue.entries.get(id) : undefined;
  if (!entry) return say(c, text(m.unknownQualification));
  return say(
    c,
    text(entry.type === "pathway" ? m.notAQualification(entry.title.value) : m.noUnitList(entry.title.value)),
  );
};

export const askQualificationForUnits: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const options = (c.shown.recommendations ?? [])
    .filter((id) => engineQualification(s, id) !== undefined)
    .map((id) => ({ label: shortTitle(s.catalogue.entries.get(id)?.title.value ?? id), value: id }));
  const all = options.length
    ? options
    : [...s.catalogue.entries.values()]
        .filter((x) => x.type === "qualification" && x.units)
        .map((x) => ({ label: shortTitle(x.title.value), value: x.id }));
  const q = choices(m.ask.qualification.first, all);
  return { ...say(c, q), expecting: "qualification", misses: 0, prompt: [q] };
};

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
          : id;
  const options = e.candidates.map((id) => ({
    label: shortTitle(s.catalogue.entries.get(id)?.title.value ?? id),
    value: valueFor(id),
  }));
  return say(c, choices(m.whichOne(options.length), options));
};

export const showRecommendations: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const r = recommendFor(s, c, c.today);
  const card = recommendationCard(s, r);
  const facts = recommendationFacts(r);
  const about = c.userKind === "adviser" ? m.theLearner(c.learnerName) : m.you;
  if (!card.items.length) return { ...say(c, text(m.recommendEmpty)), expecting: null, prompt: [] };
  const lines = card.items.map((x, i) => {
    const reasons = x.reasons.map((y) => `   + ${y.text}${y.quote ? `\n     “${y.quote}”` : ""}`);
    const cautions = x.cautions.map((y) => `   ! ${y.text}`);
    return [`${i + 1}. ${x.title}`, ...reasons, ...cautions, `   Next: ${x.nextStep}`].join("\n");
  });
  const notOffered = card.notOffered.map((x) => m.notOffered(x.title, x.reason));
  const next = choices(m.recommendNext, [
    ...card.items
      .filter((x) => x.hasUnitList)
      .map((x) => ({ label: m.planChoice(shortTitle(x.title)), value: `plan ${x.qualificationId}` })),
    { label: "What comes next after it?", value: `what comes after ${card.items[0]?.qualificationId ?? ""}` },
  ]);
  return {
    ...say(
      c,
      { kind: "card", text: [m.recommendIntro(about), ...lines, ...notOffered].join("\n"), card },
      next,
    ),
    shown: { ...c.shown, recommendations: card.items.map((x) => x.qualificationId) },
    turnFacts: { ...c.turnFacts, recommendations: facts },
    expecting: "qualification",
    misses: 0,
    prompt: [next],
  };
};

export const showPlan: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const id = c.qualificationId;
  if (!id) return {};
  const outcome = planFor(s, c, id);
  if (outcome.kind === "noUnitList")
    return { ...say(c, text(m.noUnitList(outcome.entry.title.value))), qualificationId: null };
  if (outcome.kind === "pathway")
    return { ...say(c, text(m.notAQualification(outcome.entry.title.value))), qualificationId: null };
  if (outcome.kind === "badUnits") return { ...say(c, text(m.unitProblem(outcome.messages))), units: null };
  const { result, entry } = outcome;
  if (result.status === "infeasible" || !result.plan) {
    const reply = choices(m.planNone(result.reason ?? "", result.fix?.text), [m.checkChoices.change]);
    return { ...say(c, reply), prompt: [reply], expecting: null, shown: { ...c.shown, plan: null } };
  }
  const card = planCard(result, entry);
  const lines = card.units.map(
    (u) =>
      `  ${u.held ? "have" : "add "} ${u.unit.padEnd(4)} ${u.title} (${u.credits} credits, ${u.glh} GLH)`,
  );
  const verdict =
    result.verdict === "valid"
      ? m.planVerdict.valid
      : `${m.planVerdict.unconfirmed} ${result.reliesOn.slice(0, 3).join("; ")}${result.reliesOn.length > 3 ? ` and ${result.reliesOn.length - 3} more` : ""}.`;
  const end = entry.operationalEnd?.value;
  const closed = end && new Date(`${end}T23:59:59Z`) < new Date(`${c.today}T12:00:00Z`);
  const body = [
    ...(closed ? [m.closedForNew(entry.title.value, end)] : []),
    m.planIntro(entry.title.value, m.objective[result.objective]),
    ...lines,
    `Total: ${card.totalCredits} credits, ${card.totalGlh} GLH.`,
    verdict,
    ...(card.alternatives.length ? [m.alternatives(card.alternatives.length)] : []),
  ].join("\n");
  const next = choices(m.recommendNext.replace(/.*/, "What next?"), m.planChoices);
  return {
    ...say(c, { kind: "card", text: body, card }, next),
    shown: { ...c.shown, plan: { qualificationId: entry.id, units: card.units.map((u) => u.unit) } },
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
  if (!q) return say(c, text(m.whichQualificationForUnits));
  const card = unitPickerCard(q, c.units ?? []);
  const reply: Reply = { kind: "card", text: m.pickUnits(q.entry.title.value), card };
  return { ...say(c, reply), expecting: "units", misses: 0, prompt: [text(m.ask.units.first)] };
};

export const showCheck: Act = (c, _e, s) => {
  const m = messagesOf(c);
  if (!c.qualificationId || !c.units) return {};
  const r = checkFor(s, c.qualificationId, c.units);
  if (r.kind !== "checked") {
    const why =
      r.kind === "badUnits"
        ? m.unitProblem(r.messages)
        : r.kind === "noUnitList"
          ? m.noUnitList(r.entry.title.value)
          : m.notAQualification(r.entry.title.value);
    const next = choices(why, [m.checkChoices.change, m.checkChoices.plan]);
    return { ...say(c, next), units: null, prompt: [next], expecting: "units" };
  }
  const res = r.result;
  const card = checkCard(res);
  const facts = checkFacts(res);
  const mark = { holds: "✔", fails: "✘", unknown: "?" } as const;
  const lines = card.rules.map(
    (x) =>
      `${mark[x.status]} ${x.message}${x.status === "fails" ? `\n    rule: “${x.wording}”` : ""}${x.fix ? `\n    fix: ${x.fix}` : ""}`,
  );
  const verdict =
    res.verdict === "valid"
      ? m.checkVerdict.valid
      : res.verdict === "invalid"
        ? m.checkVerdict.invalid(res.violations.length)
        : m.checkVerdict.unconfirmed;
  const options: Choice[] =
    res.verdict === "invalid"
      ? [m.checkChoices.fix, m.checkChoices.plan, m.checkChoices.change]
      : [m.checkChoices.happy, m.checkChoices.change, m.checkChoices.plan];
  const next = choices(verdict, options);
  return {
    ...say(
      c,
      {
        kind: "card",
        text: [m.checkIntro(res.title), `Units: ${unitIds(res).join(", ")}`, ...lines].join("\n"),
        card,
      },
      next,
    ),
    shown: {
      ...c.shown,
      check: { qualificationId: facts.qualificationId, units: facts.units, verdict: facts.verdict },
    },
    turnFacts: { ...c.turnFacts, check: facts },
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
  const r = checkFor(s, c.qualificationId, c.units);
  if (r.kind !== "checked") return say(c, text(m.noFix));
  if (r.result.violations.length === 0) return say(c, text(m.nothingToFix));
  const drop = new Set(r.result.violations.flatMap((v) => v.fixAction?.drop ?? []));
  const keptIds = r.result.units.filter(
    (u) => !drop.has(u.unit) && !drop.has(u.number ?? "") && !drop.has(u.ref ?? ""),
  );
  const kept = keptIds.map((u) => u.number ?? u.ref ?? u.unit);
  const outcome = planFor(s, { ...answersOf(c), units: kept, objective: "glh" }, c.qualificationId);
  if (outcome.kind !== "plan" || outcome.result.status !== "planned" || !outcome.result.plan)
    return say(
      c,
      text(
        outcome.kind === "plan" ? m.planNone(outcome.result.reason ?? "", outcome.result.fix?.text) : m.noFix,
      ),
    );
  const units = outcome.result.plan.detail.map((d) => d.number ?? d.ref ?? d.unit);
  return { units, ...say(c, text(m.fixApplied)) };
};

export const sayCannotAcceptInvalid: Act = (c) => {
  const m = messagesOf(c);
  return say(c, choices(m.cannotAcceptInvalid, [m.checkChoices.fix, m.checkChoices.plan]));
};

export const acceptUnits: Act = () => ({ accepted: true });

export const showSummary: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const id = c.qualificationId ?? c.shown.recommendations?.[0] ?? null;
  const title = id ? (s.catalogue.entries.get(id)?.title.value ?? id) : null;
  const replies: Reply[] = [choices(m.wrapUp(title), m.wrapChoices)];
  if (c.userKind === "adviser") {
    const md = sessionRecord(c, s);
    replies.unshift({
      kind: "card",
      text: `${m.recordReady}\n\n${md}`,
      card: { type: "sessionRecord", markdown: md },
    });
  }
  return { ...say(c, ...replies), expecting: null, prompt: [replies.at(-1) as Reply] };
};

export const saySessionRecord: Act = (c, _e, s) => {
  const m = messagesOf(c);
  const md = sessionRecord(c, s);
  return say(c, {
    kind: "card",
    text: `${m.recordReady}\n\n${md}`,
    card: { type: "sessionRecord", markdown: md },
  });
};

// ——— Questions at any point ———

export const answerQuestion: Act = (c, e, s) => {
  const u = uOf(e);
  if (!u) return {};
  const m = messagesOf(c);
  const reply = (t: string) => say(c, text(t));
  const id = u.qualification ?? u.qualifications?.[0] ?? c.qualificationId ?? undefined;
  switch (u.intent) {
    case "define":
      return reply(m.define[(u.term ?? "credit") as Term]);
    case "unitsIn": {
      if (!id) return reply(m.unknownQualification);
      const entry = s.catalogue.entries.get(id);
      const q = engineQualification(s, id);
      if (!entry) return reply(m.unknownQualification);
      if (!q)
        return reply(
          entry.type === "pathway" ? m.notAQualification(entry.title.value) : m.noUnitList(entry.title.value),
        );
      const groups = [...q.groupNames.entries()].map(([g, name]) => {
        const units = (q.groupUnits.get(g) ?? []).map((i) => {
          const x = q.units[i];
          return `  ${x?.number ?? x?.ref ?? ""} ${x?.title ?? ""} (${x ? intervalText({ min: x.credits.min, max: Number.isFinite(x.credits.max) ? x.credits.max : null }) : "?"} credits)`;
        });
        return [`${name}:`, ...units].join("\n");
      });
      const rules = q.rules.map((r) => `• ${describeRule(q, r)}`);
      return {
        ...say(c, {
          kind: "card",
          text: [m.unitsInIntro(entry.title.value, q.units.length), ...groups, "Rules:", ...rules].join("\n"),
          card: unitPickerCard(q, []),
        }),
      };
    }
    case "whatIsUnit": {
      const ids = id ? [id] : [...s.catalogue.entries.keys()];
      for (const qid of ids) {
        const q = engineQualification(s, qid);
        if (!q || !u.units?.length) continue;
        try {
          const [i] = resolveUnits(q, u.units.slice(0, 1));
          const x = q.units[i ?? -1];
          if (!x) continue;
          const partners = (q.exclusivePartners[x.index] ?? []).map((p) => q.units[p]?.label ?? "");
          return reply(
            m.unitAbout([
              `${x.label} — ${q.entry.title.value}`,
              `Group: ${q.groupNames.get(x.group) ?? x.group}`,
              `Credits: ${intervalText({ min: x.credits.min, max: Number.isFinite(x.credits.max) ? x.credits.max : null })}; level: ${x.level ?? (x.inferredLevel ? `${x.inferredLevel} (inferred)` : "not in our sources")}; GLH: ${x.glh ? intervalText({ min: x.glh.min, max: x.glh.max }) : "not in our sources"}`,
              ...(partners.length ? [`Barred with: ${partners.join("; ")}`] : []),
            ]),
          );
        } catch {
          // Not a unit of this qualification: try the next.
        }
      }
      return reply(m.unknownUnit(u.units?.join(", ") ?? "that unit"));
    }
    case "compare": {
      const [a, b] = u.qualifications ?? [];
      const ea = a ? s.catalogue.entries.get(a) : undefined;
      const eb = b ? s.catalogue.entries.get(b) : undefined;
      if (!ea || !eb) return reply(m.unknownQualification);
      const row = (e: NonNullable<typeof ea>) => {
        const parts = [`Level ${e.level.value ?? "?"}`];
        if (e.type === "qualification") {
          parts.push(e.qualificationKind.value);
          if (e.creditValue?.value !== undefined) parts.push(`${e.creditValue.value} credits`);
          if (e.glh) parts.push(`GLH ${e.glh.value ?? `${e.glh.min}–${e.glh.max}`}`);
          if (e.minimumAge?.value !== undefined) parts.push(`minimum age ${e.minimumAge.value}`);
          if (e.operationalEnd?.value) parts.push(`operational until ${e.operationalEnd.value}`);
          parts.push(e.units ? `${e.units.length} units` : "unit list not in our sources");
        } else parts.push("apprenticeship pathway");
        if (e.jobRoles.length) parts.push(`job roles: ${e.jobRoles.map((r) => r.value).join(", ")}`);
        return `• ${e.title.value}: ${parts.join("; ")}`;
      };
      return reply([m.compareIntro(ea.title.value, eb.title.value), row(ea), row(eb)].join("\n"));
    }
    case "together": {
      const units = u.units ?? [];
      const qid = id ?? c.qualificationId;
      if (units.length >= 2 && !qid)
        return reply(m.whichQualificationForTogether(units.slice(0, 2).join(" and ")));
      if (units.length < 2 || !qid) return reply(m.together.needTwo);
      const q = engineQualification(s, qid);
      if (!q) return reply(m.unknownQualification);
      try {
        const [a, b] = resolveUnits(q, units.slice(0, 2));
        const ua = q.units[a ?? -1];
        const ub = q.units[b ?? -1];
        if (!ua || !ub) return reply(m.together.needTwo);
        const rule = q.rules.find(
          (r) => r.rule === "barred" && r.units.includes(ua.key) && r.units.includes(ub.key),
        );
        if (rule?.rule === "barred") {
          return reply(
            rule.effect === "exclusive"
              ? m.together.barred(ua.label, ub.label, rule.source.quote)
              : m.together.countOne(ua.label, ub.label, rule.source.quote),
          );
        }
        return reply(m.together.fine(ua.label, ub.label));
      } catch (err) {
        return reply(err instanceof Error ? err.message : m.together.needTwo);
      }
    }
    case "whatNext": {
      const from = u.qualificationsHeld?.[0] ?? u.qualification ?? c.qualificationsHeld[0];
      if (!from) return reply(m.whatNextNoFrom);
      const heldUnits = u.units ?? (from === c.qualificationsHeld[0] ? c.heldUnits : []);
      const t = transferFor(s, from, heldUnits);
      if ("error" in t) return reply(t.error);
      const body = transferText(m, t, s);
      return { ...say(c, text(body)), shown: { ...c.shown, transfer: body }, heldUnits };
    }
    default:
      return {};
  }
};

/** "unit 10 (Title) → unit 12, same QCF reference": the title once when both units share it. */
function matchText(x: { fromUnit: string; toUnit: string; basis: string }): string {
  const title = (u: string) => /\((.*)\)$/.exec(u)?.[1];
  const to = title(x.fromUnit) === title(x.toUnit) ? x.toUnit.replace(/ \(.*\)$/, "") : x.toUnit;
  return `${x.fromUnit} → ${to} (${x.basis})`;
}

function transferText(m: Messages, t: TransferResult, _s: AdvisorServices): string {
  if (!t.next.length) return m.noNext(t.from.title);
  const lines = [m.transferIntro(t.from.title)];
  if (!t.heldGiven && t.held.length) lines.push(m.onlyMandatoryHeld(t.held.join(", ")));
  for (const n of t.next) {
    lines.push(`→ ${n.title}: ${n.route.text}`);
    if (n.jobRoles.length) lines.push(`   Job roles: ${n.jobRoles.join(", ")}`);
    if (n.note) lines.push(`   ${n.note}`);
    if (n.counts.length)
      lines.push(
        `   Units that count (${intervalText(n.creditsCarried)} credits carried): ${n.counts.map(matchText).join("; ")}`,
      );
    else if (n.mayCount.length)
      lines.push(`   Would count if you hold them: ${n.mayCount.map(matchText).join("; ")}`);
    if (n.plan?.status === "planned" && n.plan.plan)
      lines.push(
        `   Cheapest completion: add ${n.plan.plan.added.join(", ")} (${intervalText(n.plan.totalCredits)} credits, ${intervalText(n.plan.totalGlh)} GLH, ${n.plan.verdict}).`,
      );
  }
  if (t.beyond.length) lines.push(`Beyond these: ${t.beyond.join("; ")}`);
  return lines.join("\n");
}

/** Replies carry the profile on every turn. */
export const currentFacts = (c: AdvisorContext) => ({ profile: profileFacts(c), ...c.turnFacts });
