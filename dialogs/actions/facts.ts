import { resolveUnits, UnitInputError } from "../../src/rules/index.ts";
import type { UnitInputProblem } from "../../src/rules/resolve.ts";
import { type AdvisorServices, engineQualification, heldNeedsQualification, unitLabel } from "../advice.ts";
import type { Messages } from "../messages/messages.ts";
import type { Answers, HeldUnits, Reply, Slot } from "../types.ts";
import { SLOTS } from "../types.ts";
import { type Act, answersOf, messagesOf, say, slotValue, text, uOf } from "./common.ts";

/**
 * Units held, with those of one qualification added (or, when the message corrects them, replaced):
 * numbers and titles read as the qualification's own labels; the ones it does not have named apart.
 */
export function addHeldUnits(
  s: AdvisorServices,
  before: HeldUnits[],
  h: HeldUnits,
): {
  heldUnits: HeldUnits[];
  units: string[];
  unknown: string[];
  /** Units that could be one of several (the engine's words): "J/502/4299 could be unit 32 or unit 34". */
  ambiguous: string[];
  previous: string[];
} {
  const q = h.qualificationId ? engineQualification(s, h.qualificationId) : undefined;
  const units: string[] = [];
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const x of h.units) {
    if (!q) {
      if (!units.includes(x)) units.push(x);
      continue;
    }
    const k = resolveOne(q, x);
    if (typeof k === "string") {
      // "20" and "Bespoke software" are one unit, said once.
      const label = unitLabel(q, k);
      if (!units.includes(label)) units.push(label);
    } else if (k?.problem === "ambiguous") ambiguous.push(k.message);
    else unknown.push(x);
  }
  const previous = before.filter((b) => b.qualificationId === h.qualificationId).flatMap((b) => b.units);
  const merged = [...new Set([...(h.replace ? [] : previous), ...units])];
  const others = before.filter((b) => b.qualificationId !== h.qualificationId);
  return {
    heldUnits: merged.length ? [...others, { qualificationId: h.qualificationId, units: merged }] : others,
    units,
    unknown,
    ambiguous,
    previous,
  };
}

/** A unit's key, or the engine's problem with it (undefined when it is not a unit of the qualification). */
function resolveOne(
  q: NonNullable<ReturnType<typeof engineQualification>>,
  x: string,
): string | UnitInputProblem | undefined {
  try {
    const [i] = resolveUnits(q, [x]);
    return q.units[i ?? -1]?.key;
  } catch (e) {
    return e instanceof UnitInputError ? e.problems[0] : undefined;
  }
}

/** Held units from an event: stored (and said), or kept pending when their qualification is unknown. */
function applyHeld(
  s: AdvisorServices,
  m: Messages,
  next: Answers,
  h: HeldUnits,
): { news: string[]; corrections: string[]; notes: string[] } {
  if (heldNeedsQualification(h)) {
    next.pendingUnits = h.units;
    next.pendingHeld = true;
    return { news: [], corrections: [], notes: [] };
  }
  const r = addHeldUnits(s, next.heldUnits, h);
  next.heldUnits = r.heldUnits;
  // The units held that waited for their qualification ("which qualification are these from?") have it.
  if (next.pendingHeld && next.pendingUnits?.every((x) => h.units.includes(x))) {
    next.pendingUnits = null;
    next.pendingHeld = false;
  }
  const title = h.qualificationId ? (s.catalogue.entries.get(h.qualificationId)?.title.value ?? null) : null;
  const notes = [...(r.unknown.length ? [m.heldUnitsUnknown(r.unknown, title)] : []), ...r.ambiguous];
  const now = r.heldUnits.find((x) => x.qualificationId === h.qualificationId)?.units ?? [];
  if (!r.units.length) return { news: [], corrections: [], notes };
  // "i already did 1 2 3 6 and 10, where have they gone": all held already, and said so.
  if (!h.replace && r.previous.length && r.units.every((u) => r.previous.includes(u)))
    return { news: [], corrections: [], notes: [...notes, m.heldUnitsKept(r.units, title)] };
  if (h.replace && r.previous.length && r.previous.join() !== now.join())
    return {
      news: [],
      corrections: [m.change(m.heldUnitsSlot(title), r.previous.join(", "), now.join(", "))],
      notes,
    };
  return { news: [m.describe.heldUnits(r.units, title)], corrections: [], notes };
}

