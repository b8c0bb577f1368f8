import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "advisor.js");
const OVERRIDES = join(ROOT, "test", "fixtures", "overrides");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function advisor(
  args: string[],
  env: Record<string, string> = {},
  command = process.execPath,
  pre: string[] = [BIN],
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...pre, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("advisor CLI (the real binary)", () => {
  it("`npx advisor qualifications` works from the repo root and lists every id with its title", async () => {
    const r = await advisor(["advisor", "qualifications"], {}, "npx", []);
    expect(r.code).toBe(0);
    for (const id of ["ocr-10265", "iq-600-5106-1", "cg-600-1138-5", "wales-cco-l3"])
      expect(r.stdout).toContain(id);
    expect(r.stdout).toContain("OCR Level 3 NVQ Diploma in Contact Centre Operations");
  });

  it("show prints groups, units with unknowns marked, and rules with their sources", async () => {
    const r = await advisor(["show", "ocr-10265"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Group D");
    expect(r.stdout).toMatch(/32\s+2–3\s+\?/);
    expect(r.stdout).toContain("Barred: units 10, 18; take either, but not both.");
    expect(r.stdout).toContain("Credit from no more than 2 units of Group D counts.");
    expect(r.stdout).toContain("001_545bdd81e066066f.txt: “a minimum of 12 credits from Group B”");
    const pathway = await advisor(["show", "wales-cco-l2"]);
    expect(pathway.stdout).toContain("Essential Skills Wales Communication: Level 1, 6 credits, 60 GLH");
    expect(pathway.stdout).toContain("243 on the job + 131 off the job = 374");
  });

  it("check --json: invalid exits 1 with every violation", async () => {
    const r = await advisor(["check", "ocr-10265", "10", "18", "--json"]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.verdict).toBe("invalid");
    expect(result.violations.map((v: { rule: string }) => v.rule)).toEqual(
      expect.arrayContaining(["mandatory", "totalCredits", "groupCredits", "barred"]),
    );
  });

  it("check: unconfirmed exits 3 and says which facts are missing", async () => {
    const r = await advisor(["check", "ocr-10265", "1,2,4,8", "11", "Resolve customer service problems"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("? levelCredits");
    expect(r.stdout).toContain("level of unit 25 (Resolve customer service problems)");
    expect(r.stdout).toContain("Verdict: UNCONFIRMED");
  });

  it("check: valid exits 0 with a centre's overrides, naming the local facts", async () => {
    const r = await advisor(["check", "ocr-10266", "1", "2", "3", "4", "6", "7"], {
      CATALOGUE_OVERRIDES: OVERRIDES,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Verdict: VALID");
    expect(r.stdout).toContain("Relies on local facts:");
  });

  it("bad input exits 2 with a message on stderr", async () => {
    const unknownUnit = await advisor(["check", "ocr-10265", "1", "Bespoke sofware"]);
    expect(unknownUnit.code).toBe(2);
    expect(unknownUnit.stderr).toContain("Did you mean unit 18 (Bespoke software)?");
    expect(unknownUnit.stdout).toBe("");
    const unknownId = await advisor(["check", "ocr-99999", "1"]);
    expect(unknownId.code).toBe(2);
    expect(unknownId.stderr).toContain('No qualification or pathway has the id "ocr-99999"');
    const noUnits = await advisor(["check", "cg-600-1135-x", "1"]);
    expect(noUnits.code).toBe(2);
    expect(noUnits.stderr).toContain("has no unit list in our sources");
    const pathway = await advisor(["check", "wales-cco-l2", "1"]);
    expect(pathway.code).toBe(2);
    expect(pathway.stderr).toContain("is an apprenticeship pathway");
    const missingArgs = await advisor(["check"]);
    expect(missingArgs.code).toBe(2);
    expect(missingArgs.stderr).toContain("missing required argument");
  });

  it("a broken override file stops the program, naming file and path", async () => {
    const r = await advisor(["qualifications"], {
      CATALOGUE_OVERRIDES: join(ROOT, "test", "fixtures", "bad-overrides"),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad-unit.json: $.units[0].unit");
  });

  it("plan IQ 600/5106/1: 93 GLH from nothing, 106 in all with K/503/0421 held; undetermined says what is missing", async () => {
    const iq = JSON.parse((await advisor(["plan", "iq-600-5106-1", "--json"])).stdout);
    expect(iq.totalGlh).toEqual({ min: 93, max: 93 });
    const held = JSON.parse(
      (await advisor(["plan", "iq-600-5106-1", "--have", "K/503/0421", "--json"])).stdout,
    );
    expect(held.totalGlh).toEqual({ min: 106, max: 106 });
    const l4 = await advisor(["plan", "ocr-10269"]);
    expect(l4.code).toBe(3);
    expect(l4.stdout).toContain("Our sources do not give enough credit values to plan this qualification");
    expect(l4.stdout).toContain("Mandatory units (everyone takes them): 1, 2");
    expect(l4.stdout).not.toMatch(/^ {2}add /m);
  });

  it("plan --json: the contract, exit 3 for an honestly unconfirmed plan, exit 1 with a reason when none exists", async () => {
    const r = await advisor(["plan", "ocr-10265", "--have", "1", "2", "--json"]);
    expect(r.code).toBe(3);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      qualificationId: "ocr-10265",
      verdict: "unconfirmed",
      totalGlh: { min: 93, max: 93 },
      totalCredits: { min: 28, max: 28 },
    });
    expect(plan.units).toEqual([
      "T/503/0342",
      "D/503/0352",
      "K/503/0385",
      "L/503/0394",
      "H/503/0403",
      "J/503/0426",
      "H/600/9660",
    ]);
    expect(plan.alternatives.length).toBeGreaterThan(0);
    const none = await advisor(["plan", "ocr-10265", "--have", "10", "18", "--json"]);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout).reason).toContain("both must stay");
    const badObjective = await advisor(["plan", "ocr-10265", "--objective", "fastest"]);
    expect(badObjective.code).toBe(2);
    expect(badObjective.stderr).toContain("--objective must be one of glh, units, credits, role");
    const role = await advisor(["plan", "ocr-10265", "--objective", "role", "--role", "telesales", "--json"]);
    expect(JSON.parse(role.stdout).detail.map((d: { unit: string }) => d.unit)).toEqual(
      expect.arrayContaining(["5", "12"]),
    );
  });

  it("recommend --json: recommendations best first with reasons; bad values exit 2", async () => {
    const r = await advisor(
      ["recommend", "--role", "team lead", "--experience", "3 years", "--working", "yes", "--json"],
      { ADVISOR_TODAY: "2026-11-22" },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      workingInContactCentre: true,
    });
    expect(out.recommendations[0]).toMatchObject({
      qualificationId: "ocr-10268",
      title: "OCR Level 3 NVQ Diploma in Contact Centre Operations",
    });
    expect(out.recommendations[0].reasons.length).toBeGreaterThan(0);
    const bad = await advisor(["recommend", "--working", "maybe"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--working must be yes or no");
    const badRole = await advisor(["recommend", "--role", "astronaut"]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('"astronaut" is not a job role we know');
  });

  it("progress: next qualifications, units that count, and why the rest cannot be planned from our sources", async () => {
    const r = await advisor(["progress", "--from", "ocr-10265", "--have", "1", "2", "4", "5", "8"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("→ OCR Level 3 NVQ Diploma in Contact Centre Operations (ocr-10268)");
    expect(r.stdout).toContain("Units that count (14 credits carried)");
    expect(r.stdout).toContain("Our sources do not give enough credit values to plan this qualification");
    const missing = await advisor(["progress"]);
    expect(missing.code).toBe(2);
  });
});
