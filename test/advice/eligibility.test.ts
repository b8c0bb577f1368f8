import { describe, expect, it } from "vitest";
import { eligibilityFor } from "../../src/advice/eligibility.ts";
import { catalogue } from "../helpers.ts";

const TODAY = "2026-11-22";
const check = (id: string, profile: Parameters<typeof eligibilityFor>[2]) => {
  const r = eligibilityFor(catalogue, id, profile, TODAY);
  if (!r) throw new Error(`no entry ${id}`);
  return r;
};

describe("eligibility conditions (one home for the rules the advice and the answers share)", () => {
  it("IQ Level 2 NVQ at 17: no, under the minimum age and closed, both with the source's words", () => {
    const r = check("iq-600-5106-1", { qualificationsHeld: [], age: 17 });
    expect(r.verdict).toBe("no");
    const unmet = r.checks.filter((c) => c.status === "unmet");
    expect(unmet.map((c) => c.condition)).toEqual(["open", "age"]);
    expect(unmet[0]).toMatchObject({
      closedOn: "2013-12-31",
      source: { quote: "Operational End Date 31/12/2013" },
    });
    expect(unmet[1]).toMatchObject({ minimumAge: 18, source: { quote: "Min Age From 18" } });
  });

  it("the OCR Level 2 NVQ: open to any age; it depends on contact-centre work until that is known", () => {
    const r = check("ocr-10265", { qualificationsHeld: [], age: 16 });
    expect(r.verdict).toBe("depends");
    expect(r.checks.find((c) => c.condition === "age")).toMatchObject({ status: "met", anyAge: true });
    expect(r.checks.find((c) => c.condition === "work")).toMatchObject({
      status: "unknown",
      needs: "working",
    });
    expect(check("ocr-10265", { qualificationsHeld: [], workingInContactCentre: true }).verdict).toBe("yes");
    expect(check("ocr-10265", { qualificationsHeld: [], workingInContactCentre: false }).verdict).toBe("no");
  });

  it("what the sources do not say is unknown to the source, never a verdict: City & Guilds' minimum age", () => {
    const r = check("cg-600-1135-x", { qualificationsHeld: [], workingInContactCentre: true, age: 30 });
    expect(r.verdict).toBe("yes");
    expect(r.checks.find((c) => c.condition === "age")).toMatchObject({ status: "unknown", needs: "source" });
  });

  it("a Welsh pathway: for apprentices in Wales; no job needed for a Principles certificate", () => {
    expect(check("wales-cco-l2", { qualificationsHeld: [], nation: "England" }).verdict).toBe("no");
    expect(check("wales-cco-l2", { qualificationsHeld: [] }).verdict).toBe("depends");
    const cert = check("ocr-10266", { qualificationsHeld: [], workingInContactCentre: false });
    expect(cert.verdict).toBe("yes");
    expect(cert.checks.find((c) => c.condition === "work")).toMatchObject({
      status: "met",
      noJobNeeded: true,
    });
  });
});
