import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import {
  checkSelection,
  compileQualification,
  NoUnitListError,
  resolveUnits,
  UnitInputError,
} from "../../src/rules/index.ts";
import type { CheckResult } from "../../src/rules/result.ts";
import { check, engine, range } from "../helpers.ts";

const outcome = (r: CheckResult, ruleId: string) => {
  const o = r.rules.find((x) => x.ruleId === ruleId);
  if (!o) throw new Error(`no rule ${ruleId}`);
  return o;
};
const violationIds = (r: CheckResult) => r.violations.map((v) => v.ruleId);

// A selection of the L2 NVQ that satisfies every credit rule: A (6) + B 4, 8 (12) + C 11, 25 (11) = 29 credits.
const L2_NVQ_GOOD = ["1", "2", "4", "8", "11", "25"];

describe("mandatory", () => {
  it("fails when a mandatory unit is missing, naming it and the fix", () => {
    const r = check("ocr-10265", ["1", "4", "8", "11", "25", "27"]);
    const o = outcome(r, "mandatory-a");
    expect(o.status).toBe("fails");
    expect(o.units).toEqual(["2"]);
    expect(o.message).toContain("Comply with health and safety procedures in a contact centre");
    expect(o.fix).toMatch(/^Add unit 2 /);
    expect(o.wording).toBe("6 credits from Group A");
    expect(r.verdict).toBe("invalid");
  });

  it("holds when every mandatory unit is there", () => {
    expect(outcome(check("ocr-10266", ["1", "2", "3"]), "mandatory-a").status).toBe("holds");
  });
});

describe("totalCredits and groupCredits", () => {
  it("reports have, need and short by, with a fix from the right group", () => {
    const r = check("ocr-10265", ["1", "2", "4", "8"]);
    const total = outcome(r, "total");
    expect(total.status).toBe("fails");
    expect(total.have).toEqual({ min: 18, max: 18 });
    expect(total.need).toBe(28);
    expect(total.shortBy).toEqual({ min: 10, max: 10 });
    expect(total.message).toContain("short by 10");
    const more = outcome(r, "group-bcd");
    expect(more.status).toBe("fails");
    // Group B has 12, exactly its own minimum, so nothing is left over for the "10 more" rule.
    expect(more.have).toEqual({ min: 0, max: 0 });
    expect(more.fix).toMatch(/from Groups B, C or D/);
    expect(outcome(r, "group-b").status).toBe("holds");
  });

  it("counts Group B credit above its own minimum towards the 'more from B, C or D' rule", () => {
    // B: 4 (5) + 5 (5) + 8 (7) + 9 (5) = 22, so 10 of it is beyond the 12.
    const r = check("ocr-10265", ["1", "2", "4", "5", "8", "9"]);
    expect(outcome(r, "group-bcd").have).toEqual({ min: 10, max: 10 });
    expect(outcome(r, "group-bcd").status).toBe("holds");
    expect(outcome(r, "total").have).toEqual({ min: 28, max: 28 });
  });

  it("fixes a Group B shortfall with the smallest unit that covers it", () => {
    // B has only unit 3 (4 credits): short by 8; unit 8 (7) does not cover it alone, none does, so a set is proposed.
    const r = check("ocr-10265", ["1", "2", "3"]);
    const o = outcome(r, "group-b");
    expect(o.shortBy).toEqual({ min: 8, max: 8 });
    expect(o.fix).toContain("unit 8");
    // Short by 3 in Group B: the smallest covering unit is a 4-credit one, not unit 8 (7).
    const r2 = check("ocr-10265", ["1", "2", "4", "9"]);
    const o2 = outcome(r2, "group-b");
    expect(o2.shortBy).toEqual({ min: 2, max: 2 });
    expect(o2.fix).toMatch(/Add 2 more credits from Group B, e\.g\. unit 3 .*\(4 credits\)/);
  });
});

describe("levelCredits", () => {
  it("cannot confirm 'at Level 2' without unit levels, and says which facts are missing", () => {
    const r = check("ocr-10265", L2_NVQ_GOOD);
    expect(r.verdict).toBe("unconfirmed");
    const o = outcome(r, "level");
    expect(o.status).toBe("unknown");
    expect(r.missingFacts).toContain("level of unit 4 (Deliver customer service through a contact centre)");
    expect(r.levelReading).toMatchObject({ value: "atOrAbove", proven: false });
  });

  it("fails for certain when even every unknown level at Level 3 could not reach the credits", () => {
    const r = check("ocr-10268", ["1", "2", "7", "16"]);
    const o = outcome(r, "level");
    expect(o.status).toBe("fails");
    expect(o.have).toEqual({ min: 0, max: 18 });
    expect(o.shortBy).toEqual({ min: 5, max: 23 });
  });

  it("uses a stated level: unit 10 of the L3 Principles is Level 3, 3 credits", () => {
    const r = check("ocr-10267", ["10"]);
    expect(r.totals.atLevel?.credits).toEqual({ min: 3, max: 3 });
  });
});

