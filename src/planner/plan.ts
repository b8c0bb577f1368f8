import { checkSelection } from "../rules/check.ts";
import { add, type Interval, type IntervalJson, toJson, ZERO } from "../rules/interval.ts";
import type { EngineQualification, EngineUnit } from "../rules/model.ts";
import type { CheckResult, Verdict } from "../rules/result.ts";
import type { Row } from "./lp.ts";
import { buildModel, type Objective, type PlanInput, unitCost } from "./model.ts";
import type { MilpSolver } from "./solver.ts";

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

export interface PlanResult {
  qualificationId: string;
  objective: Objective;
  /** planned: a completion exists; infeasible: none does, see `reason` and `fix`. */
  status: "planned" | "infeasible";
  verdict: Verdict | null;
  units: string[];
  totalGlh: IntervalJson | null;
  totalCredits: IntervalJson | null;
  plan: Plan | null;
  /** What the plan relies on that our sources do not confirm (empty when valid). */
  reliesOn: string[];
  alternatives: Plan[];
  reason?: string;
  fix?: { drop: string[]; allow: string[]; text: string };
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
 * The cheapest completion of a qualification for the objective, exact (0/1 programme solved by HiGHS),
 * re-checked by the rules engine: a plan the engine calls invalid is never returned as a plan.
 */
export function planCompletion(
  q: EngineQualification,
  input: PlanInput,
  solver: MilpSolver,
  options: PlanOptions = {},
): PlanResult {
  const base = { qualificationId: q.entry.id, objective: input.objective };
  const model = buildModel(q, input, "plan");
  const infeasible = () => ({
    ...base,
    status: "infeasible" as const,
    verdict: null,
    units: [],
    totalGlh: null,
    totalCredits: null,
    plan: null,
    reliesOn: [],
    alternatives: [],
  });
  // Lexicographic: first the least proven shortfall (plans as provable as the data allows), then the
  // cheapest plan with that shortfall. Two small solves keep every coefficient small and the optimum exact.
  const slackTerms = new Map(model.slacks.map((s) => [s, 1]));
  const first = solver.solve(model.lp.toString(slackTerms));
  if (first.status !== "optimal") return { ...infeasible(), ...diagnose(q, input, solver) };
  const shortfall = Math.round(first.objective * 1e6) / 1e6;
  const rows: Row[] = [{ name: "provable", terms: slackTerms, op: "<=", rhs: shortfall + 1e-6 }];
  let best: Plan | undefined;
  for (let attempt = 0; attempt < 5 && !best; attempt++) {
    const r = solver.solve(model.lp.toString(undefined, rows));
    if (r.status !== "optimal") break;
    const chosen = q.units.filter((u) => r.value(model.x(u.index)) === 1).map((u) => u.index);
    const check = checkSelection(q, chosen);
    // Never present a plan the engine rejects; look for the next one instead.
    if (check.verdict === "invalid") {
      rows.push(noGood(q, input, chosen, model.x, rows.length));
      continue;
    }
    best = describePlan(q, input, chosen, check);
  }
  if (!best) return { ...infeasible(), reason: "No plan that the rules engine accepts could be found." };
  // Equal-cost plans: prefer the one with fewer GLH, then fewer credits (a secondary order the exact
  // optimum does not distinguish; kept out of the programme because tie-breaking terms double its cost).
  const alternatives = nearAlternatives(q, input, best, 3);
  const pool = [best, ...alternatives].sort(
    (a, b) => a.cost - b.cost || a.totalGlh.min - b.totalGlh.min || a.totalCredits.min - b.totalCredits.min,
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
      if (inPlan.has(into.index) || avoid.has(into.index)) continue;
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
    const check = checkSelection(q, candidate);
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
