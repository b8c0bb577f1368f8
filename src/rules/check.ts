import type { LevelReading, Rule } from "../catalogue/schema.ts";
import { suggestCreditFix, suggestLevelFix } from "./fix.ts";
import { add, describe, type Interval, toJson, ZERO } from "./interval.ts";
import type { EngineQualification, EngineUnit } from "./model.ts";
import type { CheckResult, RuleOutcome, RuleStatus, Verdict } from "./result.ts";
import { blockInterval, countingChoices, settle, sumGroups, type Tally, tally, withBlocks } from "./tally.ts";

const groupLabel = (groups: readonly string[]): string =>
  groups.length === 1 ? `Group ${groups[0]}` : `Groups ${groups.slice(0, -1).join(", ")} or ${groups.at(-1)}`;

const statusOf = (have: Interval, need: number): RuleStatus =>
  have.min >= need ? "holds" : have.max < need ? "fails" : "unknown";

const shortBy = (have: Interval, need: number) =>
  toJson({ min: Math.max(0, need - have.max), max: Math.max(0, need - have.min) });

/** Chosen units that count, or may count (members of a block), in these groups. */
function countedIn(q: EngineQualification, t: Tally, groups: readonly string[] | undefined): EngineUnit[] {
  return t.selected
    .map((i) => q.units[i] as EngineUnit)
    .filter((u) => (t.counted[u.index] || t.inBlock[u.index]) && (!groups || groups.includes(u.group)));
}

function missingCredits(units: readonly EngineUnit[]): string[] {
  return units.filter((u) => u.credits.min !== u.credits.max).map((u) => `credit value of ${u.label}`);
}

/** Every outcome has the same shape (fields in one order), which keeps the hot path monomorphic. */
function outcome(
  rule: Rule,
  status: RuleStatus,
  message: string,
  units: string[],
  extra: Partial<RuleOutcome> = {},
): RuleOutcome {
  return {
    ruleId: rule.id,
    rule: rule.rule,
    status,
    message,
    wording: rule.source.quote,
    source: rule.source,
    have: extra.have,
    need: extra.need,
    shortBy: extra.shortBy,
    units,
    fix: extra.fix,
    fixAction: extra.fixAction,
    missingFacts: extra.missingFacts ?? [],
    reading: extra.reading,
  };
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
  /** Credits that must be added before any counts here (a prior rule's groups still short, for certain). */
  absorbed = 0,
): RuleOutcome {
  const status = statusOf(have, need);
  const involved = countedIn(q, t, groups);
  const units = involved.map((u) => u.key);
  let message = `${what}: you have ${describe(have)}, ${need} needed`;
  if (status === "fails") {
    const sb = shortBy(have, need);
    const fix = suggestCreditFix(q, t, { min: sb.min, max: (sb.max ?? sb.min) + absorbed }, fixGroups);
    message += `: short by ${sb.min === sb.max ? sb.min : `at least ${sb.min}`}.`;
    return outcome(rule, status, message, units, {
      have: toJson(have),
      need,
      shortBy: sb,
      fix: fix.text,
      fixAction: { add: fix.add, drop: [], covers: fix.covers },
    });
  }
  if (status === "unknown") {
    const missingFacts = missingCredits(involved);
    message += `. Not confirmed: ${missingFacts.length} credit value${missingFacts.length === 1 ? " is" : "s are"} missing from our sources.`;
    return outcome(rule, status, message, units, { have: toJson(have), need, missingFacts });
  }
  return outcome(rule, status, `${message}.`, units, { have: toJson(have), need });
}

function levelCredits(q: EngineQualification, t: Tally, reading: LevelReading, level: number): Interval {
  const matches = (u: EngineUnit) => (reading === "at" ? u.level === level : (u.level ?? 0) >= level);
  // A unit's share of the level credits: proven when its level is known to match, possible when it may.
  const share = (i: number): Interval => {
    const u = q.units[i] as EngineUnit;
    if (u.level === undefined) return { min: 0, max: u.credits.max };
    return matches(u) ? u.credits : ZERO;
  };
  // Per group, so that a group's stated total (which bounds what its units count) bounds its level
  // credits too: three mandatory units worth 7 credits in all cannot give more than 7 at any level.
  const byGroup = new Map<string, Interval>();
  const into = (group: string, v: Interval) => byGroup.set(group, add(byGroup.get(group) ?? ZERO, v));
  for (const b of t.blocks) into(b.group, blockInterval(b, share));
  for (const i of t.selected)
    if (t.counted[i] && !t.inBlock[i]) into((q.units[i] as EngineUnit).group, share(i));
  let s = ZERO;
  for (const [group, v] of byGroup) {
    const counted = t.byGroup.get(group);
    s = add(s, counted ? { min: Math.min(v.min, counted.max), max: Math.min(v.max, counted.max) } : v);
  }
  return s;
}

