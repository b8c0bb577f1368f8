import { checkSelection } from "../rules/check.ts";
import { add, type Interval, type IntervalJson, toJson, ZERO } from "../rules/interval.ts";
import type { EngineQualification, EngineUnit } from "../rules/model.ts";
import type { CheckResult, Verdict } from "../rules/result.ts";
import type { Row } from "./lp.ts";
import { buildModel, type Objective, type PlanInput, unitCost } from "./model.ts";
import type { MilpSolution, MilpSolver } from "./solver.ts";

export interface PlannedUnit {
  unit: string;
  number: string | null;
  ref: string | null;
  title: string;
  group: string;
  credits: IntervalJson;
  glh: IntervalJson | null;
  /** Held or already chosen (costs nothing), rather than added by the plan. */
  held: boolean;
}

export interface Plan {
  /** Every unit of the plan, held ones included: QCF references where known, else unit numbers. */
  units: string[];
  detail: PlannedUnit[];
  added: string[];
  totalGlh: IntervalJson;
  totalCredits: IntervalJson;
  /** The rules engine's verdict on this plan. */
  verdict: Verdict;
  check: CheckResult;
  cost: number;
}

/** Why no plan can be worked out from our sources, and what the learner can be told instead. */
export interface Undetermined {
  /** Credit rules the units of known credit value cannot meet, with the most they can give. */
  rules: {
    ruleId: string;
    wording: string;
    need: number;
    /** The most the units whose credit values are known can give towards the rule. */
    knownAtMost: number;
    /** Units counted (held, kept or mandatory) whose credit values are not known: at least 1 each. */
    countedUnknown?: string[];
    unknownUnits: string[];
  }[];
  /** Mandatory units not yet held. */
  mandatory: string[];
  /** Units held (or kept) that count towards it. */
  held: string[];
  /** The credit values our sources lack that a plan would need. */
  missingFacts: string[];
}

export interface PlanResult {
  qualificationId: string;
  objective: Objective;
  /**
   * planned: a completion exists; infeasible: none does, see `reason` and `fix`; undetermined: one may
   * exist, but the credit values our sources give cannot show any completion reaching the credits, see
   * `reason` and `undetermined`.
   */
  status: "planned" | "infeasible" | "undetermined";
  verdict: Verdict | null;
  units: string[];
  totalGlh: IntervalJson | null;
  totalCredits: IntervalJson | null;
  plan: Plan | null;
  /** What the plan relies on that our sources do not confirm (empty when valid). */
  reliesOn: string[];
  alternatives: Plan[];
  /**
   * Where the chosen plan rests on unknown facts, the cheapest plan that rests on fewer (fewer rules
   * unconfirmed), if one exists: it costs more, and says so.
   */
  surest: Plan | null;
  reason?: string;
  fix?: { drop: string[]; allow: string[]; text: string };
  undetermined?: Undetermined;
}

const displayId = (u: EngineUnit) => u.ref ?? u.number ?? u.key;

function describePlan(q: EngineQualification, input: PlanInput, chosen: number[], check: CheckResult): Plan {
  const have = new Set(input.have);
  const units = chosen.map((i) => q.units[i] as EngineUnit);
  let glh: Interval = ZERO;
  for (const u of units) glh = add(glh, u.glh ?? { min: 0, max: Number.POSITIVE_INFINITY });
  return {
    units: units.map(displayId),
    detail: units.map((u) => ({
      unit: u.key,
      number: u.number ?? null,
      ref: u.ref ?? null,
      title: u.title,
      group: u.group,
      credits: toJson(u.credits),
      glh: u.glh ? toJson(u.glh) : null,
      held: have.has(u.index),
    })),
    added: units.filter((u) => !have.has(u.index)).map((u) => u.key),
    totalGlh: toJson(glh),
    totalCredits: check.totals.credits,
    verdict: check.verdict,
    check,
    cost: units.filter((u) => !have.has(u.index)).reduce((s, u) => s + unitCost(q, input, u), 0),
  };
}

