import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OBJECTIVES, type Objective, type PlanInput, unitCost } from "../../src/planner/model.ts";
import { planCompletion } from "../../src/planner/plan.ts";
import { loadSolver, type MilpSolver } from "../../src/planner/solver.ts";
import {
  checkSelection,
  compileQualification,
  type EngineQualification,
  resolveUnits,
} from "../../src/rules/index.ts";
import type { CheckResult } from "../../src/rules/result.ts";
import { engine, QUALIFICATIONS_WITH_UNITS } from "../helpers.ts";
import { buildSynthetic, redactionWith, type SyntheticSpec, syntheticSpec } from "../rules/synthetic.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

const input = (
  q: EngineQualification,
  opts: Partial<Record<"have" | "keep" | "avoid", string[]>> & { objective?: Objective } = {},
): PlanInput => ({
  have: resolveUnits(q, opts.have ?? []),
  achieved: resolveUnits(q, opts.have ?? []),
  keep: resolveUnits(q, opts.keep ?? []),
  avoid: resolveUnits(q, opts.avoid ?? []),
  objective: opts.objective ?? "glh",
  relevant: new Set(),
});

/**
 * What the planner promises, judged by the rules engine alone: a selection is a plan when no rule fails
 * and the total and group credit rules hold for certain (a plan never rests on a guess about credits;
 * unknown levels and the reading of the level rule may be taken in the learner's favour).
 */
function acceptable(q: EngineQualification, chosen: number[], inp: PlanInput): CheckResult | undefined {
  const r = checkSelection(q, chosen, { held: inp.achieved ?? [] });
  if (r.verdict === "invalid") return undefined;
  const creditRulesHold = r.rules.every(
    (o) => (o.rule !== "totalCredits" && o.rule !== "groupCredits") || o.status === "holds",
  );
  return creditRulesHold ? r : undefined;
}

interface Optimum {
  /** The least cost of an acceptable selection. */
  cost: number;
  /** Whether some acceptable selection of that least cost is valid. */
  validAtCost: boolean;
  /** The least cost of a valid selection, if any. */
  validCost: number | undefined;
}

/** The cheapest completions by trying every subset of units (only for small qualifications). */
function exhaustive(q: EngineQualification, inp: PlanInput): Optimum | undefined {
  const n = q.units.length;
  const forced = new Set([...inp.have, ...inp.keep]);
  const avoid = new Set(inp.avoid.filter((i) => !forced.has(i)));
  const have = new Set(inp.have);
  let best: Optimum | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen: number[] = [];
    let ok = true;
    let cost = 0;
    for (let i = 0; i < n && ok; i++) {
      const inS = (mask >> i) & 1;
      if (forced.has(i) && !inS) ok = false;
      if (avoid.has(i) && inS) ok = false;
      if (inS) {
        chosen.push(i);
        if (!have.has(i)) cost += unitCost(q, inp, q.units[i] as NonNullable<(typeof q.units)[number]>);
      }
    }
    if (!ok) continue;
    const r = acceptable(q, chosen, inp);
    if (!r) continue;
    const valid = r.verdict === "valid";
    if (!best || cost < best.cost) best = { cost, validAtCost: valid, validCost: best?.validCost };
    else if (cost === best.cost && valid) best.validAtCost = true;
    if (valid && (best.validCost === undefined || cost < best.validCost)) best.validCost = cost;
  }
  return best;
}

const subset = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 });
const plannerCase = syntheticSpec.chain((spec: SyntheticSpec) => {
  const n = spec.groups.length;
  return fc.record({
    spec: fc.constant(spec),
    have: subset(n),
    keep: subset(n),
    avoid: subset(n),
    objective: fc.constantFrom(...OBJECTIVES),
    relevant: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
  });
});

/**
 * Every selection costing less than `budget` (a depth-first search over the units in order of cost,
 * which stops where the next unit would pass the budget), judged by the rules engine: the cheapest
 * acceptable one, or undefined when none is cheaper. Exhaustive over everything cheaper, so it proves an
 * optimum on a real qualification too large for every subset.
 */