function levelRule(
  q: EngineQualification,
  t: Tally,
  rule: Extract<Rule, { rule: "levelCredits" }>,
): RuleOutcome {
  const at = levelCredits(q, t, "at", rule.level);
  const above = levelCredits(q, t, "atOrAbove", rule.level);
  const reading = q.reading.value;
  const have = reading === "at" ? at : above;
  let status: RuleStatus;
  if (q.reading.proven) status = statusOf(have, rule.min);
  else if (statusOf(at, rule.min) === "holds") status = "holds";
  else if (statusOf(above, rule.min) === "fails") status = "fails";
  else status = "unknown";
  const readingWords = reading === "at" ? `at Level ${rule.level}` : `at Level ${rule.level} or above`;
  const involved = countedIn(q, t, undefined);
  const units = involved.map((u) => u.key);
  // domain-facts §5: no source says whether "at Level X" includes higher levels; every verdict that
  // rests on the reading says so.
  const readingNote = q.reading.proven
    ? ""
    : ` (reading “at Level ${rule.level}” as ${reading === "at" ? "Level " + rule.level + " only" : "Level " + rule.level + " or above"}: our sources do not say which)`;
  const message = `Credits ${readingWords}: you have ${describe(have)}, ${rule.min} needed${readingNote}`;
  const numbers = { have: toJson(have), need: rule.min, reading };
  if (status === "fails") {
    // Short by at least what the most favourable reading lacks; to be sure, what the strict one lacks.
    const sb = q.reading.proven
      ? shortBy(have, rule.min)
      : { min: Math.max(0, rule.min - above.max), max: Math.max(0, rule.min - at.min) };
    const fix = suggestLevelFix(
      q,
      t,
      { min: sb.min, max: sb.max ?? sb.min },
      rule.level,
      q.reading.proven ? reading : "at",
    );
    return outcome(
      rule,
      status,
      `${message}: short by ${sb.min === sb.max ? sb.min : `at least ${sb.min}`}.`,
      units,
      {
        ...numbers,
        shortBy: sb,
        fix: fix.text,
        fixAction: { add: fix.add, drop: [], covers: fix.covers },
      },
    );
  }
  if (status === "holds") return outcome(rule, status, `${message}.`, units, numbers);
  const unknownLevels: string[] = [];
  for (const u of involved) {
    if (u.level !== undefined) continue;
    unknownLevels.push(
      u.inferredLevel === undefined
        ? `level of ${u.label}`
        : `level of ${u.label} (only inferred: Level ${u.inferredLevel})`,
    );
  }
  const missingFacts = [...unknownLevels, ...missingCredits(involved.filter((u) => u.level !== undefined))];
  if (!q.reading.proven && statusOf(at, rule.min) !== statusOf(above, rule.min)) {
    missingFacts.push(
      `whether "${rule.min} at Level ${rule.level}" means at Level ${rule.level} only or at Level ${rule.level} or above (our sources do not say; we read it as ${readingWords})`,
    );
  }
  const why = unknownLevels.length
    ? `the levels of ${unknownLevels.length} unit${unknownLevels.length === 1 ? "" : "s"} are not in our sources`
    : "it depends on how the level rule is read";
  return outcome(rule, status, `${message}. Not confirmed: ${why}.`, units, { ...numbers, missingFacts });
}

function unitAt(q: EngineQualification, key: string): EngineUnit {
  return q.units[q.byKey.get(key) ?? -1] as EngineUnit;
}

function mandatoryRule(
  q: EngineQualification,
  t: Tally,
  rule: Extract<Rule, { rule: "mandatory" }>,
): RuleOutcome {
  const missing: EngineUnit[] = [];
  for (const k of rule.units) {
    const u = unitAt(q, k);
    if (!t.chosen[u.index]) missing.push(u);
  }
  if (!missing.length)
    return outcome(rule, "holds", `All ${rule.units.length} mandatory units are included.`, [...rule.units]);
  const included = rule.units.length - missing.length;
  const labels = missing.map((u) => u.label);
  const keys = missing.map((u) => u.key);
  return outcome(
    rule,
    "fails",
    `Missing mandatory ${missing.length === 1 ? "unit" : "units"}: ${labels.join("; ")} (${included} of ${rule.units.length} included).`,
    keys,
    {
      have: { min: included, max: included },
      need: rule.units.length,
      fix: `Add ${labels.join(" and ")}.`,
      fixAction: { add: keys, drop: [], covers: true },
    },
  );
}