/** "units 10 and 18" / "unit 4" */
function unitWords(q: EngineQualification, indexes: number[]): string {
  const labels = indexes.map((i) => q.units[i]?.label ?? String(i));
  return labels.length === 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/** Unit numbers with runs shortened: "3–10, 13, 16–36" (a long list of numbers is a wall of text). */
export function ranges(labels: string[]): string {
  if (!labels.every((l) => /^\d+$/.test(l))) return labels.join(", ");
  const ns = [...new Set(labels.map(Number))].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === (ns[j] ?? 0) + 1) j++;
    out.push(j - i >= 2 ? `${ns[i]}–${ns[j]}` : ns.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return out.join(", ");
}

/** Why nothing is possible even before any choice: rules that fail with every unit still allowed. */
function ceilingReasons(q: EngineQualification, input: PlanInput): string[] {
  const avoid = new Set(input.avoid);
  const open = q.units.filter((u) => !avoid.has(u.index)).map((u) => u.index);
  // The most any rule could get: every allowed unit, at its largest credit value.
  const best = checkSelection(q, open);
  return best.rules
    .filter(
      (r) =>
        (r.rule === "totalCredits" || r.rule === "groupCredits" || r.rule === "levelCredits") &&
        r.status === "fails",
    )
    .map(
      (r) =>
        `even with every unit still allowed, ${r.message.charAt(0).toLowerCase()}${r.message.slice(1).replace(/\.$/, "")}`,
    );
}

function diagnose(
  q: EngineQualification,
  input: PlanInput,
  solver: MilpSolver,
): Pick<PlanResult, "reason" | "fix"> {
  const elastic = buildModel(q, input, "elastic");
  const r = solver.solve(elastic.lp.toString());
  if (r.status !== "optimal") {
    const reasons = ceilingReasons(q, { ...input, avoid: [] });
    return {
      reason: reasons.length
        ? `No completion exists: ${reasons.join("; ")}.`
        : "No completion exists for this qualification with the facts we hold.",
    };
  }
  const drop = [...elastic.drop].filter(([, v]) => r.value(v) === 1).map(([i]) => i);
  const allow = [...elastic.allow].filter(([, v]) => r.value(v) === 1).map(([i]) => i);
  const reasons: string[] = [];
  const forced = [...new Set([...input.have, ...input.keep])];
  const forcedCheck = checkSelection(q, forced);
  for (const v of forcedCheck.violations)
    if (v.rule === "barred") reasons.push(`${v.message.replace(/\.$/, "")}, and both must stay`);
  const mandatoryAvoided = allow.filter((i) =>
    q.rules.some((rule) => rule.rule === "mandatory" && rule.units.includes(q.units[i]?.key ?? "")),
  );
  if (mandatoryAvoided.length)
    reasons.push(
      `${unitWords(q, mandatoryAvoided)} ${mandatoryAvoided.length === 1 ? "is" : "are"} mandatory and cannot be avoided`,
    );
  if (!reasons.length) reasons.push(...ceilingReasons(q, input));
  const parts: string[] = [];
  if (drop.length) parts.push(`drop ${unitWords(q, drop)} from the units that must stay`);
  if (allow.length) parts.push(`stop avoiding ${unitWords(q, allow)}`);
  return {
    reason: `No completion exists: ${reasons.join("; ") || "the units that must stay and the units to avoid leave no way to meet every rule"}.`,
    fix: {
      drop: drop.map((i) => q.units[i]?.key ?? ""),
      allow: allow.map((i) => q.units[i]?.key ?? ""),
      text: `The smallest change that makes a completion possible: ${parts.join(" and ")}.`,
    },
  };
}

export interface PlanOptions {
  /** How many alternatives of near-equal cost to look for (at most 3). */
  alternatives?: number;
}

/**
 * Solves the programme, re-checking each solution with the rules engine (a plan the engine calls invalid
 * is cut off and the next one sought). `objective` and `rows` are this solve's own.
 */
function solvePlan(
  q: EngineQualification,
  input: PlanInput,
  model: ReturnType<typeof buildModel>,
  solver: MilpSolver,
  objective: Map<string, number>,
  rows: Row[],
  /** A solution of this same solve already in hand. */
  solved?: MilpSolution,
): Plan | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = attempt === 0 && solved ? solved : solver.solve(model.lp.toString(objective, rows));
    if (r.status !== "optimal") return undefined;
    const chosen = q.units.filter((u) => r.value(model.x(u.index)) === 1).map((u) => u.index);
    const check = checkSelection(q, chosen, { held: input.achieved ?? [] });
    if (check.verdict !== "invalid") return describePlan(q, input, chosen, check);
    rows.push(noGood(q, input, chosen, model.x, rows.length));
  }
  return undefined;
}