function cheapestBelow(q: EngineQualification, inp: PlanInput, budget: number): number | undefined {
  const forced = new Set([...inp.have, ...inp.keep]);
  for (const r of q.rules)
    if (r.rule === "mandatory") for (const k of r.units) forced.add(q.byKey.get(k) ?? -1);
  const have = new Set(inp.have);
  const cost = (i: number) =>
    have.has(i) ? 0 : unitCost(q, inp, q.units[i] as NonNullable<(typeof q.units)[number]>);
  const base = [...forced];
  const baseCost = base.reduce((a, i) => a + cost(i), 0);
  const optional = q.units
    .map((u) => u.index)
    .filter((i) => !forced.has(i) && !inp.avoid.includes(i))
    .sort((a, b) => cost(a) - cost(b));
  let best: number | undefined;
  const visit = (from: number, chosen: number[], spent: number) => {
    if (spent < budget && (best === undefined || spent < best) && acceptable(q, [...base, ...chosen], inp))
      best = spent;
    for (let j = from; j < optional.length; j++) {
      const i = optional[j] as number;
      if (spent + cost(i) >= (best ?? budget)) break;
      visit(j + 1, [...chosen, i], spent + cost(i));
    }
  };
  visit(0, [], baseCost);
  return best;
}

/** Levels unknown or only inferred, the reading of "at Level X" only inferred; credits known or bounded. */
const unknownLevels = redactionWith(["known", "bounded"], ["known", "unknown", "inferred"]);

function expectOptimal(q: EngineQualification, inp: PlanInput) {
  const expected = exhaustive(q, inp);
  const result = planCompletion(q, inp, solver);
  if (expected === undefined) {
    expect(result.status).not.toBe("planned");
    return;
  }
  expect(result.status).toBe("planned");
  const plan = result.plan;
  if (!plan) throw new Error("no plan");
  // The learner's objective comes first: no acceptable selection is cheaper.
  expect(plan.cost).toBe(expected.cost);
  expect(
    acceptable(
      q,
      plan.detail.map((d) => q.byKey.get(d.unit) ?? -1),
      inp,
    ),
  ).toBeDefined();
  // Proven facts are preferred only at no extra cost: valid whenever a valid plan costs no more.
  if (expected.validAtCost) expect(result.verdict).toBe("valid");
  // Otherwise a valid plan that costs more is offered apart, as the surest plan, at its least cost.
  if (result.verdict !== "valid" && expected.validCost !== undefined) {
    expect(result.surest?.verdict).toBe("valid");
    expect(result.surest?.cost).toBe(expected.validCost);
  }
  if (expected.validCost === undefined) expect(result.surest?.verdict ?? "none").not.toBe("valid");
  for (const alt of result.alternatives) {
    expect(alt.verdict).not.toBe("invalid");
    expect(alt.cost).toBeGreaterThanOrEqual(expected.cost);
  }
}

