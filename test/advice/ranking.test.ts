import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LearnerProfile } from "../../src/advice/profile.ts";
import { type Recommendation, recommend } from "../../src/advice/recommend.ts";
import { catalogue } from "../helpers.ts";
import { profiles } from "./profiles.ts";

const TODAY = new Date("2026-11-27T00:00:00Z");
const rec = (p: object, today = TODAY) => recommend(catalogue, LearnerProfile.parse(p), today);
const top = (p: object) => rec(p).recommendations[0];
const find = (p: object, id: string) => rec(p).recommendations.find((x) => x.qualificationId === id);
const texts = (x: Recommendation | undefined) =>
  [...(x?.reasons ?? []), ...(x?.cautions ?? [])].map((r) => r.text);

/** Each problem found in review (issue 13), with its profile and the expected top entry. */
describe("recommendations: the problems found in review", () => {
  it("an explicit goal beats the job-role list: an agent who wants knowledge gets a knowledge certificate first", () => {
    const p = { role: "Contact Centre Agent", workingInContactCentre: true, goal: "knowledge" };
    expect(top(p)?.kind).toBe("knowledge");
    expect(top(p)?.level).toBe(2);
    // The NVQ that names the role is still there, after every knowledge certificate.
    const r = rec(p).recommendations;
    const nvq = r.findIndex((x) => x.qualificationId === "ocr-10265");
    expect(r.slice(0, nvq).every((x) => x.kind === "knowledge")).toBe(true);
  });

  it("reads the highest level held: no qualifications at all, or Level 3 and above", () => {
    const none = rec({ level: 0, workingInContactCentre: false, nation: "Wales" });
    const l2 = none.recommendations.find((x) => x.qualificationId === "wales-cco-l2");
    expect(
      l2?.reasons.some(
        (r) =>
          r.quote === "Learners may also progress into this apprenticeship without prior qualifications.",
      ),
    ).toBe(true);
    const graduate = rec({ level: 6, workingInContactCentre: false });
    expect(
      graduate.recommendations
        .find((x) => x.qualificationId === "ocr-10267")
        ?.reasons.some((r) => r.quote?.includes("studying in preparation for employment")),
    ).toBe(true);
    expect(
      rec({ level: 2, workingInContactCentre: false })
        .recommendations.find((x) => x.qualificationId === "ocr-10267")
        ?.reasons.some((r) => r.quote?.includes("studying in preparation for employment")),
    ).toBe(false);
  });

  it("holding a knowledge certificate does not move the NVQ up: an agent with the L2 Principles is sent to the L2 NVQ", () => {
    const p = {
      role: "Contact Centre Agent",
      workingInContactCentre: true,
      qualificationsHeld: ["ocr-10266"],
    };
    const r = rec(p);
    expect(r.targets.competence?.level).toBe(2);
    expect(r.targets.knowledge?.level).toBe(3);
    expect(top(p)?.qualificationId).toBe("ocr-10265");
    expect(texts(find(p, "ocr-10265")).some((t) => /below/.test(t))).toBe(false);
  });

  it("someone holding the Level 4 NVQ is not told the next step is Level 4", () => {
    const p = { role: "Senior Planner", workingInContactCentre: true, qualificationsHeld: ["ocr-10269"] };
    const r = rec(p);
    expect(r.targets.competence).toBeNull();
    for (const x of r.recommendations)
      expect(texts(x).some((t) => /next step is Level 4/.test(t))).toBe(false);
    // No lower NVQ is offered to someone who holds a higher one.
    expect(r.recommendations.some((x) => x.kind === "competence")).toBe(false);
    expect(r.notSuitable.find((x) => x.qualificationId === "ocr-10265")?.reason.text).toContain(
      "You already hold the OCR Level 4 NVQ Diploma",
    );
  });

  it("an experienced learner holding Level 2 who wants an apprenticeship in Wales gets the Level 3 pathway first", () => {
    const p = {
      apprenticeship: true,
      nation: "Wales",
      experienceMonths: 24,
      qualificationsHeld: ["cg-600-1135-x"],
    };
    expect(top(p)?.qualificationId).toBe("wales-cco-l3");
    expect(
      rec({ apprenticeship: true, nation: "Wales", experienceMonths: 30, level: 2 }).recommendations[0]
        ?.qualificationId,
    ).toBe("wales-cco-l3");
  });

  it("experience without a role gives a target level: a 16-year-old with 3 months starts at Level 2", () => {
    const p = { age: 16, experienceMonths: 3 };
    const r = rec(p);
    expect(r.targets.competence?.level).toBe(2);
    expect(r.targets.knowledge?.level).toBe(2);
    expect(top(p)?.level).toBe(2);
    const levels = r.recommendations.slice(0, 3).map((x) => x.level);
    expect(levels).toEqual([2, 2, 2]);
  });

  it("for a Welsh apprentice, the knowledge qualification the pathway names (C&G 600/1137/3) ranks above OCR 10266", () => {
    const p = { apprenticeship: true, nation: "Wales", experienceMonths: 0, workingInContactCentre: false };
    const r = rec(p).recommendations;
    const cg = r.findIndex((x) => x.qualificationId === "cg-600-1137-3");
    const ocr = r.findIndex((x) => x.qualificationId === "ocr-10266");
    expect(cg).toBeGreaterThanOrEqual(0);
    expect(cg).toBeLessThan(ocr);
    expect(r[cg]?.reasons.some((x) => x.text.includes("names it as its knowledge qualification"))).toBe(true);
    expect(r[ocr]?.cautions.some((x) => x.text.includes("names City & Guilds Level 2"))).toBe(true);
  });

  it("respects operational start dates, and cautions where the operational status is not known", () => {
    const before = rec(
      { role: "Contact Centre Agent", workingInContactCentre: true, age: 30 },
      new Date("2012-01-01T00:00:00Z"),
    );
    expect(before.notOffered.find((x) => x.qualificationId === "iq-600-5106-1")?.reason.text).toBe(
      "It opens to new registrations on 24/05/2012.",
    );
    const now = rec({ role: "Contact Centre Agent", workingInContactCentre: true });
    for (const id of ["ocr-10265", "ocr-10266", "cg-600-1135-x", "cg-600-1137-3"])
      expect(
        texts(now.recommendations.find((x) => x.qualificationId === id)).some((t) =>
          /operational dates/.test(t),
        ),
        id,
      ).toBe(true);
  });

  it("never quotes OCR's job-role list as another awarding body's, nor a raw table row", () => {
    const p = {
      role: "Contact Centre Team Leader",
      workingInContactCentre: true,
      apprenticeship: true,
      nation: "Wales",
    };
    for (const x of rec(p).recommendations) {
      for (const r of x.reasons) {
        if (r.source === "001_545bdd81e066066f.txt" && !x.qualificationId.startsWith("ocr-"))
          expect(r.text, `${x.qualificationId}: ${r.text}`).toMatch(/OCR/);
        expect(r.quote ?? "", x.qualificationId).not.toMatch(
          /\d{3}\/\d{4}\/\S+ \d+ \d+ (Competence|Knowledge)/,
        );
      }
    }
  });
});