function barredRule(q: EngineQualification, t: Tally, rule: Extract<Rule, { rule: "barred" }>): RuleOutcome {
  const members = rule.units.map((k) => unitAt(q, k));
  const picked = members.filter((u) => t.chosen[u.index]);
  const keys = picked.map((u) => u.key);
  const names = members.map((u) => u.number ?? u.key).join(" and ");
  const label = rule.label ? ` (set ${rule.label})` : "";
  // Units already held were taken before: an "only one counts" set lets them stand, one of them counting.
  const taking = picked.filter((u) => !t.held[u.index]);
  const breaks =
    picked.length >= 2 &&
    (rule.effect === "exclusive" || (rule.effect === "exclusiveCountOne" && taking.length > 0));
  if (!breaks) {
    const message =
      picked.length >= 2
        ? `Units ${names} are a barred set${label}: only one of them counts towards your credits.`
        : `Barred units ${names}: ${picked.length ? "only one is chosen" : "none chosen"}.`;
    return outcome(rule, "holds", message, keys);
  }
  // Suggest dropping the units worth least, keeping the most valuable one (or the one already held).
  const heldOnes = picked.filter((u) => t.held[u.index]);
  const drop = heldOnes.length
    ? taking
    : [...picked]
        .sort((a, b) => a.credits.max - b.credits.max || b.index - a.index)
        .slice(0, picked.length - 1);
  const kept = picked.filter((u) => !drop.includes(u));
  const fix =
    picked.length === 2 && !heldOnes.length
      ? `Drop ${drop[0]?.label} or ${kept[0]?.label}: keep only one.`
      : `Drop ${drop.map((u) => u.label).join(" and ")}: keep only ${kept.map((u) => u.label).join(" and ")}${heldOnes.length ? ", which you already hold" : ""}.`;
  const message =
    rule.effect === "exclusive"
      ? `${picked.map((u) => u.label).join(" and ")} are barred: you may take either, but not both.`
      : `${picked.map((u) => u.label).join(" and ")} are a barred set${label}: you may not take more than one unit of it${heldOnes.length ? ` (you already hold ${heldOnes.map((u) => u.label).join(" and ")})` : ""}.`;
  return outcome(rule, "fails", message, keys, {
    have: { min: picked.length, max: picked.length },
    need: 1,
    fix,
    fixAction: { add: [], drop: drop.map((u) => u.key), covers: true },
  });
}

function groupUnitsRule(
  q: EngineQualification,
  t: Tally,
  rule: Extract<Rule, { rule: "groupUnits" }>,
): RuleOutcome {
  const picked = (q.groupUnits.get(rule.group) ?? [])
    .filter((i) => t.chosen[i])
    .map((i) => q.units[i] as EngineUnit);
  const keys = picked.map((u) => u.key);
  const numbers = { have: { min: picked.length, max: picked.length }, need: rule.max };
  if (rule.effect === "stopCounting" || picked.length <= rule.max) {
    const message =
      picked.length > rule.max
        ? `${picked.length} units of Group ${rule.group} chosen; only ${rule.max} count.`
        : `${picked.length} of at most ${rule.max} counting units from Group ${rule.group}.`;
    return outcome(rule, "holds", message, keys, numbers);
  }
  const extra = picked.length - rule.max;
  return outcome(
    rule,
    "fails",
    `${picked.length} units of Group ${rule.group} chosen; at most ${rule.max} are allowed.`,
    keys,
    {
      ...numbers,
      fix: `Drop ${extra} unit${extra === 1 ? "" : "s"} of Group ${rule.group}.`,
      fixAction: { add: [], drop: [], covers: false },
    },
  );
}

