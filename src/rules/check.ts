import type { LevelReading, Rule } from "../catalogue/schema.ts";
import { suggestCreditFix, suggestLevelFix } from "./fix.ts";
import { add, describe, type Interval, toJson, ZERO } from "./interval.ts";
import type { EngineQualification, EngineUnit } from "./model.ts";
import type { CheckResult, CheckWarning, RuleOutcome, RuleStatus, Verdict } from "./result.ts";

const groupLabel = (groups: readonly string[]): string =>
  groups.length === 1 ? `Group ${groups[0]}` : `Groups ${groups.slice(0, -1).join(", ")} or ${groups.at(-1)}`;

const statusOf = (have: Interval, need: number): RuleStatus =>
  have.min >= need ? "holds" : have.max < need ? "fails" : "unknown";

const shortBy = (have: Interval, need: number) =>
  toJson({ min: Math.max(0, need - have.max), max: Math.max(0, need - have.min) });

/** Everything one check works out before judging the rules: what is chosen, what counts, the sums. */
export interface Tally {
  selected: number[];
  counted: Uint8Array;
  chosen: Uint8Array;
  byGroup: Map<string, Interval>;
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
function blockInterval(b: Block, share: (i: number) => Interval): Interval {
  const mins = b.items.map((item) => Math.max(0, ...item.map((i) => share(i).min)));
  const maxes = b.items.map((item) => Math.max(0, ...item.map((i) => share(i).max)));
  return { min: topK(mins, b.k), max: topK(maxes, b.k) };
}

function tally(q: EngineQualification, input: readonly number[]): Tally {
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
  return { selected, counted, chosen, byGroup, blocks, inBlock, warnings };
}

function sumGroups(t: Tally, groups: Iterable<string>): Interval {
  let s = ZERO;
  for (const g of groups) s = add(s, t.byGroup.get(g) ?? ZERO);
  return s;
}

/** Chosen units that count, or may count (members of a block), in these groups. */
function countedIn(q: EngineQualification, t: Tally, groups: readonly string[] | undefined): EngineUnit[] {
  return t.selected
    .map((i) => q.units[i] as EngineUnit)
    .filter((u) => (t.counted[u.index] || t.inBlock[u.index]) && (!groups || groups.includes(u.group)));
}

function missingCredits(units: readonly EngineUnit[]): string[] {
  return units.filter((u) => u.credits.min !== u.credits.max).map((u) => `credit value of ${u.label}`);
}

function base(rule: Rule) {
  return { ruleId: rule.id, rule: rule.rule, wording: rule.source.quote, source: rule.source };
}

function creditRule(
  q: EngineQualification,
  t: Tally,
  rule: Rule,
  have: Interval,
  need: number,
  what: string,
  groups: readonly string[] | undefined,
  fixGroups: readonly string[] | undefined = groups,
): RuleOutcome {
  const status = statusOf(have, need);
  const involved = countedIn(q, t, groups);
  const outcome: RuleOutcome = {
    ...base(rule),
    status,
    message: `${what}: you have ${describe(have)}, ${need} needed`,
    have: toJson(have),
    need,
    units: involved.map((u) => u.key),
    missingFacts: [],
  };
  if (status === "fails") {
    const sb = shortBy(have, need);
    outcome.shortBy = sb;
    outcome.message += `: short by ${sb.min === sb.max ? sb.min : `at least ${sb.min}`}.`;
    const fix = suggestCreditFix(q, t, sb.min, fixGroups);
    outcome.fix = fix.text;
    outcome.fixAction = { add: fix.add, drop: [], covers: fix.covers };
  } else if (status === "unknown") {
    outcome.missingFacts = missingCredits(involved);
    outcome.message += `. Not confirmed: ${outcome.missingFacts.length} credit value${outcome.missingFacts.length === 1 ? " is" : "s are"} missing from our sources.`;
  } else {
    outcome.message += ".";
  }
  return outcome;
}

function levelCredits(q: EngineQualification, t: Tally, reading: LevelReading, level: number): Interval {
  const matches = (u: EngineUnit) => (reading === "at" ? u.level === level : (u.level ?? 0) >= level);
  // A unit's share of the level credits: proven when its level is known to match, possible when it may.
  const share = (i: number): Interval => {
    const u = q.units[i] as EngineUnit;
    if (u.level === undefined) return { min: 0, max: u.credits.max };
    return matches(u) ? u.credits : ZERO;
  };
  let s = ZERO;
  for (const b of t.blocks) s = add(s, blockInterval(b, share));
  for (const i of t.selected) if (t.counted[i] && !t.inBlock[i]) s = add(s, share(i));
  return s;
}

function levelRule(
  q: EngineQualification,
  t: Tally,
  rule: Extract<Rule, { rule: "levelCredits" }>,
): RuleOutcome {
  const at = levelCredits(q, t, "at", rule.level);
  const above = levelCredits(q, t, "atOrAbove", rule.level);
  const chosenReading = q.reading.value;
  const have = chosenReading === "at" ? at : above;
  let status: RuleStatus;
  if (q.reading.proven) status = statusOf(have, rule.min);
  else if (statusOf(at, rule.min) === "holds") status = "holds";
  else if (statusOf(above, rule.min) === "fails") status = "fails";
  else status = "unknown";
  const readingWords = chosenReading === "at" ? `at Level ${rule.level}` : `at Level ${rule.level} or above`;
  const involved = countedIn(q, t, undefined);
  const outcome: RuleOutcome = {
    ...base(rule),
    status,
    message: `Credits ${readingWords}: you have ${describe(have)}, ${rule.min} needed`,
    have: toJson(have),
    need: rule.min,
    units: involved.map((u) => u.key),
    missingFacts: [],
    reading: chosenReading,
  };
  if (status === "fails") {
    const worst = q.reading.proven ? have : above;
    const sb = shortBy(worst, rule.min);
    outcome.shortBy = sb;
    outcome.message += `: short by ${sb.min === sb.max ? sb.min : `at least ${sb.min}`}.`;
    const fix = suggestLevelFix(q, t, sb.min, rule.level, q.reading.proven ? chosenReading : "at");
    outcome.fix = fix.text;
    outcome.fixAction = { add: fix.add, drop: [], covers: fix.covers };
  } else if (status === "unknown") {
    const unknownLevels = involved
      .filter((u) => u.level === undefined)
      .map((u) =>
        u.inferredLevel === undefined
          ? `level of ${u.label}`
          : `level of ${u.label} (only inferred: Level ${u.inferredLevel})`,
      );
    outcome.missingFacts = [
      ...unknownLevels,
      ...missingCredits(involved.filter((u) => u.level !== undefined)),
    ];
    const readingMatters = !q.reading.proven && statusOf(at, rule.min) !== statusOf(above, rule.min);
    if (readingMatters) {
      outcome.missingFacts.push(
        `whether "${rule.min} at Level ${rule.level}" means at Level ${rule.level} only or at Level ${rule.level} or above (our sources do not say; we read it as ${readingWords})`,
      );
    }
    outcome.message += `. Not confirmed: ${unknownLevels.length ? `the levels of ${unknownLevels.length} unit${unknownLevels.length === 1 ? "" : "s"} are not in our sources` : "it depends on how the level rule is read"}.`;
  } else {
    outcome.message += ".";
  }
  return outcome;
}

function judge(q: EngineQualification, t: Tally, rule: Rule): RuleOutcome {
  switch (rule.rule) {
    case "mandatory": {
      const missing = rule.units
        .map((k) => q.units[q.byKey.get(k) ?? -1] as EngineUnit)
        .filter((u) => !t.chosen[u.index]);
      if (!missing.length) {
        return {
          ...base(rule),
          status: "holds",
          message: `All ${rule.units.length} mandatory units are included.`,
          units: [...rule.units],
          missingFacts: [],
        };
      }
      return {
        ...base(rule),
        status: "fails",
        message: `Missing mandatory ${missing.length === 1 ? "unit" : "units"}: ${missing.map((u) => u.label).join("; ")} (${rule.units.length - missing.length} of ${rule.units.length} included).`,
        have: toJson({ min: rule.units.length - missing.length, max: rule.units.length - missing.length }),
        need: rule.units.length,
        units: missing.map((u) => u.key),
        fix: `Add ${missing.map((u) => u.label).join(" and ")}.`,
        fixAction: { add: missing.map((u) => u.key), drop: [], covers: true },
        missingFacts: [],
      };
    }
    case "totalCredits":
      return creditRule(q, t, rule, sumGroups(t, q.groupUnits.keys()), rule.min, "Total credits", undefined);
    case "groupCredits": {
      const prior = rule.beyond ? q.rules.find((r) => r.id === rule.beyond) : undefined;
      if (prior?.rule === "groupCredits") {
        const shared = sumGroups(t, prior.groups);
        const rest = sumGroups(
          t,
          rule.groups.filter((g) => !prior.groups.includes(g)),
        );
        const have = {
          min: Math.max(0, shared.min - prior.min) + rest.min,
          max: Math.max(0, shared.max - prior.min) + rest.max,
        };
        const what = `Credits from ${groupLabel(rule.groups)} beyond the ${prior.min} needed from ${groupLabel(prior.groups)}`;
        // While the prior rule is short, credit from its groups goes to it first: take the fix from the others.
        const others = rule.groups.filter((g) => !prior.groups.includes(g));
        const fixGroups = shared.max < prior.min && others.length ? others : rule.groups;
        return creditRule(q, t, rule, have, rule.min, what, rule.groups, fixGroups);
      }
      return creditRule(
        q,
        t,
        rule,
        sumGroups(t, rule.groups),
        rule.min,
        `Credits from ${groupLabel(rule.groups)}`,
        rule.groups,
      );
    }
    case "levelCredits":
      return levelRule(q, t, rule);
    case "barred": {
      const members = rule.units.map((k) => q.units[q.byKey.get(k) ?? -1] as EngineUnit);
      const picked = members.filter((u) => t.chosen[u.index]);
      const names = members.map((u) => (u.number ? u.number : u.key)).join(" and ");
      if (rule.effect === "countOne" || picked.length < 2) {
        return {
          ...base(rule),
          status: "holds",
          message:
            rule.effect === "countOne" && picked.length >= 2
              ? `Units ${names} are a barred set: only one of them counts towards your credits.`
              : `Barred units ${names}: ${picked.length ? "only one is chosen" : "none chosen"}.`,
          units: picked.map((u) => u.key),
          missingFacts: [],
        };
      }
      const drop = [...picked].sort((a, b) => a.credits.max - b.credits.max || b.index - a.index);
      return {
        ...base(rule),
        status: "fails",
        message: `${picked.map((u) => u.label).join(" and ")} are barred: you may take either, but not both.`,
        have: { min: picked.length, max: picked.length },
        need: 1,
        units: picked.map((u) => u.key),
        fix: `Drop ${drop
          .slice(0, picked.length - 1)
          .map((u) => u.label)
          .join(" and ")}${picked.length === 2 ? ` or ${drop[1]?.label}` : ""}: keep only one.`,
        fixAction: { add: [], drop: drop.slice(0, picked.length - 1).map((u) => u.key), covers: true },
        missingFacts: [],
      };
    }
    case "groupUnits": {
      const picked = (q.groupUnits.get(rule.group) ?? []).filter((i) => t.chosen[i]);
      if (rule.effect === "stopCounting" || picked.length <= rule.max) {
        return {
          ...base(rule),
          status: "holds",
          message:
            picked.length > rule.max
              ? `${picked.length} units of Group ${rule.group} chosen; only ${rule.max} count.`
              : `${picked.length} of at most ${rule.max} counting units from Group ${rule.group}.`,
          have: { min: picked.length, max: picked.length },
          need: rule.max,
          units: picked.map((i) => (q.units[i] as EngineUnit).key),
          missingFacts: [],
        };
      }
      return {
        ...base(rule),
        status: "fails",
        message: `${picked.length} units of Group ${rule.group} chosen; at most ${rule.max} are allowed.`,
        have: { min: picked.length, max: picked.length },
        need: rule.max,
        units: picked.map((i) => (q.units[i] as EngineUnit).key),
        fix: `Drop ${picked.length - rule.max} unit${picked.length - rule.max === 1 ? "" : "s"} of Group ${rule.group}.`,
        missingFacts: [],
      };
    }
  }
}

/**
 * Checks a selection of units (indexes from resolveUnits) against every rule of a qualification. Pure:
 * the result depends only on the set of units, never on their order or repetition.
 */
export function checkSelection(q: EngineQualification, input: readonly number[]): CheckResult {
  const t = tally(q, input);
  const rules = q.rules.map((r) => judge(q, t, r));
  const violations = rules.filter((r) => r.status === "fails");
  const unknowns = rules.filter((r) => r.status === "unknown");
  const verdict: Verdict = violations.length ? "invalid" : unknowns.length ? "unconfirmed" : "valid";
  const levelRuleUsed = q.rules.find((r) => r.rule === "levelCredits");
  const selectedUnits = t.selected.map((i) => q.units[i] as EngineUnit);
  const localFacts = [...q.localFacts, ...selectedUnits.flatMap((u) => u.localFacts)];
  const byGroup: Record<string, ReturnType<typeof toJson>> = {};
  for (const [g, v] of t.byGroup) byGroup[g] = toJson(v);
  return {
    qualificationId: q.entry.id,
    title: q.entry.title.value,
    verdict,
    units: selectedUnits.map((u) => ({
      unit: u.key,
      number: u.number ?? null,
      ref: u.ref ?? null,
      title: u.title,
      group: u.group,
      credits: toJson(u.credits),
      level: u.level ?? null,
      counted: !!t.counted[u.index],
    })),
    totals: {
      credits: toJson(sumGroups(t, q.groupUnits.keys())),
      byGroup,
      ...(levelRuleUsed?.rule === "levelCredits"
        ? {
            atLevel: {
              level: levelRuleUsed.level,
              reading: q.reading.value,
              credits: toJson(levelCredits(q, t, q.reading.value, levelRuleUsed.level)),
            },
          }
        : {}),
    },
    rules,
    violations,
    missingFacts: [...new Set(unknowns.flatMap((r) => r.missingFacts))],
    warnings: t.warnings,
    localFacts,
    ...(levelRuleUsed
      ? {
          levelReading: {
            value: q.reading.value,
            proven: q.reading.proven,
            ...(q.reading.from ? { why: q.reading.from } : {}),
            ...(q.reading.local ? { local: q.reading.local } : {}),
          },
        }
      : {}),
  };
}
