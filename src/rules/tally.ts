import { add, describe, type Interval, ZERO } from "./interval.ts";
import type { EngineQualification, EngineUnit } from "./model.ts";
import type { CheckWarning } from "./result.ts";

/** Everything one check works out before judging the rules: what is chosen, what counts, the sums. */
export interface Tally {
  selected: number[];
  counted: Uint8Array;
  chosen: Uint8Array;
  /** Chosen units the learner already holds (achieved before): they may break no "take" rule. */
  held: Uint8Array;
  byGroup: Map<string, Interval>;
  total: Interval;
  /**
   * Only in the fallback for very large choices (see `countingChoices`): chosen units of which only
   * some count, summed as intervals sound for whichever units turn out to count.
   */
  blocks: Block[];
  inBlock: Uint8Array;
  warnings: CheckWarning[];
}

/**
 * Chosen units of which only the k most favourable items count: an item is one unit, or the chosen units
 * of a barred set of which only one counts. Without the fallback, one assignment of counted units is
 * chosen for all rules alike; in the fallback, a block contributes between the sum of the k largest item
 * minimums and of the k largest item maximums.
 */
export interface Block {
  group: string;
  items: number[][];
  k: number;
  /** What limits the counting: a barred set (its label) or a group cap. */
  why: { kind: "set"; label: string } | { kind: "cap"; max: number };
}

function topK(values: number[], k: number): number {
  return values
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, v) => s + v, 0);
}

/** A block's contribution, given each unit's (min, max) share of it. */
export function blockInterval(b: Block, share: (i: number) => Interval): Interval {
  const mins = b.items.map((item) => Math.max(0, ...item.map((i) => share(i).min)));
  const maxes = b.items.map((item) => Math.max(0, ...item.map((i) => share(i).max)));
  return { min: topK(mins, b.k), max: topK(maxes, b.k) };
}

/** Barred rules whose sets let only one chosen unit count. */
const countsOne = (effect: string) => effect === "countOne" || effect === "exclusiveCountOne";

/**
 * How strongly a unit can count towards the qualification's level rule: 2 when its proven level meets
 * the rule in every reading, 0 when its proven level meets it in none, 1 otherwise (unknown level).
 */
const levelRanks = new WeakMap<EngineQualification, Int8Array>();
function levelRank(q: EngineQualification, u: EngineUnit): number {
  let ranks = levelRanks.get(q);
  if (!ranks) {
    ranks = Int8Array.from(q.units, (v) => rankOf(q, v));
    levelRanks.set(q, ranks);
  }
  return ranks[u.index] ?? 1;
}
function rankOf(q: EngineQualification, u: EngineUnit): number {
  const rule = q.rules.find((r) => r.rule === "levelCredits");
  if (rule?.rule !== "levelCredits") return 1;
  if (u.level === undefined) return 1;
  const at = u.level === rule.level;
  const above = u.level >= rule.level;
  const readings = q.reading.proven ? [q.reading.value === "at" ? at : above] : [at, above];
  if (readings.every(Boolean)) return 2;
  if (!readings.some(Boolean)) return 0;
  return 1;
}

/** u is at least as good as v for every rule: same group, no fewer credits, no weaker level. */
function dominates(q: EngineQualification, u: EngineUnit, v: EngineUnit): boolean {
  return (
    u.group === v.group &&
    u.credits.min >= v.credits.min &&
    u.credits.max >= v.credits.max &&
    levelRank(q, u) >= levelRank(q, v)
  );
}

/** The order in which units are most favourable to the learner (ties broken by catalogue order). */
function favourable(q: EngineQualification) {
  return (a: EngineUnit, b: EngineUnit) =>
    b.credits.min - a.credits.min ||
    b.credits.max - a.credits.max ||
    levelRank(q, b) - levelRank(q, a) ||
    a.index - b.index;
}

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [first, ...rest] = xs as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** At most this many ways of choosing the counted units are judged one by one (see `countingChoices`). */
export const MAX_COUNTING_CHOICES = 64;

/**
 * The ways a block's counted units can be chosen, each a list of unit indexes. Options that another
 * option beats for every rule (dominance) are left out, so the usual case is a single option.
 */