describe("barred (OCR: either, but not both)", () => {
  const pairs: [string, string, string][] = [
    ["ocr-10265", "10", "18"],
    ["ocr-10265", "32", "34"],
    ["ocr-10265", "33", "35"],
    ["ocr-10265", "36", "37"],
    ["ocr-10265", "38", "39"],
    ["ocr-10266", "4", "5"],
    ["ocr-10266", "6", "8"],
    ["ocr-10266", "7", "9"],
    ["ocr-10267", "4", "5"],
    ["ocr-10267", "6", "8"],
    ["ocr-10267", "7", "9"],
    ["ocr-10267", "12", "13"],
    ["ocr-10268", "20", "36"],
  ];
  it.each(pairs)("%s: units %s and %s together break the rule, with the fix", (id, a, b) => {
    const r = check(id, [a, b]);
    const v = r.violations.find((x) => x.rule === "barred");
    expect(v?.units.sort()).toEqual([a, b].sort());
    expect(v?.message).toMatch(/either, but not both/);
    expect(v?.fix).toMatch(new RegExp(`^Drop unit (${a}|${b}) .* or unit (${a}|${b}) `));
    expect(v?.wording).toMatch(/but not both/);
    expect(r.verdict).toBe("invalid");
    // Either one alone is fine as far as that rule goes.
    expect(check(id, [a]).violations.some((x) => x.rule === "barred")).toBe(false);
  });

  it("lists every broken rule at once, not just the first", () => {
    const r = check("ocr-10265", ["10", "18", "32", "34", "38", "39"]);
    expect(violationIds(r)).toEqual(
      expect.arrayContaining([
        "mandatory-a",
        "total",
        "group-b",
        "barred-10-18",
        "barred-32-34",
        "barred-38-39",
      ]),
    );
  });
});

describe("barred (IQ: no more than one unit of a set may be taken; of two already held, only one counts)", () => {
  const sets: [string, string, string, number][] = [
    ["C1", "L/601/1225", "F/502/4396", 5],
    ["C2", "J/502/4299", "M/502/4300", 3],
    ["C3", "A/502/4378", "F/502/4379", 4],
    ["C4", "T/502/4296", "A/502/4297", 4],
    ["C5", "Y/502/4291", "D/502/4292", 2],
  ];
  it.each(sets)("set %s: choosing both breaks the rule, with the fix to drop one", (set, a, b) => {
    const both = check("iq-600-5106-1", [a, b]);
    const v = outcome(both, `barred-${set.toLowerCase()}`);
    expect(v.status).toBe("fails");
    expect(v.wording).toBe("learners are not allowed to take more than one unit of a barred set");
    expect(v.message).toContain(`barred set (set ${set})`);
    expect(v.fix).toMatch(/^Drop .* keep only one\.$/);
    expect(v.fixAction?.drop).toHaveLength(1);
    expect(both.verdict).toBe("invalid");
    // Either one alone is fine as far as that rule goes.
    expect(outcome(check("iq-600-5106-1", [a]), `barred-${set.toLowerCase()}`).status).toBe("holds");
  });

  it.each(sets)("set %s: both already held stand, but only the more favourable counts", (set, a, b, best) => {
    const q = engine("iq-600-5106-1");
    const both = checkSelection(q, [], { held: resolveUnits(q, [a, b]) });
    expect(outcome(both, `barred-${set.toLowerCase()}`).status).toBe("holds");
    expect(both.units.filter((u) => u.counted)).toHaveLength(1);
    expect(both.units.every((u) => u.held)).toBe(true);
    expect(both.units.find((u) => u.counted)?.credits.min).toBe(best);
    expect(both.totals.credits).toEqual({ min: best, max: best });
    expect(
      both.warnings.some((w) => w.code === "notCounted" && w.message.includes(`barred set ${set}`)),
    ).toBe(true);
    // Held one, taking the other: not allowed.
    const taking = checkSelection(q, resolveUnits(q, [b]), { held: resolveUnits(q, [a]) });
    const v = outcome(taking, `barred-${set.toLowerCase()}`);
    expect(v.status).toBe("fails");
    expect(v.fixAction?.drop).toEqual([b]);
    expect(v.fix).toContain("which you already hold");
  });

  it("counts the same unit of a held set for every rule: D/502/4292 (Level 2, stated) over Y/502/4291", () => {
    const q = engine("iq-600-5106-1");
    const r = checkSelection(q, [], { held: resolveUnits(q, ["Y/502/4291", "D/502/4292"]) });
    expect(r.units.filter((u) => u.counted).map((u) => u.unit)).toEqual(["D/502/4292"]);
    expect(r.totals.credits).toEqual({ min: 2, max: 2 });
    // Its stated level makes its 2 credits count at Level 2, and the credits are those of the same unit.
    expect(r.totals.atLevel?.credits).toEqual({ min: 2, max: 2 });
    expect(r.warnings.find((w) => w.code === "notCounted")?.units).toEqual(["Y/502/4291"]);
  });
});