function judge(q: EngineQualification, t: Tally, rule: Rule): RuleOutcome {
  switch (rule.rule) {
    case "mandatory":
      return mandatoryRule(q, t, rule);
    case "totalCredits":
      return creditRule(q, t, rule, t.total, rule.min, "Total credits", undefined);
    case "groupCredits": {
      const prior = rule.beyond ? q.rules.find((r) => r.id === rule.beyond) : undefined;
      if (prior?.rule === "groupCredits") {
        const shared = sumGroups(t, prior.groups);
        const others = rule.groups.filter((g) => !prior.groups.includes(g));
        const rest = sumGroups(t, others);
        const have = {
          min: Math.max(0, shared.min - prior.min) + rest.min,
          max: Math.max(0, shared.max - prior.min) + rest.max,
        };
        const what = `Credits from ${groupLabel(rule.groups)} beyond the ${prior.min} needed from ${groupLabel(prior.groups)}`;
        // While the prior rule may be short, credit from its groups goes to it first: take the fix from the
        // others where there are any; else the fix must first make up what the prior rule may lack.
        const fromOthers = shared.min < prior.min && others.length > 0;
        const fixGroups = fromOthers ? others : rule.groups;
        const absorbed = fromOthers ? 0 : Math.max(0, prior.min - shared.min);
        return creditRule(q, t, rule, have, rule.min, what, rule.groups, fixGroups, absorbed);
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
    case "barred":
      return barredRule(q, t, rule);
    case "groupUnits":
      return groupUnitsRule(q, t, rule);
  }
}

function distinctMissingFacts(unknowns: readonly RuleOutcome[]): string[] {
  // Lists are short (a few facts per rule): a linear scan beats building a Set on every check.
  const out: string[] = [];
  for (const r of unknowns) for (const f of r.missingFacts) if (!out.includes(f)) out.push(f);
  return out;
}

/**
 * Where only some chosen units can count, each consistent choice of counted units is judged whole, and
 * the most favourable one kept: the same units count for every rule, and a rule fails only if it fails
 * whichever units count. Beyond MAX_COUNTING_CHOICES the blocks are summed as sound intervals instead.
 */
function judgeAll(q: EngineQualification, base: Tally): { t: Tally; rules: RuleOutcome[] } {
  if (!base.blocks.length) return { t: base, rules: q.rules.map((r) => judge(q, base, r)) };
  const choices = countingChoices(q, base);
  if (!choices) {
    const t = withBlocks(q, base);
    return { t, rules: q.rules.map((r) => judge(q, t, r)) };
  }
  // Choices are compared on the credit rules' statuses alone (the only rules the counting changes;
  // cheap), and only the most favourable one is judged in full, with its messages and fixes.
  let best: { t: Tally; rank: number[] } | undefined;
  for (const c of choices) {
    const t = settle(q, base, c);
    const rank = creditRank(q, t);
    if (!best || lexLess(rank, best.rank)) best = { t, rank };
  }
  const t = (best as { t: Tally }).t;
  return { t, rules: q.rules.map((r) => judge(q, t, r)) };
}

/** [rules failing, rules unknown, credit totals unknown] over the rules counting affects. */
function creditRank(q: EngineQualification, t: Tally): number[] {
  let fails = 0;
  let unknown = 0;
  let unknownCredits = 0;
  for (const rule of q.rules) {
    let status: RuleStatus | undefined;
    if (rule.rule === "totalCredits") status = statusOf(t.total, rule.min);
    else if (rule.rule === "groupCredits") {
      const prior = rule.beyond ? q.rules.find((r) => r.id === rule.beyond) : undefined;
      if (prior?.rule === "groupCredits") {
        const shared = sumGroups(t, prior.groups);
        const rest = sumGroups(
          t,
          rule.groups.filter((g) => !prior.groups.includes(g)),
        );
        status = statusOf(
          {
            min: Math.max(0, shared.min - prior.min) + rest.min,
            max: Math.max(0, shared.max - prior.min) + rest.max,
          },
          rule.min,
        );
      } else status = statusOf(sumGroups(t, rule.groups), rule.min);
    } else if (rule.rule === "levelCredits") {
      const at = levelCredits(q, t, "at", rule.level);
      const above = levelCredits(q, t, "atOrAbove", rule.level);
      const have = q.reading.value === "at" ? at : above;
      status = q.reading.proven
        ? statusOf(have, rule.min)
        : statusOf(at, rule.min) === "holds"
          ? "holds"
          : statusOf(above, rule.min) === "fails"
            ? "fails"
            : "unknown";
    }
    if (status === "fails") fails++;
    if (status === "unknown") {
      unknown++;
      if (rule.rule !== "levelCredits") unknownCredits++;
    }
  }
  return [fails, unknown, unknownCredits];
}

const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

export interface CheckOptions {
  /**
   * Units the learner already holds (achieved before). They are part of the selection; a barred set
   * of which only one counts lets several held units stand (one counts), but no new unit may join them.
   */
  held?: readonly number[];
}

/**
 * Checks a selection of units (indexes from resolveUnits) against every rule of a qualification. Pure:
 * the result depends only on the set of units, never on their order or repetition.
 */
export function checkSelection(
  q: EngineQualification,
  input: readonly number[],
  options: CheckOptions = {},
): CheckResult {
  const { t, rules } = judgeAll(q, tally(q, input, options.held));
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
      held: !!t.held[u.index],
    })),
    totals: {
      credits: toJson(t.total),
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
    missingFacts: distinctMissingFacts(unknowns),
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
