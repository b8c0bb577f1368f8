import { beforeAll, describe, expect, it } from "vitest";
import { creditTransfer, progressionGraph } from "../../src/advice/progression.ts";
import { parseDurationMonths } from "../../src/nlu/duration.ts";
import { loadSolver, type MilpSolver } from "../../src/planner/solver.ts";
import { resolveUnits } from "../../src/rules/index.ts";
import { catalogue, engine } from "../helpers.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

describe("progression graph", () => {
  it("is structured: edges between catalogue entries, each with its source, and the roles each leads to", () => {
    const g = progressionGraph(catalogue);
    expect(g.get("ocr-10265")?.next.map((e) => e.to)).toEqual(["ocr-10268"]);
    expect(g.get("ocr-10268")?.next.map((e) => e.to)).toEqual(["ocr-10269"]);
    expect(g.get("ocr-10266")?.next.map((e) => e.to)).toContain("ocr-10267");
    expect(g.get("iq-600-5106-1")?.next.map((e) => e.to)).toEqual([
      "ocr-10268",
      "cg-600-1136-1",
      "ocr-10267",
      "cg-600-1138-5",
    ]);
    expect(g.get("wales-cco-l2")?.next.map((e) => e.to)).toEqual(["wales-cco-l3"]);
    expect(g.get("ocr-10269")?.jobRoles).toContain("Senior Planner");
    for (const node of g.values()) {
      for (const e of node.next) {
        expect(g.has(e.to)).toBe(true);
        expect(e.source.quote.length).toBeGreaterThan(0);
        if (e.kind !== "stated") expect(e.because).toBeTruthy();
      }
    }
  });
});