/** How much of a plan rests on unknown facts: its rules not confirmed. */
const unconfirmedRules = (p: Plan) => p.check.rules.filter((r) => r.status === "unknown").length;

/**
 * The cheapest completion of a qualification for the objective, exact (0/1 programme solved by HiGHS),
 * re-checked by the rules engine: a plan the engine calls invalid is never returned as a plan.
 *
 * The objective is the learner's (fewest GLH by default), over every selection that meets the credit
 * rules with the credit values our sources give and the other rules in the most favourable reading of
 * what they do not give (unknown levels, the reading of "at Level X"). Among equally cheap plans the one
 * resting on the fewest unknown facts is taken; a plan resting on fewer unknown facts at a higher cost is
 * offered apart, as the surest plan. Where the credit values our sources give cannot reach the credits
 * at all, the result is `undetermined`, never a plan padded with every unit.
 */
export function planCompletion(
  q: EngineQualification,
  input: PlanInput,
  solver: MilpSolver,
  options: PlanOptions = {},
): PlanResult {
  const base = { qualificationId: q.entry.id, objective: input.objective };
  const model = buildModel(q, input, "plan");
  const none = (status: "infeasible" | "undetermined") => ({
    ...base,
    status,
    verdict: null,
    units: [],
    totalGlh: null,
    totalCredits: null,
    plan: null,
    reliesOn: [],
    alternatives: [],
    surest: null,
  });
  const first = solver.solve(model.lp.toString());
  if (first.status !== "optimal") {
    const optimistic = solver.solve(buildModel(q, input, "optimistic").lp.toString());
    if (optimistic.status === "optimal") return { ...none("undetermined"), ...undetermined(q, input) };
    return { ...none("infeasible"), ...diagnose(q, input, solver) };
  }
  // Lexicographic: first the cheapest cost; then, at that cost, a plan valid if one is. Only the level
  // rule has a proven shortfall (slack): when even the most provable plan leaves some (no valid plan at
  // any cost), every plan leaves that rule unconfirmed alike, and the cheapest plan is the answer.
  const cheapest = Math.round(first.objective * 1e6) / 1e6;
  const slackTerms = new Map(model.slacks.map((s) => [s, 1]));
  const least = model.slacks.length ? solver.solve(model.lp.toString(slackTerms)) : undefined;
  const validExists = least?.status === "optimal" && least.objective < 1e-6;
  const best = validExists
    ? (solvePlan(q, input, model, solver, model.cost, [
        { name: "cheapest", terms: model.cost, op: "<=", rhs: cheapest + 1e-6 },
        { name: "valid", terms: slackTerms, op: "<=", rhs: 1e-6 },
      ]) ?? solvePlan(q, input, model, solver, model.cost, []))
    : solvePlan(q, input, model, solver, model.cost, [], first);
  if (!best)
    return { ...none("infeasible"), reason: "No plan that the rules engine accepts could be found." };
  const alternatives = nearAlternatives(q, input, best, 3);
  const pool = [best, ...alternatives].sort(
    (a, b) =>
      a.cost - b.cost ||
      unconfirmedRules(a) - unconfirmedRules(b) ||
      a.totalGlh.min - b.totalGlh.min ||
      a.totalCredits.min - b.totalCredits.min,
  );
  const chosen = pool[0] ?? best;
  const others = pool
    .filter((p) => p !== chosen)
    .slice(0, Math.min(3, Math.max(0, options.alternatives ?? 3)));
  return {
    ...base,
    status: "planned",
    verdict: chosen.verdict,
    units: chosen.units,
    totalGlh: chosen.totalGlh,
    totalCredits: chosen.totalCredits,
    plan: chosen,
    reliesOn: chosen.check.missingFacts,
    alternatives: others,
    surest: validExists ? surestPlan(q, input, model, solver, chosen) : null,
  };
}

/** The cheapest valid plan, when the chosen one is not valid (called only when a valid plan exists). */
function surestPlan(
  q: EngineQualification,
  input: PlanInput,
  model: ReturnType<typeof buildModel>,
  solver: MilpSolver,
  chosen: Plan,
): Plan | null {
  if (chosen.verdict === "valid" || !model.slacks.length) return null;
  const slackTerms = new Map(model.slacks.map((s) => [s, 1]));
  const plan = solvePlan(q, input, model, solver, model.cost, [
    { name: "provable", terms: slackTerms, op: "<=", rhs: 1e-6 },
  ]);
  return plan && unconfirmedRules(plan) < unconfirmedRules(chosen) ? plan : null;
}

