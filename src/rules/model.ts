import { unitKey } from "../catalogue/load.ts";
import type { LevelReading, NumberFact, Qualification, Rule } from "../catalogue/schema.ts";
import { type Interval, point, UNBOUNDED_CREDITS } from "./interval.ts";

/** A unit as the engine sees it: only facts that can prove something (stated or derived) become bounds. */
export interface EngineUnit {
  index: number;
  key: string;
  number: string | undefined;
  ref: string | undefined;
  refOneOf: readonly string[] | undefined;
  /** The reference is derived (by title within the suite), not printed for this unit in the sources. */
  refDerived: boolean;
  title: string;
  group: string;
  /** Credit bounds from stated/derived facts, tightened by stated group totals; unknown = at least 1. */
  credits: Interval;
  /** Level when stated or derived; undefined when unknown or only inferred. */
  level: number | undefined;
  /** An inferred level, shown to users but never used to prove anything. */
  inferredLevel: number | undefined;
  glh: Interval | undefined;
  /** Local override facts this unit carries, as "credits (file.json)". */
  localFacts: readonly string[];
  /** "unit 4 (Deliver customer service through a contact centre)" */
  label: string;
}

export interface GroupTotal {
  total: number;
  units: readonly number[];
}

export interface ReadingInfo {
  value: LevelReading;
  /** True when the reading is stated or derived (e.g. from a centre's handbook), so verdicts may rely on it. */
  proven: boolean;
  from: string | undefined;
  local: string | undefined;
}

export interface EngineQualification {
  entry: Qualification;
  units: readonly EngineUnit[];
  byKey: ReadonlyMap<string, number>;
  /** Upper-case reference → units that are, or may be, that unit. */
  byRef: ReadonlyMap<string, readonly number[]>;
  byTitle: ReadonlyMap<string, readonly number[]>;
  groupUnits: ReadonlyMap<string, readonly number[]>;
  groupTotals: ReadonlyMap<string, GroupTotal>;
  groupNames: ReadonlyMap<string, string>;
  rules: readonly Rule[];
  reading: ReadingInfo;
  /** Units that may not be taken with each unit (exclusive and exclusiveCountOne barred rules). */
  exclusivePartners: readonly (readonly number[])[];
  /** For each unit, the barred set of which only one unit counts (index into rules), if any. */
  countOneRule: readonly (number | undefined)[];
  /** For each group, the stopCounting cap, if any. */
  caps: ReadonlyMap<string, number>;
  /** Local facts the qualification itself carries (reading, group totals). */
  localFacts: readonly string[];
}

export const normaliseTitle = (title: string): string => title.toLowerCase().replace(/\s+/g, " ").trim();
export const normaliseRef = (ref: string): string => ref.toUpperCase().replace(/\s+/g, "");

/** Bounds a fact proves: inferred facts prove nothing. */
function provenBounds(fact: NumberFact | undefined): Interval | undefined {
  if (!fact || fact.kind === "inferred") return undefined;
  return fact.value !== undefined
    ? point(fact.value)
    : { min: fact.min ?? 0, max: fact.max ?? Number.POSITIVE_INFINITY };
}

function exactValue(fact: NumberFact | undefined): number | undefined {
  return fact?.value;
}

function describeUnit(number: string | undefined, ref: string | undefined, title: string): string {
  if (number) return `unit ${number} (${title})`;
  return `${ref} (${title})`;
}

/** Sum of the other members' bounds, without ever computing Infinity − Infinity. */
function othersSum(
  units: EngineUnit[],
  members: readonly number[],
  skip: number,
  pick: (u: EngineUnit) => number,
): number {
  let s = 0;
  for (const i of members) {
    const u = units[i];
    if (i !== skip && u) s += pick(u);
  }
  return s;
}