/** The goal tier, from the documented table (scoring.ts), written out again here. */
function wants(p: LearnerProfile, kind: Recommendation["kind"]): number | undefined {
  const fits: number[] = [];
  if (p.goal === "knowledge") fits.push(kind === "knowledge" ? 2 : 0);
  if (p.goal === "competence") fits.push(kind === "competence" ? 2 : kind === "apprenticeship" ? 1 : 0);
  if (p.goal === "both") fits.push(kind === "apprenticeship" ? 2 : 1);
  if (p.apprenticeship === true) fits.push(kind === "apprenticeship" ? 2 : 1);
  return fits.length ? Math.max(...fits) : undefined;
}

describe("recommendations: the stated precedences hold for every profile (fast-check)", () => {
  it("eligibility, then goal, then level, then evidence", () => {
    fc.assert(
      fc.property(profiles, (raw) => {
        const p = LearnerProfile.parse(raw);
        const r = recommend(catalogue, p, TODAY);
        // Eligibility first: nothing recommended breaks a hard condition.
        for (const x of r.recommendations) {
          const e = catalogue.entries.get(x.qualificationId);
          if (!e) throw new Error(x.qualificationId);
          expect(p.qualificationsHeld).not.toContain(x.qualificationId);
          if (e.minimumAge?.value !== undefined && p.age != null)
            expect(p.age).toBeGreaterThanOrEqual(e.minimumAge.value);
          if (x.kind === "competence") expect(p.workingInContactCentre).not.toBe(false);
          if (e.type === "pathway") {
            expect(p.apprenticeship).not.toBe(false);
            if (p.nation) expect(p.nation).toBe(e.nation);
          }
          if (e.type === "qualification" && e.operationalEnd)
            expect(e.operationalEnd.value >= "2026-11-27").toBe(true);
        }
        const list = r.recommendations;
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a, b] = [list[i] as Recommendation, list[j] as Recommendation];
            // Goal before level: an entry that fits the stated goal better is never ranked below.
            const [ga, gb] = [wants(p, a.kind), wants(p, b.kind)];
            if (ga !== undefined && gb !== undefined) expect(ga).toBeGreaterThanOrEqual(gb);
            if (ga !== gb) continue;
            // Level before evidence: at the target level for its kind, above one that is not.
            const atTarget = (x: Recommendation) => x.level !== null && r.targets[x.kind]?.level === x.level;
            if (a.ranking.goal === b.ranking.goal && atTarget(b))
              expect(atTarget(a) || a.ranking.level >= b.ranking.level).toBe(true);
          }
        }
        // The score orders like the tiers.
        for (let i = 1; i < list.length; i++)
          expect((list[i - 1]?.score ?? 0) >= (list[i]?.score ?? 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