describe("groupUnits (OCR 10265: no more than 2 Group D units count)", () => {
  it("stops counting a third Group D unit, keeping the two most favourable, with a warning", () => {
    const r = check("ocr-10265", [...L2_NVQ_GOOD, "32", "33", "38"]);
    const cap = outcome(r, "group-d-cap");
    expect(cap.status).toBe("holds");
    const notCounted = r.units.filter((u) => !u.counted).map((u) => u.unit);
    // 33 is 3–4 credits, 32 is 2–3, 38 is exactly 2: 38 is the one that stops counting.
    expect(notCounted).toEqual(["38"]);
    expect(r.totals.byGroup.D).toEqual({ min: 5, max: 7 });
    expect(r.warnings.some((w) => w.units.includes("38") && /Only 2 units of Group D/.test(w.message))).toBe(
      true,
    );
    expect(r.violations).toEqual([]);
  });
});

describe("bounded unknowns", () => {
  it("a fix only claims to cover a shortfall it settles for certain (OCR 10265 units 1 2 4 8 32 33 36 38)", () => {
    // Total 24–26 (the two counted Group D units are 3–4 each): 2 more might do, 4 settle it.
    const q = engine("ocr-10265");
    const sel = resolveUnits(q, ["1", "2", "4", "8", "32", "33", "36", "38"]);
    const r = checkSelection(q, sel);
    const total = outcome(r, "total");
    expect(total.have).toEqual({ min: 24, max: 26 });
    expect(total.fix).toMatch(/^Add at least 2 more credits \(4 to be sure/);
    const added = total.fixAction?.add.map((k) => q.byKey.get(k) ?? -1) ?? [];
    expect(total.fixAction?.covers).toBe(true);
    expect(outcome(checkSelection(q, [...sel, ...added]), "total").status).toBe("holds");
  });

  it("bounds the level rule by a group's stated total: OCR 10266 units 1 2 3 (7 credits) cannot give 10 at Level 2", () => {
    const r = check("ocr-10266", ["1", "2", "3"]);
    const level = outcome(r, "level");
    expect(level.have).toEqual({ min: 0, max: 7 });
    expect(level.status).toBe("fails");
  });

  it("reasons with the bounds of a unit that is one of two (2 or 3 credits)", () => {
    const r = check("ocr-10265", ["32"]);
    expect(r.totals.credits).toEqual({ min: 2, max: 3 });
    expect(outcome(r, "total").have).toEqual({ min: 2, max: 3 });
  });

  it("confirms a rule from bounds when every possible value satisfies it, fails it when none does", () => {
    // 6 + 12 + unit 11 (5) = 23, + unit 36 (3 or 4) = 26 or 27: short whichever unit 36 is.
    const short = check("ocr-10265", ["1", "2", "4", "8", "11", "36"]);
    expect(outcome(short, "total").have).toEqual({ min: 26, max: 27 });
    expect(outcome(short, "total").status).toBe("fails");
    expect(outcome(short, "total").shortBy).toEqual({ min: 1, max: 2 });
    // Adding unit 32 (2 or 3): 28 to 30, enough whichever units they are.
    const enough = check("ocr-10265", ["1", "2", "4", "8", "11", "36", "32"]);
    expect(outcome(enough, "total").have).toEqual({ min: 28, max: 30 });
    expect(outcome(enough, "total").status).toBe("holds");
  });

  it("leaves a rule unconfirmed when only some values satisfy it, naming the missing fact", () => {
    // 6 + 12 + unit 25 (6) = 24, + unit 33 (3 or 4) = 27 or 28: enough only if unit 33 is the 4-credit unit.
    const r = check("ocr-10265", ["1", "2", "4", "8", "25", "33"]);
    const total = outcome(r, "total");
    expect(total.have).toEqual({ min: 27, max: 28 });
    expect(total.status).toBe("unknown");
    expect(total.missingFacts).toEqual(["credit value of unit 33 (Using collaborative technologies)"]);
    expect(r.violations).toEqual([]);
    expect(r.verdict).toBe("unconfirmed");
  });

  it("uses a group's stated total when its units' credits are unknown", () => {
    // OCR 10266 Group A is 7 credits in all; no unit's own value is known.
    const all = check("ocr-10266", ["1", "2", "3"]);
    expect(all.totals.byGroup.A).toEqual({ min: 7, max: 7 });
    const one = check("ocr-10266", ["1"]);
    expect(one.totals.byGroup.A).toEqual({ min: 1, max: 5 });
    expect(outcome(one, "total").status).toBe("fails");
    expect(outcome(check("ocr-10266", ["1", "2", "3", "4", "6", "7"]), "total").status).toBe("unknown");
  });

  it("derives L3 NVQ unit 2 from the Group A total (6) less unit 1 (2)", () => {
    expect(check("ocr-10268", ["2"]).totals.credits).toEqual({ min: 4, max: 4 });
  });

  it("any unit is worth at least 1 credit: enough unknown units can prove a minimum", () => {
    const r = check("ocr-10269", [...range(3, 22)]);
    expect(outcome(r, "group-b").have?.min).toBe(20);
  });
});

describe("the three verdicts", () => {
  it("invalid, unconfirmed — and valid only when every fact is proven (a centre's handbook)", () => {
    expect(check("ocr-10265", ["1"]).verdict).toBe("invalid");
    expect(check("ocr-10265", L2_NVQ_GOOD).verdict).toBe("unconfirmed");
    const local = loadCatalogue({ overridesDir: join(import.meta.dirname, "..", "fixtures", "overrides") });
    const e = local.entries.get("ocr-10266");
    if (e?.type !== "qualification") throw new Error("missing");
    const q = compileQualification(e);
    const r = checkSelection(q, resolveUnits(q, ["1", "2", "3", "4", "6", "7"]));
    expect(r.verdict).toBe("valid");
    expect(r.missingFacts).toEqual([]);
    expect(r.localFacts).toContain(
      "credits of unit 4 (Principles of using systems and technology in a contact centre) (local: ocr-10266-handbook.json)",
    );
    expect(r.localFacts.some((f) => f.startsWith("reading of the level rule"))).toBe(true);
    // The same units against the shipped data alone stay unconfirmed.
    expect(check("ocr-10266", ["1", "2", "3", "4", "6", "7"]).verdict).toBe("unconfirmed");
  });

  it("inferred facts never make a verdict valid: inferred IT levels stay unconfirmed", () => {
    const good = [
      "T/503/0342",
      "D/503/0352",
      "K/503/0385",
      "K/503/0421",
      "M/601/1511",
      "D/601/1553",
      "M/502/4300",
    ];
    const r = check("iq-600-5106-1", good);
    expect(r.violations).toEqual([]);
    expect(r.verdict).toBe("unconfirmed");
    expect(r.missingFacts).toContain("level of M/502/4300 (Using Email) (only inferred: Level 2)");
  });
});

describe("unit input", () => {
  it("accepts the unit number, the QCF reference in any case and the exact title in any case", () => {
    const byNumber = check("ocr-10265", ["4"]);
    const byRef = check("ocr-10265", ["k/503/0385"]);
    const byTitle = check("ocr-10265", ["DELIVER customer service through a contact centre"]);
    expect(byNumber.units.map((u) => u.unit)).toEqual(["4"]);
    expect(byRef).toEqual(byNumber);
    expect(byTitle).toEqual(byNumber);
    expect(check("iq-600-5106-1", ["k/503/0385"]).units[0]?.title).toBe(
      "Deliver customer service through a contact centre",
    );
  });

  it("names the nearest matches for an unknown unit, reporting every bad input at once", () => {
    try {
      check("ocr-10265", ["99", "Bespoke sofware", "Z/999/9999"]);
      throw new Error("expected an error");
    } catch (error) {
      expect(error).toBeInstanceOf(UnitInputError);
      const e = error as UnitInputError;
      expect(e.problems.map((p) => p.problem)).toEqual(["unknown", "unknown", "unknown"]);
      expect(e.problems[0]?.message).toContain("numbered 1 to 39");
      expect(e.problems[1]?.suggestions[0]).toBe("unit 18 (Bespoke software)");
    }
  });

  it("refuses to guess which unit an ambiguous reference or title means", () => {
    const q = engine("ocr-10265");
    expect(() => resolveUnits(q, ["J/502/4299"])).toThrow(
      /could be unit 32 \(Using email\) or unit 34 \(Using email\)/,
    );
    expect(() => resolveUnits(q, ["using the internet"])).toThrow(/could be unit 36 .* or unit 37/);
  });

  it("explains that IQ prints no unit numbers", () => {
    expect(() => check("iq-600-5106-1", ["4"])).toThrow(/does not number its units/);
  });

  it("says so clearly when a qualification has no unit list", () => {
    for (const id of ["cg-600-1135-x", "cg-600-1136-1", "cg-600-1137-3", "cg-600-1138-5"]) {
      expect(() => check(id, ["1"])).toThrow(NoUnitListError);
    }
  });
});