/** Tightens unit credit bounds with stated group totals: each unit is at most the total less the others' minimums. */
function applyGroupTotals(units: EngineUnit[], totals: Map<string, GroupTotal>): void {
  for (let pass = 0; pass < 3; pass++) {
    for (const { total, units: members } of totals.values()) {
      for (const i of members) {
        const u = units[i];
        if (!u) continue;
        const max = Math.min(u.credits.max, total - othersSum(units, members, i, (o) => o.credits.min));
        const min = Math.max(u.credits.min, total - othersSum(units, members, i, (o) => o.credits.max));
        u.credits = { min, max };
      }
    }
  }
}

export function compileQualification(entry: Qualification): EngineQualification {
  const units: EngineUnit[] = (entry.units ?? []).map((u, index) => {
    const ref = u.ref?.value;
    const local = (["ref", "level", "credits", "glh"] as const).flatMap((field) => {
      const file = u[field]?.source.local;
      return file ? [`${field} of ${describeUnit(u.number, ref, u.title)} (local: ${file})`] : [];
    });
    return {
      index,
      key: unitKey(u),
      number: u.number,
      ref,
      refOneOf: u.ref?.oneOf,
      refDerived: u.ref?.kind === "derived",
      title: u.title,
      group: u.group,
      credits: provenBounds(u.credits) ?? UNBOUNDED_CREDITS,
      level: u.level && u.level.kind !== "inferred" ? exactValue(u.level) : undefined,
      inferredLevel: u.level?.kind === "inferred" ? exactValue(u.level) : undefined,
      glh: provenBounds(u.glh),
      localFacts: local,
      label: describeUnit(u.number, ref, u.title),
    };
  });

  const byKey = new Map(units.map((u) => [u.key, u.index]));
  const byRef = new Map<string, number[]>();
  const byTitle = new Map<string, number[]>();
  const groupUnits = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => m.set(k, [...(m.get(k) ?? []), i]);
  for (const u of units) {
    for (const r of u.ref ? [u.ref] : (u.refOneOf ?? [])) push(byRef, normaliseRef(r), u.index);
    push(byTitle, normaliseTitle(u.title), u.index);
    push(groupUnits, u.group, u.index);
  }

  const groupTotals = new Map<string, GroupTotal>();
  const localFacts: string[] = [];
  for (const g of entry.groups) {
    const total = g.creditTotal && g.creditTotal.kind !== "inferred" ? g.creditTotal.value : undefined;
    if (total !== undefined) groupTotals.set(g.id, { total, units: groupUnits.get(g.id) ?? [] });
    if (g.creditTotal?.source.local)
      localFacts.push(`credit total of group ${g.id} (local: ${g.creditTotal.source.local})`);
  }
  applyGroupTotals(units, groupTotals);

  const exclusivePartners: number[][] = units.map(() => []);
  const countOneRule: (number | undefined)[] = units.map(() => undefined);
  const caps = new Map<string, number>();
  entry.rules.forEach((rule, ruleIndex) => {
    if (rule.rule === "barred") {
      const members = rule.units.map((k) => byKey.get(k)).filter((i): i is number => i !== undefined);
      for (const i of members) {
        if (rule.effect !== "countOne") exclusivePartners[i]?.push(...members.filter((j) => j !== i));
        if (rule.effect !== "exclusive") countOneRule[i] = ruleIndex;
      }
    }
    if (rule.rule === "groupUnits" && rule.effect === "stopCounting") caps.set(rule.group, rule.max);
  });

  const r = entry.levelReading;
  if (r?.source.local) localFacts.push(`reading of the level rule (local: ${r.source.local})`);
  return {
    entry,
    units,
    byKey,
    byRef,
    byTitle,
    groupUnits,
    groupTotals,
    groupNames: new Map(entry.groups.map((g) => [g.id, g.name])),
    rules: entry.rules,
    reading: {
      value: r?.value ?? "atOrAbove",
      proven: r !== undefined && r.kind !== "inferred",
      from: r?.from,
      local: r?.source.local,
    },
    exclusivePartners,
    countOneRule,
    caps,
    localFacts,
  };
}