// ——— Facts ———

function describeValue(m: Messages, a: Answers, slot: Slot): string | undefined {
  const v = slotValue(a, slot);
  if (v === undefined) return undefined;
  switch (slot) {
    case "role":
      return m.describe.role(v as string | null, a.otherJob);
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

/** A slot's value as a change line says it: the description, or a shorter word ("age 19 → 17"). */
function changeValue(m: Messages, a: Answers, slot: Slot): string | undefined {
  const v = slotValue(a, slot);
  if (slot === "age" && typeof v === "number") return m.changeValue.age(v);
  if (slot === "nation" && typeof v === "string") return m.changeValue.nation(v);
  return describeValue(m, a, slot);
}

/** What differs between two sets of answers, in words ("role Agent → Supervisor"). */
export function describeChanges(m: Messages, before: Answers, after: Answers, bothWays = false): string[] {
  const out: string[] = [];
  for (const slot of SLOTS) {
    // "working" is implied by the role; say it only when it was said.
    if (slot === "working" && after.working === undefined && !bothWays) continue;
    const b = describeValue(m, before, slot);
    const a = describeValue(m, after, slot);
    if (a === b) continue;
    if (b !== undefined && a !== undefined)
      out.push(
        m.change(m.slotName[slot], changeValue(m, before, slot) ?? b, changeValue(m, after, slot) ?? a),
      );
    else if (a !== undefined) out.push(a);
    else if (b !== undefined && bothWays) out.push(m.forgotten(m.slotName[slot], b));
  }
  return out;
}

/** Apply the facts a message states; say what was understood and what changed. */
export const applyFacts: Act = (c, e, s) => {
  const u = uOf(e);
  if (!u) return {};
  const before = answersOf(c);
  const next: Answers = { ...before };
  // An adviser running a session with a named learner stays one: "does an NVQ need you to be working?"
  // is a general "you", not the adviser becoming the learner (persona review 2).
  if (u.userKind && !(before.userKind === "adviser" && before.learnerName && u.userKind !== "adviser"))
    next.userKind = u.userKind;
  // A group (an employer's 20 new starters): advised as one, with no one name to ask for.
  const grouped = !!u.group && !before.group;
  if (u.group && (next.userKind === null || next.userKind === "adviser")) {
    next.group = { size: u.group.size ?? before.group?.size ?? null };
    next.userKind = "adviser";
    next.learnerNameAsked = true;
  }
  if (u.role !== undefined) next.role = u.role;
  // A job outside contact centres ("on the tills at the Co-op"), or a contact-centre role, said now.
  if (u.otherJob) next.otherJob = true;
  if (u.pastRole && u.role === undefined) next.pastRole = u.pastRole;
  else if (u.role) next.otherJob = false;
  if (u.experienceMonths !== undefined) next.experienceMonths = u.experienceMonths;
  // A level said in passing never lowers the level of a qualification held ("i did the level 1 ones last
  // time" from someone with a Level 2 NVQ), and a question never changes a level already known ("would
  // the L2 apprenticeship make him do maths?"): persona review 5.
  const heldLevel = Math.max(
    0,
    ...before.qualificationsHeld.map((id) => s.catalogue.entries.get(id)?.level.value ?? 0),
  );
  if (
    u.level !== undefined &&
    u.level >= heldLevel &&
    !(u.question && before.level !== undefined && before.level !== null && u.level !== before.level)
  )
    next.level = u.level;
  if (u.working !== undefined) next.working = u.working;
  if (u.apprenticeship !== undefined) next.apprenticeship = u.apprenticeship;
  if (u.nation !== undefined) next.nation = u.nation;
  if (u.age !== undefined) next.age = u.age;
  // Held qualifications taken back ("I don't hold the level 3"): gone, and the level they gave with them.
  const denied = (u.heldDenied ?? []).filter((id) => before.qualificationsHeld.includes(id));
  if (denied.length) {
    next.qualificationsHeld = before.qualificationsHeld.filter((id) => !denied.includes(id));
    const levelOf = (id: string) => s.catalogue.entries.get(id)?.level.value ?? 0;
    const gone = Math.max(...denied.map(levelOf));
    const kept = Math.max(0, ...next.qualificationsHeld.map(levelOf));
    if (u.level === undefined && before.level === gone && gone > kept) {
      if (kept > 0) next.level = kept;
      // (Unset, so the level is asked again: explicit, as an outcome merges into the context.)
      else Object.assign(next, { level: undefined });
    }
  }
  if (u.qualificationsHeld?.length) {
    next.qualificationsHeld = [...new Set([...next.qualificationsHeld, ...u.qualificationsHeld])];
    const levels = u.qualificationsHeld.map((id) => s.catalogue.entries.get(id)?.level.value ?? 0);
    if (u.level === undefined) next.level = Math.max(before.level ?? 0, ...levels);
  }
  // The name the adviser gives when asked, or later ("his name is Marcos not Marcus"). A question is
  // never a name.
  const name = u.learnerName?.trim();
  // "doing the level 2 NVQ with my employer": the qualification named with the facts is what "my units"
  // will be about (of several it may mean, the one whose units our sources list).
  const named = u.qualification
    ? [u.qualification]
    : (u.ambiguous ?? []).filter((id) => {
        const e = s.catalogue.entries.get(id);
        return (
          !!engineQualification(s, id) &&
          !(e?.type === "qualification" && e.operationalEnd && e.operationalEnd.value < c.today)
        );
      });
  const about = named.length === 1 ? { shown: { ...c.shown, about: named } } : {};
  // Asked the name, the adviser went on to something else: the name is not asked again (it can be
  // given at any time: "her name is Ellie"), and what they said is answered (persona review 3).
  if (c.expecting === "learnerName" && !name) next.learnerNameAsked = true;
  if (
    name &&
    (c.expecting === "learnerName" || next.userKind === "adviser" || u.userKind === "adviser") &&
    // ("hi im a parent, my daughter Megan Evans is 17": a greeting asks nothing; "I've got a customer,
    // Ryan, 24 ... What qualification would help him?": a name given with the facts, before the question.)
    (!u.intent ||
      u.intent === "greeting" ||
      u.evidence.some((x) => x.slot === "learnerName" && x.how === "named by the adviser")) &&
    !/\?\s*$/.test(name)
  ) {
    next.learnerName = name;
    next.learnerNameAsked = true;
  }
  // Spoken of as the message leaves them: an adviser's learner by the name just given.
  const m = messagesOf({ ...c, ...next });
  const held =
    "held" in e && e.held ? applyHeld(s, m, next, e.held) : { news: [], corrections: [], notes: [] };
  // Someone who starts with facts ("I'm a team leader...") skipped "who are you": infer it.
  const said = describeChanges(m, before, next);
  if (!next.userKind && (said.length || u.qualificationsHeld?.length))
    next.userKind = next.role ? "staff" : "learner";
  // A slot answered is no longer skipped.
  next.skipped = before.skipped.filter((slot) => slotValue(next, slot) === undefined);
  // A group whose levels vary is not asked for one.
  if (u.levelVaries && next.group && !next.skipped.includes("level"))
    next.skipped = [...next.skipped, "level"];

  const corrections: string[] = [];
  const news: string[] = [];
  for (const slot of SLOTS) {
    if (slot === "working" && next.working === before.working) continue;
    // "not working yet" or "working outside contact centres" already says "not in a contact centre".
    if (slot === "working" && next.working === false && next.role === null && before.role !== null) continue;
    const b = describeValue(m, before, slot);
    const a = describeValue(m, next, slot);
    if (a === undefined || a === b) continue;
    // An answer that replaces an earlier one is a correction ("actually I'm a supervisor").
    if (
      b !== undefined &&
      slotValue(before, slot) !== undefined &&
      (slot !== "working" || before.working !== undefined)
    )
      corrections.push(
        m.change(m.slotName[slot], changeValue(m, before, slot) ?? b, changeValue(m, next, slot) ?? a),
      );
    else news.push(a);
  }
  if (u.qualificationsHeld?.length) {
    // Each named once ("holds X and X" came from one qualification named twice).
    const titles = [
      ...new Set(
        u.qualificationsHeld
          .filter((id) => !before.qualificationsHeld.includes(id))
          .map((id) => s.catalogue.entries.get(id)?.title.value ?? id),
      ),
    ];
    if (titles.length) news.push(m.describe.held(titles));
  }
  if (denied.length)
    corrections.push(m.heldRemoved(denied.map((id) => s.catalogue.entries.get(id)?.title.value ?? id)));
  news.push(...held.news);
  corrections.push(...held.corrections);
  const renamed = !!next.learnerName && next.learnerName !== before.learnerName;
  if (renamed && before.learnerName)
    corrections.push(m.change(m.learnerNameSlot, before.learnerName, next.learnerName ?? ""));
  const replies: Reply[] = [];
  if (grouped && next.group) news.unshift(m.describe.group(next.group.size));
  if (news.length) replies.push(text(m.noted(news)));
  if (u.levelVaries && next.group) replies.push(text(m.groupLevelVaries));
  if (corrections.length) replies.push(text(m.changed(corrections)));
  // "actually my highest level is level 2" when it is: said to be what the record has, not met with
  // silence or "my suggestions haven't changed" (persona review 5, T2).
  if (!news.length && !corrections.length && !held.news.length) {
    const same = SLOTS.filter((slot) => {
      const said = {
        role: u.role,
        experience: u.experienceMonths,
        level: u.level,
        working: u.working,
        apprenticeship: u.apprenticeship,
        nation: u.nation,
        age: u.age,
      }[slot];
      const b = describeValue(m, before, slot);
      return said !== undefined && b !== undefined && b === describeValue(m, next, slot);
    }).map((slot) => describeValue(m, next, slot) ?? "");
    if (same.length && u.intent === undefined && !u.question) replies.push(text(m.unchanged(same)));
  }
  // What was read with less confidence is said back with its words, so a wrong reading gets corrected.
  const unsure = (u.unsure ?? []).flatMap((x) => {
    const slot = x.slot === "experienceMonths" ? "experience" : x.slot;
    const value = describeValue(m, next, slot);
    return value !== undefined && value !== describeValue(m, before, slot)
      ? [m.readAs(m.slotName[slot], x.read, value)]
      : [];
  });
  if (unsure.length) replies.push(text(m.unsure(unsure)));
  if (u.pastRole && u.role === undefined && next.pastRole === u.pastRole && before.pastRole !== u.pastRole)
    replies.push(text(m.pastRoleNoted(u.pastRole, describeValue(m, next, "role") ?? m.record.notKnown)));
  for (const note of held.notes) replies.push(text(note));
  if (renamed && !before.learnerName && next.learnerName)
    replies.push(text(m.learnerNameNoted(next.learnerName)));
  // Units held of a qualification not held as a whole ("did units 1 2 3 6 and 10 but never finished
  // it"): that qualification is the one to finish, so it is planned next (persona review 4).
  const started =
    "held" in e &&
    e.held?.qualificationId &&
    !next.qualificationsHeld.includes(e.held.qualificationId) &&
    !c.qualificationId &&
    // ("will any of my L3 units carry over?": what comes after it is asked, not how to finish it.)
    u.intent !== "whatNext"
      ? { qualificationId: e.held.qualificationId }
      : {};
  return { ...next, ...about, ...started, ...say(...replies) };
};

export const skipLearnerName: Act = () => ({ learnerNameAsked: true });

/** Someone who starts with units or a qualification is a learner unless they said otherwise. */
export const inferUserKind: Act = (c) => (c.userKind === null ? { userKind: "learner" } : {});
