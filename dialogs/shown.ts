import { type AdvisorServices, recommendationCard, recommendFor } from "./advice.ts";
import type { Messages } from "./messages/messages.ts";
import type { Answers, CardData } from "./types.ts";

// A card is sent again only when its content changed (issue 16: the recommendation card is ~1,500 px
// on a phone). What was shown is kept small: a digest, or the answers it was worked out from.

/** FNV-1a (32 bits) of a value's JSON: enough to tell a card from the one shown before. */
export function digest(x: unknown): string {
  const s = JSON.stringify(x);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

type RecommendationCard = Extract<CardData, { type: "recommendations" }>;

/** The answers recommendations depend on (see profileOf), as stored with the card shown. */
export function recommendationInputs(a: Answers): Partial<Answers> {
  const out: Partial<Answers> = {};
  if (a.role !== undefined) out.role = a.role;
  if (a.experienceMonths !== undefined) out.experienceMonths = a.experienceMonths;
  if (a.level !== undefined) out.level = a.level;
  if (a.qualificationsHeld.length) out.qualificationsHeld = a.qualificationsHeld;
  if (a.working !== undefined) out.working = a.working;
  if (a.apprenticeship !== undefined) out.apprenticeship = a.apprenticeship;
  if (a.nation !== undefined) out.nation = a.nation;
  if (a.age !== undefined) out.age = a.age;
  return out;
}

/** The recommendation card shown before, worked out again from the answers it was shown for. */
export function shownRecommendations(
  s: AdvisorServices,
  m: Messages,
  a: Answers,
  shownFor: Partial<Answers>,
  today: string,
): RecommendationCard {
  const before: Answers = {
    ...a,
    role: undefined,
    experienceMonths: undefined,
    level: undefined,
    qualificationsHeld: [],
    working: undefined,
    apprenticeship: undefined,
    nation: undefined,
    age: undefined,
    ...shownFor,
  };
  return recommendationCard(s, m, recommendFor(s, before, today));
}

/** One change between two recommendation cards; positions count from 1. */
export type RecommendationChange =
  | { kind: "added"; title: string; at: number }
  | { kind: "moved"; title: string; from: number; to: number }
  | { kind: "dropped"; title: string }
  | { kind: "says"; title: string; text: string }
  | { kind: "noLonger"; title: string; text: string }
  | { kind: "notOffered"; title: string; reason: string };

/** Whether a change re-orders the suggestions (the card is then sent again), rather than a detail of one. */
export const reorders = (x: RecommendationChange) =>
  x.kind === "added" || x.kind === "moved" || x.kind === "dropped";

const said = (x: RecommendationCard["items"][number]) => [
  ...x.reasons.map((r) => r.text),
  ...x.cautions.map((r) => r.text),
  x.nextStep,
];

/** What differs between the card shown before and the one now: empty when nothing does. */
export function recommendationChanges(
  before: RecommendationCard,
  after: RecommendationCard,
): RecommendationChange[] {
  const out: RecommendationChange[] = [];
  const was = before.items.map((x) => x.qualificationId);
  const now = after.items.map((x) => x.qualificationId);
  // Suggestions that stay: a move is said only when their order among themselves changes (a new one
  // above them shifts them without re-ordering them).
  const keptBefore = was.filter((id) => now.includes(id));
  const keptAfter = now.filter((id) => was.includes(id));
  after.items.forEach((x, i) => {
    const from = was.indexOf(x.qualificationId);
    if (from < 0) out.push({ kind: "added", title: x.title, at: i + 1 });
    else if (keptBefore.indexOf(x.qualificationId) !== keptAfter.indexOf(x.qualificationId))
      out.push({ kind: "moved", title: x.title, from: from + 1, to: i + 1 });
  });
  for (const x of before.items)
    if (!now.includes(x.qualificationId)) out.push({ kind: "dropped", title: x.title });
  for (const x of after.items) {
    const old = before.items.find((y) => y.qualificationId === x.qualificationId);
    if (!old) continue;
    const oldSaid = said(old);
    const newSaid = said(x);
    for (const t of newSaid) if (!oldSaid.includes(t)) out.push({ kind: "says", title: x.title, text: t });
    for (const t of oldSaid)
      if (!newSaid.includes(t)) out.push({ kind: "noLonger", title: x.title, text: t });
  }
  for (const x of after.notOffered)
    if (!before.notOffered.some((y) => y.qualificationId === x.qualificationId && y.reason === x.reason))
      out.push({ kind: "notOffered", title: x.title, reason: x.reason });
  return out;
}

/** Units a plan adds or drops compared with the plan shown before for the same qualification. */
export function planChanges(
  before: string[],
  after: Extract<CardData, { type: "plan" }>,
): { added: string[]; removed: string[] } {
  const now = after.units.map((u) => u.unit);
  return {
    added: now.filter((u) => !before.includes(u)),
    removed: before.filter((u) => !now.includes(u)),
  };
}