describe("completion planner: exact", () => {
  it("finds the same optimum as exhaustive search on small random qualifications, or proves there is none", () => {
    fc.assert(
      fc.property(plannerCase, (c) => {
        const q = compileQualification(buildSynthetic(c.spec));
        const inp: PlanInput = {
          have: c.have,
          achieved: c.have,
          keep: c.keep,
          avoid: c.avoid,
          objective: c.objective,
          relevant: new Set(c.relevant),
        };
        const expected = exhaustive(q, inp);
        const result = planCompletion(q, inp, solver);
        if (expected === undefined) {
          expect(result.status).toBe("infeasible");
          expect(result.reason).toMatch(/^No completion exists/);
        } else {
          expect(result.status).toBe("planned");
          expect(result.verdict).toBe("valid");
          expect(result.plan?.cost).toBe(expected.cost);
          for (const alt of result.alternatives) {
            expect(alt.verdict).toBe("valid");
            expect(alt.cost).toBeGreaterThanOrEqual(expected.cost);
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it("with unknown levels and an unproven reading: the cheapest plan, valid where a valid plan costs no more, the surest plan apart", () => {
    fc.assert(
      fc.property(plannerCase, unknownLevels, (c, hide) => {
        const q = compileQualification(buildSynthetic(c.spec, hide));
        expectOptimal(q, {
          have: c.have,
          achieved: c.have,
          keep: c.keep,
          avoid: c.avoid,
          objective: c.objective,
          relevant: new Set(c.relevant),
        });
      }),
      { numRuns: 250 },
    );
  });

  it("never plans on an unknown credit value: undetermined exactly when only unknown credits could reach the credits", () => {
    const someUnknown = redactionWith(["known", "unknown", "inferred"], ["known", "unknown"]);
    fc.assert(
      fc.property(syntheticSpec, someUnknown, (spec, hide) => {
        const q = compileQualification(buildSynthetic(spec, hide));
        // Fewest units (synthetic units have no GLH, so every unit would cost nothing).
        const inp: PlanInput = { have: [], keep: [], avoid: [], objective: "units", relevant: new Set() };
        const result = planCompletion(q, inp, solver);
        const mandatory = new Set(
          q.rules.flatMap((r) => (r.rule === "mandatory" ? r.units.map((k) => q.byKey.get(k) ?? -1) : [])),
        );
        const unknownOptional = (i: number) => !mandatory.has(i) && !Number.isFinite(q.units[i]?.credits.max);
        // Every acceptable selection, and whether one avoids optional units of unknown credit value.
        let anyAcceptable = false;
        let withoutUnknowns = false;
        for (let mask = 0; mask < 1 << q.units.length; mask++) {
          const chosen = q.units.map((u) => u.index).filter((i) => (mask >> i) & 1);
          if (!acceptable(q, chosen, inp)) continue;
          anyAcceptable = true;
          if (!chosen.some(unknownOptional)) withoutUnknowns = true;
        }
        if (result.status === "planned") {
          expect(result.plan?.detail.some((d) => unknownOptional(q.byKey.get(d.unit) ?? -1))).toBe(false);
          expect(withoutUnknowns).toBe(true);
        }
        if (result.status === "undetermined") {
          expect(withoutUnknowns).toBe(false);
          expect(result.undetermined?.rules.length).toBeGreaterThan(0);
          expect(result.reason).toMatch(/^Our sources do not give enough credit values/);
        }
        if (result.status === "infeasible") expect(anyAcceptable).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("never returns a plan the rules engine rejects, on every real qualification", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUALIFICATIONS_WITH_UNITS).chain((id) => {
          const n = engine(id).units.length;
          return fc.record({
            id: fc.constant(id),
            have: subset(n),
            avoid: subset(n),
            objective: fc.constantFrom(...OBJECTIVES),
          });
        }),
        (c) => {
          const q = engine(c.id);
          const result = planCompletion(
            q,
            { have: c.have, keep: [], avoid: c.avoid, objective: c.objective, relevant: new Set() },
            solver,
          );
          if (result.status !== "planned") {
            expect(result.reason).toBeTruthy();
            return;
          }
          for (const plan of [result.plan, ...result.alternatives]) {
            const again = checkSelection(q, plan?.detail.map((d) => q.byKey.get(d.unit) ?? -1) ?? []);
            expect(again.verdict).not.toBe("invalid");
            expect(plan?.verdict).toBe(again.verdict);
          }
          for (const i of c.have)
            expect(result.plan?.detail.some((d) => d.unit === q.units[i]?.key)).toBe(true);
          // Missing facts the plan relies on are exactly what keeps it from being valid.
          expect(result.verdict === "unconfirmed").toBe(result.reliesOn.length > 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("completion planner on real qualifications (hand-worked)", () => {
  it("OCR 10265, fewest GLH from nothing: units 1, 2, 4, 5, 6, 9 and 16, 93 GLH, 28 credits", () => {
    // Group A (1: 15 GLH, 2: 9 GLH) is mandatory. Group B's cheapest credit is 4 (5 cr, 12 GLH), 6 (4, 12),
    // 5 and 9 (5, 15 each): 19 credits for 54 GLH, covering its 12 and 7 of the 10 more. The last 3 credits
    // cost least as unit 16 (3 cr, 15 GLH); unit 7 (4 cr, 18 GLH) is the next best. 24 + 54 + 15 = 93.
    const r = planCompletion(engine("ocr-10265"), input(engine("ocr-10265")), solver);
    expect(r.status).toBe("planned");
    expect(r.plan?.detail.map((d) => d.unit)).toEqual(["1", "2", "4", "5", "6", "9", "16"]);
    expect(r.totalGlh).toEqual({ min: 93, max: 93 });
    expect(r.totalCredits).toEqual({ min: 28, max: 28 });
    expect(r.units).toEqual([
      "T/503/0342",
      "D/503/0352",
      "K/503/0385",
      "L/503/0394",
      "H/503/0403",
      "J/503/0426",
      "H/600/9660",
    ]);
    // Unit levels are in no source: the plan is honestly unconfirmed, and says what it relies on.
    expect(r.verdict).toBe("unconfirmed");
    expect(r.reliesOn).toContain("level of unit 16 (Develop working relationships with colleagues)");
    expect(r.alternatives[0]?.detail.map((d) => d.unit)).toEqual(["1", "2", "4", "5", "6", "7", "9"]);
    expect(r.alternatives[0]?.totalGlh).toEqual({ min: 96, max: 96 });
  });

  it("OCR 10265, fewest units: 6 units (two mandatory, then 7 + 5 credits in B and the biggest of the rest)", () => {
    const r = planCompletion(engine("ocr-10265"), input(engine("ocr-10265"), { objective: "units" }), solver);
    expect(r.plan?.detail).toHaveLength(6);
    expect(r.totalCredits?.min).toBeGreaterThanOrEqual(28);
  });

  it("completes what the learner holds, adding only what is missing", () => {
    const q = engine("ocr-10265");
    const r = planCompletion(q, input(q, { have: ["1", "2", "8", "15"] }), solver);
    expect(r.plan?.detail.filter((d) => d.held).map((d) => d.unit)).toEqual(["1", "2", "8", "15"]);
    // Held: A 6, B 7, C 8 = 21. B needs 5 more (unit 4: 5 credits, 12 GLH) and the total 2 more after that.
    expect(r.plan?.added).toContain("4");
    expect(r.totalCredits?.min).toBeGreaterThanOrEqual(28);
  });

  it("keeps units that must stay and leaves out units to avoid", () => {
    const q = engine("ocr-10265");
    const r = planCompletion(q, input(q, { keep: ["8"], avoid: ["4", "16"] }), solver);
    const units = r.plan?.detail.map((d) => d.unit) ?? [];
    expect(units).toContain("8");
    expect(units).not.toContain("4");
    expect(units).not.toContain("16");
  });

  it("says why no completion exists when both units of a barred pair must stay, and the smallest fix", () => {
    const q = engine("ocr-10265");
    const r = planCompletion(q, input(q, { have: ["10", "18"] }), solver);
    expect(r.status).toBe("infeasible");
    expect(r.reason).toContain("are barred");
    expect(r.reason).toContain("both must stay");
    expect(r.fix?.drop).toHaveLength(1);
    expect(["10", "18"]).toContain(r.fix?.drop[0]);
    const fixed = planCompletion(
      q,
      input(q, { have: ["10", "18"].filter((u) => u !== r.fix?.drop[0]) }),
      solver,
    );
    expect(fixed.status).toBe("planned");
  });

  it("says why when the known credits cannot reach a rule, and which avoided unit to allow", () => {
    const q = engine("ocr-10265");
    const r = planCompletion(q, input(q, { avoid: ["3", "4", "5", "6", "7", "8"] }), solver);
    expect(r.status).toBe("infeasible");
    expect(r.reason).toContain("credits from Group B: you have 5, 12 needed");
    expect(r.fix?.allow).toEqual(["8"]);
  });

  it("refuses to avoid a mandatory unit", () => {
    const q = engine("iq-600-5106-1");
    const r = planCompletion(q, input(q, { avoid: ["T/503/0342"] }), solver);
    expect(r.status).toBe("infeasible");
    expect(r.reason).toContain("is mandatory");
    expect(r.fix?.allow).toEqual(["T/503/0342"]);
  });

  it("plans the qualifications whose credit values are known, and says what is missing for the others", () => {
    const planned = ["iq-600-5106-1", "ocr-10265"];
    for (const id of QUALIFICATIONS_WITH_UNITS) {
      const r = planCompletion(engine(id), input(engine(id)), solver);
      if (planned.includes(id)) {
        expect(r.status, id).toBe("planned");
        expect(r.verdict, id).not.toBe("invalid");
        continue;
      }
      // OCR 10266-10269: most unit credit values are in no source, so no plan is shown (never one padded
      // with every unit, nor one resting on a guess): the mandatory units, the rules and what is missing.
      expect(r.status, id).toBe("undetermined");
      expect(r.plan, id).toBeNull();
      expect(r.undetermined?.mandatory.length, id).toBeGreaterThan(0);
      expect(r.undetermined?.missingFacts.length, id).toBeGreaterThan(0);
      expect(r.reason, id).toMatch(/the awarding body's handbook gives them/);
    }
    const l3 = planCompletion(engine("ocr-10268"), input(engine("ocr-10268")), solver);
    // Group B: units 7, 13 and 16 (5 + 5 + 7 credits) are the only ones with known credit values.
    expect(l3.undetermined?.rules.find((x) => x.ruleId === "group-b")).toMatchObject({
      need: 21,
      knownAtMost: 17,
    });
    expect(l3.undetermined?.mandatory).toEqual(["1", "2"]);
  });

  it("IQ 600/5106/1: no selection is cheaper than the plan, by exhaustive search over every cheaper selection (unknown levels included)", () => {
    const q = engine("iq-600-5106-1");
    for (const have of [[], ["K/503/0421"], ["Y/502/4291", "D/502/4292"]]) {
      const inp = input(q, { have });
      const r = planCompletion(q, inp, solver);
      const plan = r.plan;
      if (!plan) throw new Error(`no plan with ${have.join(", ")}`);
      expect(
        acceptable(
          q,
          plan.detail.map((d) => q.byKey.get(d.unit) ?? -1),
          inp,
        ),
        have.join(","),
      ).toBeDefined();
      expect(cheapestBelow(q, inp, plan.cost), have.join(",")).toBeUndefined();
    }
  });

  it("IQ 600/5106/1, fewest GLH: the register's 93-GLH minimum, not 13 hours more for a unit of stated level", () => {
    const q = engine("iq-600-5106-1");
    const r = planCompletion(q, input(q), solver);
    expect(r.status).toBe("planned");
    expect(r.totalGlh).toEqual({ min: 93, max: 93 });
    expect(r.totalCredits).toEqual({ min: 28, max: 28 });
    expect([...(r.plan?.units ?? [])].sort()).toEqual(
      [
        "T/503/0342",
        "D/503/0352",
        "K/503/0385",
        "H/503/0403",
        "L/503/0394",
        "J/503/0426",
        "H/600/9660",
      ].sort(),
    );
    // Unconfirmed either way (unit levels are in no source): no "surest" plan worth 13 more hours.
    expect(r.verdict).toBe("unconfirmed");
    expect(r.surest).toBeNull();
    const held = planCompletion(q, input(q, { have: ["K/503/0421"] }), solver);
    expect(held.totalGlh).toEqual({ min: 106, max: 106 });
    expect(held.plan?.detail.find((d) => d.unit === "K/503/0421")?.held).toBe(true);
  });

  it("keeps only one unit of each IQ barred set (the second would not count)", () => {
    const q = engine("iq-600-5106-1");
    const r = planCompletion(q, input(q, { objective: "units" }), solver);
    const sets = q.rules.filter((x) => x.rule === "barred");
    for (const set of sets) {
      if (set.rule !== "barred") continue;
      expect(set.units.filter((u) => r.plan?.detail.some((d) => d.unit === u)).length).toBeLessThanOrEqual(1);
    }
  });
});

describe("planner: where credit values are missing (persona review 1, W7)", () => {
  it("never calls units of unknown credit 'known': held ones are counted at least 1 each, and named", () => {
    const q = engine("ocr-10267");
    const r = planCompletion(q, input(q, { have: ["11", "12"] }), solver);
    expect(r.status).toBe("undetermined");
    const total = r.undetermined?.rules.find((x) => x.ruleId === "total");
    expect(total?.countedUnknown).toEqual(expect.arrayContaining(["11", "12"]));
    // The known values alone: the stated unit 10 (3 credits) and the mandatory group's bounds.
    expect(r.reason).toMatch(
      /units 1?1?[, 0-9]*11, 12[, 0-9]* \(credit values not in our sources\) at least 1 each/,
    );
  });
});
