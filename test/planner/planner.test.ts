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
import { engine, QUALIFICATIONS_WITH_UNITS } from "../helpers.ts";
import { buildSynthetic, type SyntheticSpec, syntheticSpec } from "../rules/synthetic.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

const input = (
  q: EngineQualification,
  opts: Partial<Record<"have" | "keep" | "avoid", string[]>> & { objective?: Objective } = {},
): PlanInput => ({
  have: resolveUnits(q, opts.have ?? []),
  keep: resolveUnits(q, opts.keep ?? []),
  avoid: resolveUnits(q, opts.avoid ?? []),
  objective: opts.objective ?? "glh",
  relevant: new Set(),
});

/** The cheapest valid completion by trying every subset of units (only for small qualifications). */
function exhaustive(q: EngineQualification, inp: PlanInput): number | undefined {
  const n = q.units.length;
  const forced = new Set([...inp.have, ...inp.keep]);
  const avoid = new Set(inp.avoid.filter((i) => !forced.has(i)));
  const have = new Set(inp.have);
  let best: number | undefined;
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
    if (!ok || (best !== undefined && cost >= best)) continue;
    if (checkSelection(q, chosen).verdict === "valid") best = cost;
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

describe("completion planner: exact", () => {
  it("finds the same optimum as exhaustive search on small random qualifications, or proves there is none", () => {
    fc.assert(
      fc.property(plannerCase, (c) => {
        const q = compileQualification(buildSynthetic(c.spec));
        const inp: PlanInput = {
          have: c.have,
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
          expect(result.plan?.cost).toBe(expected);
          for (const alt of result.alternatives) {
            expect(alt.verdict).toBe("valid");
            expect(alt.cost).toBeGreaterThanOrEqual(expected);
          }
        }
      }),
      { numRuns: 250 },
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
          if (result.status === "infeasible") {
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

  it("plans every qualification with a unit list", () => {
    for (const id of QUALIFICATIONS_WITH_UNITS) {
      const r = planCompletion(engine(id), input(engine(id)), solver);
      expect(r.status, id).toBe("planned");
      expect(r.verdict, id).not.toBe("invalid");
    }
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
