import { add, describe, type Interval, ZERO } from "./interval.ts";
import type { EngineQualification, EngineUnit } from "./model.ts";
import type { CheckWarning } from "./result.ts";

/** Everything one check works out before judging the rules: what is chosen, what counts, the sums. */
export interface Tally {
  selected: number[];
  counted: Uint8Array;
  chosen: Uint8Array;
  byGroup: Map<string, Interval>;
  total: Interval;
  /** Chosen units of which only some count (an IQ barred set, a capped group). */
  blocks: Block[];
  inBlock: Uint8Array;
  warnings: CheckWarning[];
}

/**
 * Chosen units of which only the k most favourable items count: an item is one unit, or the chosen units
 * of an IQ barred set (only one of which counts). With bounded credits we do not know which items those
 * are, so a block contributes between the sum of the k largest item minimums and of the k largest item
 * maximums: sound whichever they turn out to be.
 */
export interface Block {
  group: string;
  items: number[][];
  k: number;
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

export function tally(q: EngineQualification, input: readonly number[]): Tally {
  const n = q.units.length;
  const chosen = new Uint8Array(n);
  const warnings: CheckWarning[] = [];
  const dupes = new Set<number>();
  for (const i of input) {
    if (chosen[i]) dupes.add(i);
    chosen[i] = 1;
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
  const counted = Uint8Array.from(chosen);
  const favourable = (a: EngineUnit, b: EngineUnit) =>
    b.credits.min - a.credits.min || b.credits.max - a.credits.max || a.index - b.index;
  const blocks: Block[] = [];
  /** For a unit that represents a barred set, all the set's chosen units. */
  const itemOf = new Map<number, number[]>();

  for (const rule of q.rules) {
    if (rule.rule !== "barred" || rule.effect !== "countOne") continue;
    const members = rule.units
      .map((k) => q.units[q.byKey.get(k) ?? -1])
      .filter((u): u is EngineUnit => !!u && !!chosen[u.index]);
    if (members.length < 2) continue;
    const [best, ...rest] = [...members].sort(favourable);
    if (!best) continue;
    for (const u of rest) counted[u.index] = 0;
    itemOf.set(
      best.index,
      members.map((u) => u.index),
    );
    warnings.push({
      code: "notCounted",
      message: `${rest.map((u) => u.label).join(" and ")} ${rest.length === 1 ? "does" : "do"} not count: only one unit of barred set ${rule.label ?? rule.id} counts, and ${best.label} (${describe(best.credits)} credits) is the most favourable to you.`,
      units: rest.map((u) => u.key),
    });
  }
  for (const [group, max] of q.caps) {
    const members = (q.groupUnits.get(group) ?? [])
      .map((i) => q.units[i] as EngineUnit)
      .filter((u) => counted[u.index]);
    if (members.length <= max) continue;
    const rest = [...members].sort(favourable).slice(max);
    for (const u of rest) counted[u.index] = 0;
    // The cap's items absorb any barred set inside the group.
    blocks.push({ group, items: members.map((u) => itemOf.get(u.index) ?? [u.index]), k: max });
    for (const u of members) itemOf.delete(u.index);
    warnings.push({
      code: "notCounted",
      message: `Only ${max} units of Group ${group} can count: the credit of ${rest.map((u) => u.label).join(" and ")} does not count.`,
      units: rest.map((u) => u.key),
    });
  }
  for (const members of itemOf.values()) {
    const group = (q.units[members[0] ?? -1] as EngineUnit).group;
    blocks.push({ group, items: members.map((i) => [i]), k: 1 });
  }
  const inBlock = new Uint8Array(n);
  for (const b of blocks) for (const item of b.items) for (const i of item) inBlock[i] = 1;

  const byGroup = new Map<string, Interval>();
  for (const [group, members] of q.groupUnits) {
    let inside = ZERO;
    let outside = ZERO;
    for (const i of members) {
      const c = (q.units[i] as EngineUnit).credits;
      if (inBlock[i]) continue;
      if (counted[i]) inside = add(inside, c);
      else outside = add(outside, c);
    }
    const groupBlocks = blocks.filter((b) => b.group === group);
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
  return { selected, counted, chosen, byGroup, total, blocks, inBlock, warnings };
}

export function sumGroups(t: Tally, groups: Iterable<string>): Interval {
  let s = ZERO;
  for (const g of groups) s = add(s, t.byGroup.get(g) ?? ZERO);
  return s;
}