describe("credit transfer", () => {
  it("L2 NVQ → L3 NVQ: names the units that count, by the same title in the suite, carries their credits, says why the rest cannot be planned", () => {
    const q = engine("ocr-10265");
    const r = creditTransfer(
      catalogue,
      "ocr-10265",
      resolveUnits(q, ["1", "2", "4", "5", "8", "25", "32"]),
      solver,
    );
    const l3 = r.next.find((n) => n.qualificationId === "ocr-10268");
    expect(l3?.counts.map((m) => [m.fromUnit.split(" (")[0], m.toUnit.split(" (")[0], m.basis])).toEqual([
      // The OCR Level 3 NVQ's references are derived by title (domain-facts §4): the title is the basis.
      ["unit 2", "unit 1", "same title in the suite"],
      ["unit 5", "unit 7", "same title in the suite"],
      ["unit 8", "unit 16", "same title in the suite"],
    ]);
    // 2 (Group A) + 5 + 7 credits.
    expect(l3?.creditsCarried).toEqual({ min: 14, max: 14 });
    // "Using email" exists at two levels: the same title does not prove the same unit.
    expect(l3?.uncertain.map((m) => m.fromUnit)).toEqual(["unit 32 (Using email)"]);
    // The rest cannot be planned from our sources: most Level 3 unit credit values are in none of them.
    // It says so, rather than padding a plan with every Group B unit.
    expect(l3?.plan?.status).toBe("undetermined");
    expect(l3?.plan?.plan).toBeNull();
    expect(l3?.plan?.undetermined?.rules.find((x) => x.ruleId === "group-b")?.knownAtMost).toBe(17);
    expect(l3?.plan?.reason).toContain("the awarding body's handbook gives them");
  });

  it("IQ L2 NVQ → OCR L3 NVQ: credits already achieved carry over, as IQ says", () => {
    const q = engine("iq-600-5106-1");
    const held = [
      "T/503/0342",
      "D/503/0352",
      "L/503/0394",
      "K/503/0421",
      "J/503/0426",
      "M/601/1542",
      "D/601/1553",
    ];
    const r = creditTransfer(catalogue, "iq-600-5106-1", resolveUnits(q, held), solver);
    const l3 = r.next.find((n) => n.qualificationId === "ocr-10268");
    expect(l3?.route.source.quote).toContain("using credits already achieved");
    expect(l3?.creditsCarried).toEqual({ min: 32, max: 32 });
    const cg = r.next.find((n) => n.qualificationId === "cg-600-1136-1");
    expect(cg?.note).toContain("unit list is not in our sources");
  });

  it("W5: holding both IQ 'Using Email' units, the OCR L3 NVQ's 'Using Email' (unit 18) counts for certain", () => {
    const q = engine("iq-600-5106-1");
    const base = ["D/503/0352", "L/503/0394", "K/503/0421", "J/503/0426"];
    const one = creditTransfer(catalogue, "iq-600-5106-1", resolveUnits(q, [...base, "J/502/4299"]), solver);
    const both = creditTransfer(
      catalogue,
      "iq-600-5106-1",
      resolveUnits(q, [...base, "J/502/4299", "M/502/4300"]),
      solver,
    );
    const l3one = one.next.find((n) => n.qualificationId === "ocr-10268");
    const l3both = both.next.find((n) => n.qualificationId === "ocr-10268");
    // One of the two: which level's unit it is, the title does not say.
    expect(l3one?.counts.some((m) => m.toUnit.startsWith("unit 18 "))).toBe(false);
    expect(l3one?.uncertain.map((m) => m.toUnit.split(" (")[0])).toContain("unit 18");
    // Both: whichever it is, the learner holds it; carried once (2 to 3 credits).
    expect(l3both?.counts.filter((m) => m.toUnit.startsWith("unit 18 ")).length).toBeGreaterThan(0);
    expect(l3both?.creditsCarried.min).toBe((l3one?.creditsCarried.min ?? 0) + 2);
    expect(l3both?.creditsCarried.max).toBe((l3one?.creditsCarried.max ?? 0) + 3);
  });

  it("L2 → L3 Principles: units 4–9, 10 and 11 of 10266 are units 4–9, 12 and 14 of 10267", () => {
    const q = engine("ocr-10266");
    const r = creditTransfer(
      catalogue,
      "ocr-10266",
      resolveUnits(q, ["1", "2", "3", "4", "6", "7", "10", "11"]),
      solver,
    );
    const l3 = r.next.find((n) => n.qualificationId === "ocr-10267");
    expect(l3?.counts.map((m) => [m.fromUnit.split(" (")[0], m.toUnit.split(" (")[0]])).toEqual([
      ["unit 4", "unit 4"],
      ["unit 6", "unit 6"],
      ["unit 7", "unit 7"],
      ["unit 10", "unit 12"],
      ["unit 11", "unit 14"],
    ]);
    // Their credit values are in no source: at least 1 each.
    expect(l3?.creditsCarried).toEqual({ min: 5, max: null });
    expect(l3?.plan?.plan?.detail.filter((d) => d.held)).toHaveLength(5);
  });

  it("without the units held, only the mandatory ones are certain; the rest would count if taken", () => {
    const r = creditTransfer(catalogue, "ocr-10265", undefined, solver);
    expect(r.heldGiven).toBe(false);
    expect(r.held).toEqual(["1", "2"]);
    const l3 = r.next[0];
    expect(l3?.counts.map((m) => m.fromUnit.split(" (")[0])).toEqual(["unit 2"]);
    expect(l3?.mayCount.length).toBeGreaterThan(5);
  });
});

describe("durations", () => {
  const today = new Date("2026-11-22T00:00:00Z");
  it.each([
    ["2 years", 24],
    ["eighteen months", 18],
    ["a year and a half", 18],
    ["since 2021", 60],
    ["since March 2024", 32],
    ["none", 0],
    ["3 yrs", 36],
    ["6mths", 6],
    ["two and a half years", 30],
    ["1 year 6 months", 18],
    ["12", 12],
  ])("%s → %i months", (text, months) => {
    expect(parseDurationMonths(text, today)).toBe(months);
  });
  it("says nothing when there is no duration", () => {
    expect(parseDurationMonths("hello", today)).toBeUndefined();
    expect(parseDurationMonths("since 2030", today)).toBeUndefined();
  });
});
