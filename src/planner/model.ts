import type { Rule } from "../catalogue/schema.ts";
import type { EngineQualification, EngineUnit } from "../rules/model.ts";
import { LinearProgram, type Terms } from "./lp.ts";

export type Objective = "glh" | "units" | "credits" | "role";
export const OBJECTIVES: readonly Objective[] = ["glh", "units", "credits", "role"];

/** What the learner already has and wants: unit indexes into the engine qualification. */
export interface PlanInput {
  /** Units held or already chosen: they stay and cost nothing. */
  have: readonly number[];
  /** Units that must be in the plan (they count towards its cost). */
  keep: readonly number[];
  avoid: readonly number[];
  objective: Objective;
  /** For the role objective: units relevant to the learner's role. */
  relevant: ReadonlySet<number>;
}

/**
 * The cost of adding one unit, as an integer, so the planner and the exhaustive search in the tests
 * minimise exactly the same thing. Plain costs (no tie-breaking terms) keep the programme easy to prove
 * optimal: measured, tie-breakers doubled the solve time. HiGHS is deterministic, so ties still resolve
 * the same way every time.
 */
export function unitCost(
  q: EngineQualification,
  input: Pick<PlanInput, "objective" | "relevant">,
  u: EngineUnit,
): number {
  switch (input.objective) {
    case "glh":
      return glhCost(q, u);
    case "units":
      return 1;
    case "credits":
      return u.credits.min;
    case "role":
      // Fewest units outside the role first, then fewest GLH (no qualification reaches 10,000 GLH).
      return (input.relevant.has(u.index) ? 0 : ROLE_WEIGHT) + glhCost(q, u);
  }
}
const ROLE_WEIGHT = 10_000;

/**
 * GLH used for planning: the proven lower bound when known; for a unit whose GLH no source gives, the
 * largest known GLH of the qualification, so that unknown units are not mistaken for cheap ones. This is
 * a planning weight, never reported as a fact.
 */
export function glhCost(q: EngineQualification, u: EngineUnit): number {
  if (u.glh) return u.glh.min;
  let most = 0;
  for (const v of q.units) if (v.glh && Number.isFinite(v.glh.max)) most = Math.max(most, v.glh.max);
  return most;
}

export type Mode = "plan" | "elastic";

export interface BuiltModel {
  lp: LinearProgram;
  x: (i: number) => string;
  /** Elastic mode: held/kept units the model may drop, avoided units it may allow. */
  drop: Map<number, string>;
  allow: Map<number, string>;
  slacks: string[];
  constantShortfall: number;
}

const creditRules = (q: EngineQualification) =>
  q.rules.filter((r): r is Extract<Rule, { rule: "totalCredits" | "groupCredits" | "levelCredits" }> =>
    ["totalCredits", "groupCredits", "levelCredits"].includes(r.rule),
  );

/**
 * The 0/1 programme. Each credit rule appears twice: with optimistic values (upper bounds, any unknown
 * level possibly matching) as a hard constraint, so infeasibility is certain; and with proven values
 * (lower bounds, known levels) softened by a costly slack, so the optimum is proven wherever the data
 * allows and leans on as few unknown facts as possible elsewhere. Where only some units of a barred set
 * or capped group count, each rule picks its own counted units, as the rules engine does.
 */