/**
 * Why the credit values our sources give cannot show a completion: for each credit rule, the most the
 * units of known credit value (and the units that must be taken) can give, and the units whose credit
 * values are missing.
 */
function undetermined(q: EngineQualification, input: PlanInput): Pick<PlanResult, "reason" | "undetermined"> {
  const have = new Set(input.have);
  const avoid = new Set(input.avoid);
  const mandatory = new Set(
    q.rules.flatMap((r) => (r.rule === "mandatory" ? r.units.map((k) => q.byKey.get(k) ?? -1) : [])),
  );
  const open = q.units.filter((u) => !avoid.has(u.index) || have.has(u.index));
  const known = open.filter(
    (u) =>
      Number.isFinite(u.credits.max) ||
      have.has(u.index) ||
      input.keep.includes(u.index) ||
      mandatory.has(u.index),
  );
  // The most the known units can give: every one of them, keeping the more valuable of a barred pair.
  const taken = new Set(known.map((u) => u.index));
  for (const r of q.rules) {
    if (r.rule !== "barred") continue;
    const members = r.units
      .map((k) => q.byKey.get(k) ?? -1)
      .filter((i) => taken.has(i))
      .sort((a, b) => (q.units[b]?.credits.min ?? 0) - (q.units[a]?.credits.min ?? 0));
    const keepers = members.filter((i) => have.has(i));
    for (const i of members.slice(keepers.length ? 0 : 1)) if (!have.has(i)) taken.delete(i);
  }
  const check = checkSelection(q, [...taken], { held: input.achieved ?? [] });
  // The same count over the units whose credit values are known: what "known values give" means.
  const knownOnly = [...taken].filter((i) => Number.isFinite(q.units[i]?.credits.max));
  // Achieved units count as held only among the units counted (held units outside the selection
  // would make the check count nothing: "at most 0" beside a held 7-credit unit, persona review 5).
  const knownSet = new Set(knownOnly);
  const knownCheck = checkSelection(q, knownOnly, {
    held: (input.achieved ?? []).filter((i) => knownSet.has(i)),
  });
  const rules: Undetermined["rules"] = [];
  for (const o of check.rules) {
    if (o.need === undefined || !o.have) continue;
    // Credit totals must be met for certain; the level rule may rest on unknown levels, not on credits.
    if (o.rule === "totalCredits" || o.rule === "groupCredits") {
      if (o.have.min >= o.need) continue;
    } else if (o.rule !== "levelCredits" || (o.have.max ?? Number.POSITIVE_INFINITY) >= o.need) continue;
    const scope = q.rules.find((r) => r.id === o.ruleId);
    const groups = scope?.rule === "groupCredits" ? scope.groups : undefined;
    const unknownUnits = open
      .filter(
        (u) =>
          !Number.isFinite(u.credits.max) && !taken.has(u.index) && (!groups || groups.includes(u.group)),
      )
      .map((u) => u.key);
    const counted =
      o.rule === "levelCredits"
        ? []
        : [...taken].filter(
            (i) =>
              !Number.isFinite(q.units[i]?.credits.max) &&
              (!groups || groups.includes(q.units[i]?.group ?? "")),
          );
    const known = knownCheck.rules.find((x) => x.ruleId === o.ruleId)?.have;
    const knownAtMost =
      o.rule === "levelCredits" ? (o.have.max ?? 0) : counted.length ? (known?.max ?? 0) : o.have.min;
    rules.push({
      ruleId: o.ruleId,
      wording: o.wording,
      need: o.need,
      knownAtMost,
      ...(counted.length ? { countedUnknown: counted.map((i) => q.units[i]?.key ?? String(i)) } : {}),
      unknownUnits,
    });
  }
  const missing = [...new Set(rules.flatMap((r) => r.unknownUnits))];
  const labels = (keys: string[]) => ranges(keys.map((k) => q.units[q.byKey.get(k) ?? -1]?.number ?? k));
  const where = (id: string) => {
    const r = q.rules.find((x) => x.id === id);
    if (r?.rule === "levelCredits") return ` at Level ${r.level}`;
    return r?.rule === "groupCredits"
      ? `${r.beyond ? " more" : ""} from Group${r.groups.length > 1 ? "s" : ""} ${r.groups.join(r.groups.length > 2 ? ", " : " and ")}`
      : " in all";
  };
  const shortWords = rules.map(
    (r) =>
      `${r.need} credits${where(r.ruleId)} are needed, and the units whose credit values we know give at most ${r.knownAtMost}${
        r.countedUnknown?.length
          ? `, with ${r.countedUnknown.length === 1 ? "unit" : "units"} ${labels(r.countedUnknown)} (credit value${r.countedUnknown.length === 1 ? "" : "s"} not in our sources) at least 1 each`
          : ""
      }`,
  );
  return {
    reason: rules.length
      ? `Our sources do not give enough credit values to plan this qualification: ${shortWords.join("; ")}. The credit values of ${missing.length} unit${missing.length === 1 ? "" : "s"} (${labels(missing)}) are not in our sources; the awarding body's handbook gives them, and with them a plan can be worked out exactly.`
      : "Our sources do not give enough credit values to plan this qualification.",
    undetermined: {
      rules,
      mandatory: [...mandatory].filter((i) => !have.has(i)).map((i) => q.units[i]?.key ?? String(i)),
      held: [...new Set([...input.have, ...input.keep])]
        .sort((a, b) => a - b)
        .map((i) => q.units[i]?.key ?? String(i)),
      missingFacts: missing.map((k) => `credit value of ${q.units[q.byKey.get(k) ?? -1]?.label ?? k}`),
    },
  };
}

