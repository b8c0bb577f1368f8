import type { Messages } from "../messages/en.ts";
import type { Answers, Reply, Slot } from "../types.ts";
import { SLOTS } from "../types.ts";
import { type Act, answersOf, messagesOf, say, slotValue, text, uOf } from "./common.ts";

// ——— Facts ———

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
export function describeChanges(m: Messages, before: Answers, after: Answers, bothWays = false): string[] {
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