export function buildModel(q: EngineQualification, input: PlanInput, mode: Mode): BuiltModel {
  const lp = new LinearProgram();
  const x = (i: number) => `x${i}`;
  const have = new Set(input.have);
  const keep = new Set(input.keep);
  const avoid = new Set(input.avoid);
  const drop = new Map<number, string>();
  const allow = new Map<number, string>();
  const slacks: string[] = [];
  /** Proven shortfalls no choice can change (e.g. the level rule when no unit level is known). */
  const constantShortfall: number[] = [];

  for (const u of q.units) {
    lp.binary(x(u.index));
    if (!have.has(u.index)) lp.cost(x(u.index), mode === "plan" ? unitCost(q, input, u) : 0);
    const forced = have.has(u.index) || keep.has(u.index);
    if (forced && mode === "elastic") {
      const d = lp.binary(`d${u.index}`);
      drop.set(u.index, d);
      lp.cost(d, 1);
      lp.constrain(
        `stay${u.index}`,
        new Map([
          [x(u.index), 1],
          [d, 1],
        ]),
        ">=",
        1,
      );
    } else if (forced) {
      lp.constrain(`stay${u.index}`, new Map([[x(u.index), 1]]), "=", 1);
    }
    if (avoid.has(u.index) && !forced) {
      if (mode === "elastic") {
        const a = lp.binary(`a${u.index}`);
        allow.set(u.index, a);
        lp.cost(a, 1);
        lp.constrain(
          `avoid${u.index}`,
          new Map([
            [x(u.index), 1],
            [a, -1],
          ]),
          "<=",
          0,
        );
      } else {
        lp.constrain(`avoid${u.index}`, new Map([[x(u.index), 1]]), "=", 0);
      }
    }
  }

  // Units whose credit may not count: members of IQ-style barred sets and of capped groups.
  const limited = new Set<number>();
  const countOneSets: number[][] = [];
  for (const r of q.rules) {
    if (r.rule === "barred") {
      const members = r.units.map((k) => q.byKey.get(k) ?? -1).filter((i) => i >= 0);
      if (r.effect === "exclusive") {
        lp.constrain(`barred_${r.id.replace(/\W/g, "_")}`, new Map(members.map((i) => [x(i), 1])), "<=", 1);
      } else {
        countOneSets.push(members);
        for (const i of members) limited.add(i);
      }
    }
    if (r.rule === "mandatory") {
      for (const k of r.units) {
        const i = q.byKey.get(k);
        if (i !== undefined) lp.constrain(`mandatory${i}`, new Map([[x(i), 1]]), "=", 1);
      }
    }
    if (r.rule === "groupUnits" && r.effect === "exclusive") {
      const members = q.groupUnits.get(r.group) ?? [];
      lp.constrain(`groupunits_${r.group}`, new Map(members.map((i) => [x(i), 1])), "<=", r.max);
    }
  }
  for (const [group] of q.caps) for (const i of q.groupUnits.get(group) ?? []) limited.add(i);

  if (mode === "plan") addDominance(q, input, lp, x, limited);

  const fixedGroups = new Set<string>();
  for (const [group, t] of q.groupTotals) {
    const forcedAll = t.units.every((i) => have.has(i) || keep.has(i) || isMandatory(q, i));
    if (forcedAll && mode === "plan" && !t.units.some((i) => limited.has(i))) fixedGroups.add(group);
  }

  const totalRule = q.rules.find((t) => t.rule === "totalCredits");
  creditRules(q).forEach((rule, r) => {
    const hasProvenLevel = q.units.some((u) => u.level !== undefined);
    // "N at Level X" when no unit's level is known: no proven credit can count towards it (a constant
    // shortfall the verdict reports), and its optimistic form is implied by the total-credit rule.
    if (
      rule.rule === "levelCredits" &&
      !hasProvenLevel &&
      totalRule?.rule === "totalCredits" &&
      rule.min <= totalRule.min
    ) {
      constantShortfall.push(rule.min);
      return;
    }
    // Counted-credit variables for this rule.
    const counted = (i: number): string => {
      if (!limited.has(i)) return x(i);
      const k = lp.binary(`k${r}_${i}`);
      return k;
    };
    const inScope = (u: EngineUnit) => (rule.rule === "groupCredits" ? rule.groups.includes(u.group) : true);
    const scope = q.units.filter(inScope);
    const kOf = new Map(scope.map((u) => [u.index, counted(u.index)]));
    for (const [i, k] of kOf)
      if (k !== x(i))
        lp.constrain(
          `kx${r}_${i}`,
          new Map([
            [k, 1],
            [x(i), -1],
          ]),
          "<=",
          0,
        );
    countOneSets.forEach((set, s) => {
      const ks = set.filter((i) => kOf.has(i)).map((i) => kOf.get(i) as string);
      if (ks.length > 1) lp.constrain(`one${r}_${s}`, new Map(ks.map((k) => [k, 1])), "<=", 1);
    });
    for (const [group, max] of q.caps) {
      const ks = (q.groupUnits.get(group) ?? []).filter((i) => kOf.has(i)).map((i) => kOf.get(i) as string);
      if (ks.length > max) lp.constrain(`cap${r}_${group}`, new Map(ks.map((k) => [k, 1])), "<=", max);
    }

    let need = rule.min;
    if (rule.rule === "groupCredits" && rule.beyond) {
      const prior = q.rules.find((p) => p.id === rule.beyond);
      // With the prior rule met, "N more beyond it" is the same as prior + N from the groups together.
      if (prior?.rule === "groupCredits") need += prior.min;
    }
    const proven: Terms = new Map();
    const optimistic: Terms = new Map();
    let constant = 0;
    const matches = (u: EngineUnit, strict: boolean) => {
      if (rule.rule !== "levelCredits") return true;
      if (u.level === undefined) return !strict;
      const reading = q.reading.proven ? q.reading.value : strict ? "at" : "atOrAbove";
      return reading === "at" ? u.level === rule.level : u.level >= rule.level;
    };
    const fixedCounted = new Set<string>();
    for (const u of scope) {
      if (rule.rule !== "levelCredits" && fixedGroups.has(u.group)) {
        if (!fixedCounted.has(u.group)) constant += q.groupTotals.get(u.group)?.total ?? 0;
        fixedCounted.add(u.group);
        continue;
      }
      const k = kOf.get(u.index) as string;
      if (matches(u, true) && u.credits.min > 0) proven.set(k, u.credits.min);
      if (matches(u, false)) optimistic.set(k, Math.min(u.credits.max, need));
    }
    lp.constrain(`opt${r}`, optimistic, ">=", need - constant);
    if (mode === "plan") {
      const s = lp.nonNegative(`s${r}`);
      slacks.push(s);
      proven.set(s, 1);
      lp.constrain(`proven${r}`, proven, ">=", need - constant);
    }
  });
  return { lp, x, drop, allow, slacks, constantShortfall: constantShortfall.reduce((a, b) => a + b, 0) };
}

