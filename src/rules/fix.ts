import { describe } from "./interval.ts";
import type { EngineQualification, EngineUnit } from "./model.ts";
import type { Tally } from "./tally.ts";

/** Would this unit, if added, count towards the learner's credits without breaking a barred rule? */
function wouldCount(q: EngineQualification, t: Tally, u: EngineUnit): boolean {
  if (t.chosen[u.index]) return false;
  if ((q.exclusivePartners[u.index] ?? []).some((j) => t.chosen[j])) return false;
  const set = q.countOneRule[u.index];
  if (set !== undefined) {
    const rule = q.rules[set];
    if (rule?.rule === "barred" && rule.units.some((k) => t.chosen[q.byKey.get(k) ?? -1])) return false;
  }
  const cap = q.caps.get(u.group);
  if (cap !== undefined) {
    const countedInGroup = (q.groupUnits.get(u.group) ?? []).filter((i) => t.counted[i]).length;
    if (countedInGroup >= cap) return false;
  }
  return true;
}

const creditWords = (u: EngineUnit) =>
  Number.isFinite(u.credits.max) ? `${describe(u.credits)} credits` : "credit value not in our sources";

/**
 * The smallest addition that covers a shortfall: the single unit with the fewest credits that still
 * covers it; failing that, the biggest units with known credits, one at a time, until it is covered.
 * (The planner finds the cheapest full completion; this is the quick fix for one rule.)
 */
function pick(
  candidates: EngineUnit[],
  shortfall: number,
  q: EngineQualification,
  t: Tally,
): { units: EngineUnit[]; covers: boolean } {
  const covering = candidates
    .filter((u) => u.credits.min >= shortfall)
    .sort((a, b) => a.credits.max - b.credits.max || a.credits.min - b.credits.min || a.index - b.index);
  if (covering[0]) return { units: [covering[0]], covers: true };
  const byCredit = [...candidates].sort((a, b) => b.credits.min - a.credits.min || a.index - b.index);
  const units: EngineUnit[] = [];
  let got = 0;
  for (const u of byCredit) {
    if (got >= shortfall || units.length >= 8) break;
    const clashes = units.some(
      (v) =>
        (q.exclusivePartners[v.index] ?? []).includes(u.index) ||
        (q.countOneRule[v.index] !== undefined && q.countOneRule[v.index] === q.countOneRule[u.index]),
    );
    const cap = q.caps.get(u.group);
    if (cap !== undefined) {
      const counted = (q.groupUnits.get(u.group) ?? []).filter((i) => t.counted[i]).length;
      if (counted + units.filter((v) => v.group === u.group).length >= cap) continue;
    }
    if (clashes) continue;
    units.push(u);
    got += u.credits.min;
  }
  return { units, covers: got >= shortfall };
}

const listUnits = (units: EngineUnit[]) => units.map((u) => `${u.label} (${creditWords(u)})`).join(", ");

function groupWords(groups: readonly string[] | undefined): string {
  if (!groups) return "";
  return groups.length === 1
    ? ` from Group ${groups[0]}`
    : ` from Groups ${groups.slice(0, -1).join(", ")} or ${groups.at(-1)}`;
}

/** A suggested change: the words for the user, and the units to add (empty when none can help). */
export interface Fix {
  text: string;
  add: string[];
  /** True when adding `add` is proven to cover the shortfall. */
  covers: boolean;
}

/** "2 more credits"; with bounded values, "at least 2 more credits (4 to be sure ...)". */
function amount(short: Shortfall, why: string): string {
  const plural = (n: number) => `${n} more credit${n === 1 ? "" : "s"}`;
  if (short.min === short.max) return plural(short.min);
  return `at least ${plural(short.min)} (${short.max} to be sure: ${why})`;
}

/** How far a rule is short: at least `min` credits, and `max` to be certain whatever the bounded values are. */
export interface Shortfall {
  min: number;
  max: number;
}

export function suggestCreditFix(
  q: EngineQualification,
  t: Tally,
  short: Shortfall,
  groups: readonly string[] | undefined,
): Fix {
  const pool = q.units.filter((u) => (!groups || groups.includes(u.group)) && wouldCount(q, t, u));
  const where = groupWords(groups);
  // Pick enough to settle the rule whatever the bounded values turn out to be.
  const { units, covers } = pick(pool, short.max, q, t);
  const add = units.map((u) => u.key);
  if (!units.length)
    return {
      text: `No unit left${where} can add credit that counts: change the units already chosen.`,
      add,
      covers,
    };
  const more = `Add ${amount(short, "some of your units' credit values are only known within bounds")}${where}`;
  const text = covers
    ? `${more}, e.g. ${listUnits(units)}.`
    : `${more}, e.g. ${listUnits(units)}, and more: the credit values of the other units are not all in our sources.`;
  return { text, add, covers };
}

export function suggestLevelFix(
  q: EngineQualification,
  t: Tally,
  short: Shortfall,
  level: number,
  reading: "at" | "atOrAbove",
): Fix {
  const pool = q.units.filter(
    (u) =>
      u.level !== undefined &&
      (reading === "at" ? u.level === level : u.level >= level) &&
      wouldCount(q, t, u),
  );
  const { units, covers } = pick(pool, short.max, q, t);
  const ask = `Add ${amount(short, "our sources do not give the levels of all your units")} from units at Level ${level}`;
  const add = units.map((u) => u.key);
  if (!units.length) {
    return {
      text: `${ask}; our sources do not give the levels of the remaining units, so check them in the awarding body's handbook.`,
      add,
      covers,
    };
  }
  const listed = units.map((u) => `${u.label} (Level ${u.level}, ${creditWords(u)})`).join(", ");
  return {
    text: covers
      ? `${ask}, e.g. ${listed}.`
      : `${ask}, e.g. ${listed}; the levels of the other units are not in our sources.`,
    add,
    covers,
  };
}
