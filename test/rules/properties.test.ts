import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSelection, compileQualification, type EngineQualification } from "../../src/rules/index.ts";
import type { CheckResult } from "../../src/rules/result.ts";
import { engine, QUALIFICATIONS_WITH_UNITS } from "../helpers.ts";
import { buildSynthetic, redaction, type SyntheticSpec, syntheticSpec } from "./synthetic.ts";

const RUNS = { numRuns: 300 };

/**
 * A qualification (a real one by id, or a synthetic spec) and a selection of its units with repeats in any
 * order. The arbitrary yields the description, not the compiled model, so counterexamples stay readable.
 */
type Subject = { real: string } | { synthetic: SyntheticSpec };
const compiled = new WeakMap<object, EngineQualification>();
function model(s: Subject): EngineQualification {
  if ("real" in s) return engine(s.real);
  let q = compiled.get(s.synthetic);
  if (!q) {
    q = compileQualification(buildSynthetic(s.synthetic));
    compiled.set(s.synthetic, q);
  }
  return q;
}
const unitCount = (s: Subject) => ("real" in s ? engine(s.real).units.length : s.synthetic.groups.length);
const withSelection = (s: Subject) =>
  fc.tuple(
    fc.constant(model(s)),
    fc.array(fc.integer({ min: 0, max: unitCount(s) - 1 }), { maxLength: unitCount(s) + 4 }),
  );

const realSubject: fc.Arbitrary<Subject> = fc
  .constantFrom(...QUALIFICATIONS_WITH_UNITS)
  .map((real) => ({ real }));
const syntheticSubject: fc.Arbitrary<Subject> = syntheticSpec.map((synthetic) => ({ synthetic }));
const qualificationAndSelection = fc
  .oneof(realSubject, syntheticSubject)
  .chain((s) => fc.tuple(fc.constant(s), withSelection(s)))
  .map(([, qs]) => qs);

const mandatoryMissing = (r: CheckResult) =>
  new Set(r.violations.filter((v) => v.rule === "mandatory").flatMap((v) => v.units));
const withoutDuplicateWarnings = (r: CheckResult) => ({
  ...r,
  warnings: r.warnings.filter((w) => w.code !== "duplicate"),
});

describe("rules engine invariants (fast-check)", () => {
  it("the verdict is invalid exactly when some rule fails for certain, valid exactly when all hold", () => {
    fc.assert(
      fc.property(qualificationAndSelection, ([q, sel]) => {
        const r = checkSelection(q, sel);
        expect(r.verdict === "invalid").toBe(r.violations.length > 0);
        expect(r.violations).toEqual(r.rules.filter((o) => o.status === "fails"));
        expect(r.verdict === "valid").toBe(r.rules.every((o) => o.status === "holds"));
        expect(r.verdict === "unconfirmed").toBe(r.missingFacts.length > 0 && r.violations.length === 0);
      }),
      RUNS,
    );
  });

  it("adding a unit never creates a mandatory violation", () => {
    fc.assert(
      fc.property(
        qualificationAndSelection.chain(([q, sel]) =>
          fc.tuple(fc.constant(q), fc.constant(sel), fc.integer({ min: 0, max: q.units.length - 1 })),
        ),
        ([q, sel, extra]) => {
          const before = mandatoryMissing(checkSelection(q, sel));
          const after = mandatoryMissing(checkSelection(q, [...sel, extra]));
          for (const u of after) expect(before.has(u)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("adding a unit in no barred set and no capped group never turns a valid selection invalid", () => {
    fc.assert(
      fc.property(
        qualificationAndSelection.chain(([q, sel]) =>
          fc.tuple(fc.constant(q), fc.constant(sel), fc.integer({ min: 0, max: q.units.length - 1 })),
        ),
        ([q, sel, extra]) => {
          const u = q.units[extra];
          if (!u) return;
          const barred = q.rules.some((r) => r.rule === "barred" && r.units.includes(u.key));
          const capped = q.rules.some((r) => r.rule === "groupUnits" && r.group === u.group);
          fc.pre(!barred && !capped);
          const before = checkSelection(q, sel).verdict;
          const after = checkSelection(q, [...sel, extra]).verdict;
          if (before === "valid") expect(after).toBe("valid");
          if (before !== "invalid") expect(after).not.toBe("invalid");
        },
      ),
      RUNS,
    );
  });

  it("does not depend on the order or repetition of the units given", () => {
    fc.assert(
      fc.property(
        qualificationAndSelection.chain(([q, sel]) =>
          fc.tuple(
            fc.constant(q),
            fc.constant(sel),
            fc.shuffledSubarray([...sel, ...sel], { minLength: sel.length * 2 }),
          ),
        ),
        ([q, sel, shuffledTwice]) => {
          const a = withoutDuplicateWarnings(checkSelection(q, sel));
          const b = withoutDuplicateWarnings(checkSelection(q, shuffledTwice));
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("reasons soundly with unknowns: what it proves or refutes on partial facts is true of the full facts", () => {
    fc.assert(
      fc.property(syntheticSpec, redaction, fc.array(fc.nat(), { maxLength: 14 }), (spec, hide, picks) => {
        const full = compileQualification(buildSynthetic(spec));
        const partial = compileQualification(buildSynthetic(spec, hide));
        const sel = picks.map((p) => p % full.units.length);
        const truth = checkSelection(full, sel);
        const guess = checkSelection(partial, sel);
        // The full facts are all stated, so the truth is never unconfirmed.
        expect(truth.verdict).not.toBe("unconfirmed");
        if (guess.verdict !== "unconfirmed") expect(guess.verdict).toBe(truth.verdict);
        // Where only some units can count, each side judges its own most favourable choice of counted
        // units, which partial facts may make differ; rule by rule, the statuses compare when they agree.
        const sameCounting =
          JSON.stringify(guess.units.map((u) => u.counted)) ===
          JSON.stringify(truth.units.map((u) => u.counted));
        if (!sameCounting) return;
        guess.rules.forEach((o, i) => {
          if (o.status !== "unknown")
            expect(o.status, `${o.ruleId}: ${o.message}`).toBe(truth.rules[i]?.status);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("a fix that says it covers a shortfall does mend that rule, on real, synthetic and partly known qualifications", () => {
    const redacted = fc
      .tuple(syntheticSpec, redaction)
      .map(([spec, hide]) => compileQualification(buildSynthetic(spec, hide)))
      .chain((q) =>
        fc.tuple(
          fc.constant(q),
          fc.array(fc.integer({ min: 0, max: q.units.length - 1 }), { maxLength: 12 }),
        ),
      );
    fc.assert(
      fc.property(fc.oneof(qualificationAndSelection, redacted), ([q, sel]) => {
        const r = checkSelection(q, sel);
        for (const v of r.violations) {
          if (!v.fixAction?.covers || v.fixAction.add.length === 0) continue;
          const added = v.fixAction.add.map((k) => q.byKey.get(k) ?? -1);
          const after = checkSelection(q, [...sel, ...added]);
          expect(after.rules.find((o) => o.ruleId === v.ruleId)?.status, `${v.ruleId}: ${v.fix}`).toBe(
            "holds",
          );
        }
      }),
      RUNS,
    );
  });
});