/**
 * Cuts that change no optimum but spare the solver from proving it over interchangeable units. If v is
 * in u's group, with the same level fact, at least as many credits for certain and no higher cost, and
 * neither is barred or capped, then swapping u for v never breaks a rule nor costs more: some optimal
 * plan takes u only with v (x_u <= x_v). Units alike in every respect are ordered the same way.
 */
function addDominance(
  q: EngineQualification,
  input: PlanInput,
  lp: LinearProgram,
  x: (i: number) => string,
  limited: ReadonlySet<number>,
): void {
  const forced = new Set([...input.have, ...input.keep]);
  const avoid = new Set(input.avoid);
  const free = q.units.filter(
    (u) =>
      !limited.has(u.index) &&
      !isMandatory(q, u.index) &&
      !q.rules.some((r) => r.rule === "barred" && r.units.includes(u.key)) &&
      !q.rules.some((r) => r.rule === "groupUnits" && r.group === u.group),
  );
  const cost = new Map(free.map((u) => [u.index, unitCost(q, input, u)]));
  for (const u of free) {
    if (forced.has(u.index)) continue;
    for (const v of free) {
      if (v === u || avoid.has(v.index) || v.group !== u.group || v.level !== u.level) continue;
      const cu = cost.get(u.index) ?? 0;
      const cv = cost.get(v.index) ?? 0;
      const alike = v.credits.min === u.credits.min && v.credits.max === u.credits.max && cv === cu;
      const better = Number.isFinite(u.credits.max) && v.credits.min >= u.credits.max && cv <= cu;
      // Alike units: order by index, so only one of each tie is ever free to be chosen first.
      if (alike ? v.index < u.index : better) {
        lp.constrain(
          `dom${u.index}_${v.index}`,
          new Map([
            [x(u.index), 1],
            [x(v.index), -1],
          ]),
          "<=",
          0,
        );
      }
    }
  }
}

function isMandatory(q: EngineQualification, i: number): boolean {
  const key = q.units[i]?.key;
  return q.rules.some((r) => r.rule === "mandatory" && key !== undefined && r.units.includes(key));
}