function blockOptions(q: EngineQualification, b: Block): number[][] {
  const order = favourable(q);
  const units = (i: number) => q.units[i] as EngineUnit;
  // Within an item (a barred set), one unit counts: the one that dominates the others, else any.
  const itemChoices = b.items.map((item) => {
    const sorted = [...item].sort((x, y) => order(units(x), units(y)));
    const best = sorted[0] as number;
    return sorted.every((j) => j === best || dominates(q, units(best), units(j))) ? [best] : sorted;
  });
  if (b.items.length <= b.k) {
    if (itemChoices.reduce((n, c) => n * c.length, 1) > MAX_COUNTING_CHOICES) return [];
    return product(itemChoices);
  }
  // Choose k items: the top k by the favourable order when they dominate the rest, else every k-subset.
  const rep = (i: number) => units(itemChoices[i]?.[0] as number);
  const byOrder = b.items.map((_, i) => i).sort((x, y) => order(rep(x), rep(y)));
  const top = byOrder.slice(0, b.k);
  const rest = byOrder.slice(b.k);
  const settled =
    top.every((i) => itemChoices[i]?.length === 1) &&
    rest.every((j) => top.every((i) => dominates(q, rep(i), rep(j))));
  if (settled) return product(top.map((i) => itemChoices[i] ?? []));
  // Never build more choices than will be judged (a big capped group has astronomically many).
  if (
    binomial(byOrder.length, b.k) * Math.max(...itemChoices.map((c) => c.length)) ** b.k >
    MAX_COUNTING_CHOICES
  )
    return [];
  return combinations(byOrder, b.k).flatMap((s) => product(s.map((i) => itemChoices[i] ?? [])));
}

/** n choose k, stopping once it passes MAX_COUNTING_CHOICES (only compared with it). */
function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) {
    r = (r * (n - k + i)) / i;
    if (r > MAX_COUNTING_CHOICES) return r;
  }
  return r;
}

function product(choices: readonly number[][]): number[][] {
  return choices.reduce<number[][]>((acc, c) => acc.flatMap((a) => c.map((x) => [...a, x])), [[]]);
}

/**
 * Every consistent way of choosing which of the limited units count (one list of counted units per way),
 * or undefined when there are more than MAX_COUNTING_CHOICES: the check then falls back to blocks.
 */
export function countingChoices(q: EngineQualification, t: Tally): number[][] | undefined {
  if (!t.blocks.length) return [[]];
  let choices: number[][] = [[]];
  for (const b of t.blocks) {
    const options = blockOptions(q, b);
    // No options: too many to judge one by one (the fallback sums blocks as intervals).
    if (!options.length || choices.length * options.length > MAX_COUNTING_CHOICES) return undefined;
    choices = choices.flatMap((c) => options.map((o) => [...c, ...o]));
  }
  return choices;
}

function sumCredits(q: EngineQualification, t: Tally): void {
  const byGroup = new Map<string, Interval>();
  for (const [group, members] of q.groupUnits) {
    let inside = ZERO;
    let outside = ZERO;
    for (const i of members) {
      const c = (q.units[i] as EngineUnit).credits;
      if (t.inBlock[i]) continue;
      if (t.counted[i]) inside = add(inside, c);
      else outside = add(outside, c);
    }
    const groupBlocks = t.blocks.filter((b) => b.group === group);
    for (const b of groupBlocks)
      inside = add(
        inside,
        blockInterval(b, (i) => (q.units[i] as EngineUnit).credits),
      );
    const total = q.groupTotals.get(group);
    if (total && !groupBlocks.length) {
      // The group's stated total bounds any part of it: the rest of the group takes what is left.
      inside = {
        min: Math.max(inside.min, total.total - outside.max),
        max: Math.min(inside.max, total.total - outside.min),
      };
    }
    byGroup.set(group, inside);
  }
  let total = ZERO;
  for (const v of byGroup.values()) total = add(total, v);
  t.byGroup = byGroup;
  t.total = total;
}

function blockWarning(q: EngineQualification, b: Block, counted: Uint8Array): CheckWarning {
  const members = b.items.flat().map((i) => q.units[i] as EngineUnit);
  const kept = members.filter((u) => counted[u.index]);
  const rest = members.filter((u) => !counted[u.index]);
  const keptWords = kept.map((u) => `${u.label} (${describe(u.credits)} credits)`).join(" and ");
  if (b.why.kind === "set")
    return {
      code: "notCounted",
      message: `${rest.map((u) => u.label).join(" and ")} ${rest.length === 1 ? "does" : "do"} not count: only one unit of barred set ${b.why.label} counts, and ${keptWords} is the most favourable to you.`,
      units: rest.map((u) => u.key),
    };
  return {
    code: "notCounted",
    message: `Only ${b.why.max} units of Group ${b.group} can count: the credit of ${rest.map((u) => u.label).join(" and ")} does not count (${keptWords} ${kept.length === 1 ? "counts" : "count"}, the most favourable to you).`,
    units: rest.map((u) => u.key),
  };
}

/**
 * The tally with one choice of counted units: only the listed units of each block count, for every rule
 * alike, and the warnings say which.
 */
