import type { Rule } from "../catalogue/schema.ts";
import type { EngineQualification, EngineUnit } from "../rules/model.ts";
import { LinearProgram, type Terms } from "./lp.ts";

export type Objective = "glh" | "units" | "credits" | "role";
export const OBJECTIVES: readonly Objective[] = ["glh", "units", "credits", "role"];

/** What the learner already has and wants: unit indexes into the engine qualification. */
export interface PlanInput {
  /** Units held or already chosen: they stay and cost nothing. */
  have: readonly number[];
  /**
   * The units of `have` the learner has already achieved (rather than chosen): of an IQ barred set, two
   * achieved units may stand (one counts), but no unit may join one already achieved. Default: none.
   */
  achieved?: readonly number[];
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

/**
 * plan: the planner's own reading (credit rules met by credit values our sources give; unknown levels
 * and the reading of the level rule taken in the learner's favour). optimistic: every unknown fact in the
 * learner's favour, unknown credit values too (says whether any completion could exist). elastic: the
 * optimistic model where held, kept and avoided units may give way at a cost (finds the smallest change).
 */
export type Mode = "plan" | "optimistic" | "elastic";

export interface BuiltModel {
  lp: LinearProgram;
  x: (i: number) => string;
  /** Elastic mode: held/kept units the model may drop, avoided units it may allow. */
  drop: Map<number, string>;
  allow: Map<number, string>;
  slacks: string[];
  constantShortfall: number;
  /** The plan's cost, as terms (the objective of plan mode), to bound it in a later solve. */
  cost: Terms;
}

const creditRules = (q: EngineQualification) =>
  q.rules.filter((r): r is Extract<Rule, { rule: "totalCredits" | "groupCredits" | "levelCredits" }> =>
    ["totalCredits", "groupCredits", "levelCredits"].includes(r.rule),
  );

/**
 * The 0/1 programme. In plan mode, the total and group credit rules are hard constraints on the credit
 * values our sources give (a unit whose credit value is unknown adds nothing the plan can count on,
 * unless it must be in the plan anyway, where it counts its proven minimum of 1), so a plan never rests on
 * a guess about credits; the level rule is a hard constraint in the learner's favour (any unknown level
 * may match, either reading of "at Level X") and again, softened by a slack, on proven levels only, so
 * that among equally cheap plans the most provable can be preferred. In optimistic and elastic modes,
 * every credit rule takes every unknown in the learner's favour (unknown credits up to the need).
 * Where only some units of a barred set or capped group count, one choice of counted units serves every
 * rule, as in the rules engine.
 */
export function buildModel(q: EngineQualification, input: PlanInput, mode: Mode): BuiltModel {
  const lp = new LinearProgram();
  const x = (i: number) => `x${i}`;
  const have = new Set(input.have);
  const keep = new Set(input.keep);
  const avoid = new Set(input.avoid);
  const achieved = new Set(input.achieved ?? []);
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

  // Units whose credit may not count: members of barred sets of which one counts, and of capped groups.
  const limited = new Set<number>();
  const countOneSets: number[][] = [];
  for (const r of q.rules) {
    if (r.rule === "barred") {
      const members = r.units.map((k) => q.byKey.get(k) ?? -1).filter((i) => i >= 0);
      const name = r.id.replace(/\W/g, "_");
      if (r.effect === "exclusive") {
        lp.constrain(`barred_${name}`, new Map(members.map((i) => [x(i), 1])), "<=", 1);
      } else if (r.effect === "exclusiveCountOne") {
        // No more than one may be taken; none may join one already achieved. Two achieved: one counts.
        const taken = members.filter((i) => !achieved.has(i));
        const held = members.length - taken.length;
        if (taken.length)
          lp.constrain(`barred_${name}`, new Map(taken.map((i) => [x(i), 1])), "<=", held > 0 ? 0 : 1);
        if (held >= 2) {
          countOneSets.push(members);
          for (const i of members) limited.add(i);
        }
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
  const mustStay = (u: EngineUnit) => have.has(u.index) || keep.has(u.index) || isMandatory(q, u.index);
  /**
   * The credit a plan may count on: a known or bounded value; for a unit it must take anyway, whatever
   * the engine allows (at least 1, at most unknown); an optional unit of unknown value adds nothing, so
   * no plan is padded with units in the hope that they are worth more than 1 credit.
   */
  const plannable = (u: EngineUnit): { min: number; max: number } =>
    Number.isFinite(u.credits.max) || mustStay(u) ? u.credits : { min: 0, max: 0 };

  // Whether each limited unit counts: one choice for every rule alike, as the rules engine judges it.
  const countedVar = (i: number): string => (limited.has(i) ? `k${i}` : x(i));
  for (const i of limited) {
    lp.binary(countedVar(i));
    lp.constrain(
      `kx${i}`,
      new Map([
        [countedVar(i), 1],
        [x(i), -1],
      ]),
      "<=",
      0,
    );
  }
  countOneSets.forEach((set, s) => {
    if (set.length > 1) lp.constrain(`one${s}`, new Map(set.map((i) => [countedVar(i), 1])), "<=", 1);
  });
  for (const [group, max] of q.caps) {
    const ks = (q.groupUnits.get(group) ?? []).map(countedVar);
    if (ks.length > max) lp.constrain(`cap_${group}`, new Map(ks.map((k) => [k, 1])), "<=", max);
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
    const inScope = (u: EngineUnit) => (rule.rule === "groupCredits" ? rule.groups.includes(u.group) : true);
    const scope = q.units.filter(inScope);
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
      const k = countedVar(u.index);
      if (mode === "plan") {
        const c = plannable(u);
        if (matches(u, true) && c.min > 0) proven.set(k, c.min);
        if (matches(u, false) && c.max > 0) optimistic.set(k, Math.min(c.max, need));
      } else if (matches(u, false)) optimistic.set(k, Math.min(u.credits.max, need));
    }
    if (mode === "plan" && rule.rule !== "levelCredits") {
      // Total and group credits: met by credit values our sources give, never by a guess.
      lp.constrain(`proven${r}`, proven, ">=", need - constant);
      return;
    }
    if (rule.rule === "levelCredits") {
      // A group's stated total bounds what its units can give at any level (as in the rules engine).
      for (const [group, t] of q.groupTotals) {
        const terms = new Map([...optimistic].filter(([k]) => t.units.some((i) => countedVar(i) === k)));
        if (!terms.size) continue;
        const y = lp.nonNegative(`y${r}_${group}`);
        lp.constrain(`ycap${r}_${group}`, new Map([[y, 1]]), "<=", t.total);
        lp.constrain(
          `ysum${r}_${group}`,
          new Map([[y, 1], ...[...terms].map(([k, c]) => [k, -c] as const)]),
          "<=",
          0,
        );
        for (const k of terms.keys()) optimistic.delete(k);
        optimistic.set(y, 1);
      }
    }
    lp.constrain(`opt${r}`, optimistic, ">=", need - constant);
    if (mode === "plan") {
      const s = lp.nonNegative(`s${r}`);
      slacks.push(s);
      proven.set(s, 1);
      lp.constrain(`proven${r}`, proven, ">=", need - constant);
    }
  });
  return {
    lp,
    x,
    drop,
    allow,
    slacks,
    constantShortfall: constantShortfall.reduce((a, b) => a + b, 0),
    cost: new Map(
      q.units.filter((u) => !have.has(u.index)).map((u) => [x(u.index), unitCost(q, input, u)] as const),
    ),
  };
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
  // Units of unknown credit value count for nothing in a plan (see buildModel): never compared here.
  const free = q.units.filter(
    (u) =>
      Number.isFinite(u.credits.max) &&
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
