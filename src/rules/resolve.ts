import { distance } from "fastest-levenshtein";
import { type EngineQualification, normaliseRef, normaliseTitle } from "./model.ts";

export interface UnitInputProblem {
  input: string;
  problem: "unknown" | "ambiguous" | "empty" | "noNumbers";
  message: string;
  /** Nearest units, as labels, best first. */
  suggestions: string[];
}

/** Units the user named that the qualification does not have, or that could be more than one unit. */
export class UnitInputError extends Error {
  constructor(
    readonly qualificationId: string,
    readonly problems: readonly UnitInputProblem[],
  ) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "UnitInputError";
  }
}

/** The catalogue holds no unit list for this qualification, so units cannot be checked. */
export class NoUnitListError extends Error {
  constructor(
    readonly qualificationId: string,
    title: string,
  ) {
    super(
      `${title} (${qualificationId}) has no unit list in our sources, so its units cannot be checked. Its awarding body's handbook lists them and their rules of combination.`,
    );
    this.name = "NoUnitListError";
  }
}

const REF_LIKE = /^[A-Za-z]\s*\/\s*\d{3}\s*\/\s*\d{4}$/;

function nearest(q: EngineQualification, input: string, limit = 3): string[] {
  const needle = input.toLowerCase();
  const isRef = REF_LIKE.test(input) || /\//.test(input);
  const scored = q.units.map((u) => {
    const candidates = isRef
      ? (u.ref ? [u.ref] : (u.refOneOf ?? [])).map((r) => r.toLowerCase())
      : [normaliseTitle(u.title), ...(u.number ? [u.number] : [])];
    let best = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      // A title containing what was typed is a near match whatever its length.
      const d = c.includes(needle) && needle.length >= 4 ? 0.5 : distance(needle, c) / Math.max(c.length, 1);
      best = Math.min(best, d);
    }
    return { label: u.label, score: best };
  });
  return scored
    .filter((s) => s.score <= 0.5)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.label);
}

function unknown(q: EngineQualification, input: string, what: string): UnitInputProblem {
  const suggestions = nearest(q, input);
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.join(", or ")}?`
    : ` Try \`advisor show ${q.entry.id}\`.`;
  return {
    input,
    problem: "unknown",
    message: `"${input}" is not ${what} of ${q.entry.title.value}.${hint}`,
    suggestions,
  };
}

function ambiguous(
  q: EngineQualification,
  input: string,
  matches: readonly number[],
  why: string,
): UnitInputProblem {
  const labels = matches.map((i) => q.units[i]?.label ?? "");
  return {
    input,
    problem: "ambiguous",
    message: `"${input}" could be ${labels.join(" or ")}: ${why} Give the unit number instead.`,
    suggestions: labels,
  };
}

function resolveOne(q: EngineQualification, raw: string): number | UnitInputProblem {
  const input = raw.trim().replace(/^unit\s+/i, "");
  if (!input) return { input: raw, problem: "empty", message: "An empty unit was given.", suggestions: [] };
  if (/^\d+$/.test(input)) {
    const found = q.byKey.get(String(Number(input)));
    if (found !== undefined && q.units[found]?.number !== undefined) return found;
    if (!q.units.some((u) => u.number !== undefined)) {
      return {
        input,
        problem: "noNumbers",
        message: `${q.entry.title.value} does not number its units in our sources; give the unit's reference (e.g. ${q.units[0]?.ref ?? "K/503/0385"}) or its title.`,
        suggestions: [],
      };
    }
    const last = q.units.at(-1)?.number;
    return {
      ...unknown(q, input, "a unit number"),
      message: `There is no unit ${input} in ${q.entry.title.value} (units are numbered 1 to ${last}).`,
    };
  }
  if (REF_LIKE.test(input)) {
    const matches = q.byRef.get(normaliseRef(input)) ?? [];
    if (matches.length === 1 && q.units[matches[0] ?? -1]?.ref !== undefined) return matches[0] ?? -1;
    if (matches.length >= 1) {
      return ambiguous(
        q,
        input.toUpperCase(),
        matches,
        "our sources say this reference is one of these units but not which one.",
      );
    }
    return unknown(q, input, "a unit reference");
  }
  const matches = q.byTitle.get(normaliseTitle(input)) ?? [];
  if (matches.length === 1) return matches[0] ?? -1;
  if (matches.length > 1) return ambiguous(q, input, matches, "more than one unit has this title.");
  return unknown(q, input, "a unit title");
}

/**
 * Turns what the user typed (unit numbers, QCF references in any case, exact titles in any case) into
 * unit indexes. Every problem is reported at once.
 */
export function resolveUnits(q: EngineQualification, inputs: readonly string[]): number[] {
  if (!q.entry.units) throw new NoUnitListError(q.entry.id, q.entry.title.value);
  const found: number[] = [];
  const problems: UnitInputProblem[] = [];
  for (const input of inputs) {
    const r = resolveOne(q, input);
    if (typeof r === "number") found.push(r);
    else problems.push(r);
  }
  if (problems.length) throw new UnitInputError(q.entry.id, problems);
  return found;
}