export function settle(q: EngineQualification, t: Tally, countedInBlocks: readonly number[]): Tally {
  const counted = Uint8Array.from(t.counted);
  for (const b of t.blocks) for (const item of b.items) for (const i of item) counted[i] = 0;
  for (const i of countedInBlocks) counted[i] = 1;
  const settled: Tally = {
    ...t,
    counted,
    blocks: [],
    inBlock: new Uint8Array(q.units.length),
    warnings: [...t.warnings, ...t.blocks.map((b) => blockWarning(q, b, counted))],
  };
  sumCredits(q, settled);
  return settled;
}

/** The fallback: blocks summed as intervals, counted flags from the favourable order. */
export function withBlocks(q: EngineQualification, t: Tally): Tally {
  const order = favourable(q);
  const counted = Uint8Array.from(t.counted);
  for (const b of t.blocks) {
    const reps = b.items
      .map((item) => [...item].sort((x, y) => order(q.units[x] as EngineUnit, q.units[y] as EngineUnit)))
      .sort((x, y) => order(q.units[x[0] as number] as EngineUnit, q.units[y[0] as number] as EngineUnit));
    for (const item of reps) for (const i of item) counted[i] = 0;
    for (const item of reps.slice(0, b.k)) counted[item[0] as number] = 1;
  }
  const inBlock = new Uint8Array(q.units.length);
  for (const b of t.blocks) for (const item of b.items) for (const i of item) inBlock[i] = 1;
  const out: Tally = {
    ...t,
    counted,
    inBlock,
    warnings: [...t.warnings, ...t.blocks.map((b) => blockWarning(q, b, counted))],
  };
  sumCredits(q, out);
  return out;
}

/**
 * What is chosen and what may count. Where only some chosen units can count (a barred set of which one
 * counts, a capped group), the choice is left open as blocks: the check settles it (see check.ts).
 */
export function tally(
  q: EngineQualification,
  input: readonly number[],
  heldInput: readonly number[] = [],
): Tally {
  const n = q.units.length;
  const chosen = new Uint8Array(n);
  const held = new Uint8Array(n);
  const warnings: CheckWarning[] = [];
  const dupes = new Set<number>();
  for (const i of input) {
    if (chosen[i]) dupes.add(i);
    chosen[i] = 1;
  }
  for (const i of heldInput) {
    chosen[i] = 1;
    held[i] = 1;
  }
  for (const i of [...dupes].sort((a, b) => a - b)) {
    const u = q.units[i] as EngineUnit;
    warnings.push({
      code: "duplicate",
      message: `${u.label} was given more than once; it counts once.`,
      units: [u.key],
    });
  }
  const selected: number[] = [];
  for (let i = 0; i < n; i++) if (chosen[i]) selected.push(i);
  const blocks: Block[] = [];
  /** For a unit of a barred set of which one counts: the set's chosen units (one item of a cap). */
  const setItems: { members: number[]; label: string }[] = [];
  const inSet = new Uint8Array(n);
  for (const rule of q.rules) {
    if (rule.rule !== "barred" || !countsOne(rule.effect)) continue;
    const members = rule.units.map((k) => q.byKey.get(k) ?? -1).filter((i) => i >= 0 && chosen[i]);
    if (members.length < 2) continue;
    setItems.push({ members, label: rule.label ?? rule.id });
    for (const i of members) inSet[i] = 1;
  }
  const absorbed = new Set<number>();
  for (const [group, max] of q.caps) {
    const own = (q.groupUnits.get(group) ?? []).filter((i) => chosen[i] && !inSet[i]).map((i) => [i]);
    const sets = setItems
      .map((s, k) => ({ s, k }))
      .filter(({ s }) => s.members.every((i) => (q.units[i] as EngineUnit).group === group));
    if (own.length + sets.length <= max) continue;
    // The cap's items absorb any barred set inside the group.
    for (const { k } of sets) absorbed.add(k);
    blocks.push({
      group,
      items: [...own, ...sets.map(({ s }) => s.members)],
      k: max,
      why: { kind: "cap", max },
    });
  }
  setItems.forEach((s, k) => {
    if (absorbed.has(k)) return;
    const group = (q.units[s.members[0] ?? -1] as EngineUnit).group;
    blocks.push({ group, items: s.members.map((i) => [i]), k: 1, why: { kind: "set", label: s.label } });
  });
  const t: Tally = {
    selected,
    counted: Uint8Array.from(chosen),
    chosen,
    held,
    byGroup: new Map(),
    total: ZERO,
    blocks,
    inBlock: new Uint8Array(n),
    warnings,
  };
  if (!blocks.length) sumCredits(q, t);
  return t;
}

export function sumGroups(t: Tally, groups: Iterable<string>): Interval {
  let s = ZERO;
  for (const g of groups) s = add(s, t.byGroup.get(g) ?? ZERO);
  return s;
}