/**
 * Alternatives of near-equal cost: the optimum with one added unit swapped for another, each re-checked
 * by the rules engine, no less provable than the optimum (no rule unconfirmed that the optimum proves)
 * and within 10% of its cost. Cheap (a few hundred engine checks), so the planner stays fast.
 */
function nearAlternatives(q: EngineQualification, input: PlanInput, best: Plan, limit: number): Plan[] {
  if (limit === 0) return [];
  const chosen = best.detail.map((d) => q.byKey.get(d.unit) ?? -1);
  const inPlan = new Set(chosen);
  const avoid = new Set(input.avoid);
  const fixed = new Set([...input.have, ...input.keep]);
  const provenByBest = new Set(best.check.rules.filter((r) => r.status === "holds").map((r) => r.ruleId));
  const tolerance = Math.max(best.cost * 0.1, 1);
  // Swaps in order of cost change; one whose incoming unit costs more than the outgoing unit plus the
  // tolerance cannot be near-equal, so it is never checked.
  const swaps: { out: number; into: number; delta: number }[] = [];
  for (const out of chosen) {
    const outUnit = q.units[out] as EngineUnit;
    if (fixed.has(out) || q.rules.some((r) => r.rule === "mandatory" && r.units.includes(outUnit.key)))
      continue;
    const outCost = unitCost(q, input, outUnit);
    for (const into of q.units) {
      // A unit of unknown credit value is never added to a plan (see buildModel).
      if (inPlan.has(into.index) || avoid.has(into.index) || !Number.isFinite(into.credits.max)) continue;
      const delta = unitCost(q, input, into) - outCost;
      if (delta <= tolerance) swaps.push({ out, into: into.index, delta });
    }
  }
  swaps.sort((a, b) => a.delta - b.delta || a.out - b.out || a.into - b.into);
  const found: Plan[] = [];
  for (const { out, into } of swaps) {
    if (found.length >= limit) break;
    const candidate = chosen
      .filter((i) => i !== out)
      .concat(into)
      .sort((a, b) => a - b);
    const check = checkSelection(q, candidate, { held: input.achieved ?? [] });
    if (
      check.verdict === "invalid" ||
      check.rules.some((r) => provenByBest.has(r.ruleId) && r.status !== "holds")
    )
      continue;
    found.push(describePlan(q, input, candidate, check));
  }
  return found;
}

/** A cut that excludes exactly this choice of added units, so the next solve finds another plan. */
function noGood(
  q: EngineQualification,
  input: PlanInput,
  chosen: number[],
  x: (i: number) => string,
  n: number,
): Row {
  const have = new Set(input.have);
  const inPlan = new Set(chosen);
  const terms = new Map<string, number>();
  let inCount = 0;
  for (const u of q.units) {
    if (have.has(u.index)) continue;
    if (inPlan.has(u.index)) {
      terms.set(x(u.index), -1);
      inCount++;
    } else terms.set(x(u.index), 1);
  }
  return { name: `cut${n}`, terms, op: ">=", rhs: 1 - inCount };
}
