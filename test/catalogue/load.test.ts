import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogueError, DEFAULT_DATA_DIR, loadCatalogue } from "../../src/catalogue/load.ts";
import { catalogue, qualification } from "../helpers.ts";

const SOURCES = join(DEFAULT_DATA_DIR, "sources");
const KNOWN_DOCS = [
  "000_1802392533fd6a92.txt",
  "001_545bdd81e066066f.txt",
  "002_1286ae5b7cb69819.txt",
  "003_e642700d9e289f8d.txt",
  "004_8615e83ee8e3d347.txt",
  "domain-facts.md",
];
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const docText = new Map(KNOWN_DOCS.map((d) => [d, squash(readFileSync(join(SOURCES, d), "utf8"))]));

const EXPECTED_IDS = [
  "ocr-10265",
  "ocr-10266",
  "ocr-10267",
  "ocr-10268",
  "ocr-10269",
  "iq-600-5106-1",
  "cg-600-1135-x",
  "cg-600-1136-1",
  "cg-600-1137-3",
  "cg-600-1138-5",
  "wales-cco-l2",
  "wales-cco-l3",
];

interface Found {
  path: string;
  node: Record<string, unknown>;
}
/** Every object in the tree that carries a `source`. */
function factsWithSources(node: unknown, path = "$", out: Found[] = []): Found[] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      factsWithSources(v, `${path}[${i}]`, out);
    });
  } else if (node && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    if ("source" in obj) out.push({ path, node: obj });
    // A second quote of the same fact (a barred rule's "only one counts" sentence) is checked too.
    for (const [k, v] of Object.entries(obj))
      if (k.endsWith("Source") && v && typeof v === "object")
        out.push({ path: `${path}.${k}`, node: { source: v } });
    for (const [k, v] of Object.entries(obj)) if (k !== "source") factsWithSources(v, `${path}.${k}`, out);
  }
  return out;
}

describe("shipped catalogue", () => {
  it("holds every qualification and pathway of the sources, with the agreed ids", () => {
    expect([...catalogue.entries.keys()].sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it("gives every fact a source whose quote really occurs in that document", () => {
    let checked = 0;
    for (const entry of catalogue.entries.values()) {
      for (const { path, node } of factsWithSources(entry)) {
        const source = node.source as { doc: string; quote: string; local?: string };
        const text = docText.get(source.doc);
        expect(text, `${entry.id} ${path}: unknown document ${source.doc}`).toBeDefined();
        expect(
          text?.includes(squash(source.quote)),
          `${entry.id} ${path}: quote not found in ${source.doc}: ${source.quote}`,
        ).toBe(true);
        expect(source.local).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("lists every job role named in the sources, each with a quote that occurs there", () => {
    const titles = catalogue.roles.roles.map((r) => r.title);
    const named = [...catalogue.entries.values()].flatMap((e) => e.jobRoles.map((r) => r.value));
    for (const role of named) expect(titles).toContain(role);
    expect(titles).toHaveLength(19);
    for (const role of catalogue.roles.roles) {
      for (const s of role.sources)
        expect(docText.get(s.doc)?.includes(squash(s.quote)), role.title).toBe(true);
      expect(role.sources.some((s) => squash(s.quote).includes(role.title))).toBe(true);
    }
  });

  it("says what every derived or inferred fact comes from, and labels every fact", () => {
    for (const entry of catalogue.entries.values()) {
      for (const { path, node } of factsWithSources(entry)) {
        if ("kind" in node) {
          expect(["stated", "derived", "inferred"]).toContain(node.kind);
          if (node.kind !== "stated") expect(typeof node.from, `${entry.id} ${path}`).toBe("string");
        }
      }
    }
  });

  it("holds what the sources say of each entry's place in an apprenticeship, its assessment language and its title", () => {
    const iq = qualification("iq-600-5106-1");
    expect(iq.unitCount?.value).toBe(39);
    expect(iq.apprenticeshipComponent).toMatchObject({
      component: "competence",
      value: "the competence component of the Intermediate Apprenticeship in Contact Centre Operations",
    });
    // IQ names no awarding body for the Level 3 qualifications it progresses to: that they are OCR's or
    // City & Guilds' is only inferred.
    for (const p of iq.progression.filter((x) => x.to)) expect(p.kind).toBe("inferred");
    expect(qualification("ocr-10266").apprenticeshipComponent?.component).toBe("knowledge");
    for (const id of ["cg-600-1135-x", "cg-600-1136-1", "cg-600-1137-3", "cg-600-1138-5"])
      expect(qualification(id).assessmentLanguages?.value).toBe("English only");
    const l2 = catalogue.entries.get("wales-cco-l2");
    expect(l2?.title.value).toContain("Level 2 Foundation Apprenticeship");
    if (l2?.type !== "pathway") throw new Error("not a pathway");
    for (const c of l2.components.filter((x) => x.component === "essentialSkill"))
      expect(c.component === "essentialSkill" && c.assessmentLanguages?.value).toBe("English or Welsh");
    expect(l2.suits.some((s) => s.value.includes("may be better suited to Level 2"))).toBe(true);
  });

  it("holds the 39 IQ units with the credit and GLH split of the run-together column", () => {
    const iq = catalogue.entries.get("iq-600-5106-1");
    if (iq?.type !== "qualification") throw new Error("missing");
    expect(iq.units).toHaveLength(39);
    const k = iq.units?.find((u) => u.ref?.value === "K/503/0421");
    expect([k?.credits?.value, k?.glh?.value]).toEqual([7, 40]);
    const w = iq.units?.find((u) => u.ref?.value === "D/601/1553");
    expect([w?.credits?.value, w?.glh?.value]).toEqual([8, 53]);
    const mandatory = iq.units
      ?.filter((u) => u.group === "A")
      .reduce((s, u) => s + (u.credits?.value ?? 0), 0);
    expect(mandatory).toBe(6);
  });

  it("never states a level, credit value or reference that no source gives", () => {
    const l2p = catalogue.entries.get("ocr-10266");
    if (l2p?.type !== "qualification") throw new Error("missing");
    expect(l2p.units?.every((u) => u.credits === undefined && u.level === undefined)).toBe(true);
    const l3p = catalogue.entries.get("ocr-10267");
    if (l3p?.type !== "qualification") throw new Error("missing");
    expect(l3p.units?.filter((u) => u.ref === undefined).map((u) => u.number)).toEqual(["2", "11", "13"]);
    for (const id of ["cg-600-1135-x", "cg-600-1136-1", "cg-600-1137-3", "cg-600-1138-5"]) {
      const e = catalogue.entries.get(id);
      expect(e?.type === "qualification" && e.units).toBeFalsy();
    }
  });

  it("keeps the OCR IT units bounded: each is one of two references", () => {
    const l2 = catalogue.entries.get("ocr-10265");
    if (l2?.type !== "qualification") throw new Error("missing");
    const u32 = l2.units?.find((u) => u.number === "32");
    expect(u32?.ref?.oneOf).toEqual(expect.arrayContaining(["J/502/4299", "M/502/4300"]));
    expect([u32?.credits?.min, u32?.credits?.max]).toEqual([2, 3]);
    expect(u32?.credits?.kind).toBe("derived");
    const u38 = l2.units?.find((u) => u.number === "38");
    expect(u38?.credits?.value).toBe(2);
  });
});

describe("loading a broken catalogue", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function copyData(): string {
    dir = mkdtempSync(join(tmpdir(), "catalogue-"));
    cpSync(join(DEFAULT_DATA_DIR, "qualifications"), join(dir, "qualifications"), { recursive: true });
    return join(dir, "qualifications");
  }

  function expectError(fn: () => unknown, file: string, path: string, problem: RegExp) {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogueError);
      const e = error as CatalogueError;
      expect(e.file.endsWith(file)).toBe(true);
      expect(e.path).toBe(path);
      expect(e.problem).toMatch(problem);
      expect(e.message).toContain(file);
      expect(e.message).toContain(path);
      return;
    }
    throw new Error("expected a CatalogueError");
  }

  it("names the file, the JSON path and the problem for a schema break", () => {
    const q = copyData();
    const file = join(q, "ocr-10265.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.units[3].credits.value = "five";
    writeFileSync(file, JSON.stringify(data));
    expectError(
      () => loadCatalogue({ dataDir: dir }),
      "ocr-10265.json",
      "$.units[3].credits.value",
      /number/,
    );
  });

  it("names the file for a fact without a source", () => {
    const q = copyData();
    const file = join(q, "iq-600-5106-1.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    delete data.units[0].credits.source;
    writeFileSync(file, JSON.stringify(data));
    expectError(
      () => loadCatalogue({ dataDir: dir }),
      "iq-600-5106-1.json",
      "$.units[0].credits.source",
      /expected object/,
    );
  });

  it("rejects malformed JSON", () => {
    const q = copyData();
    writeFileSync(join(q, "ocr-10266.json"), "{ not json");
    expectError(() => loadCatalogue({ dataDir: dir }), "ocr-10266.json", "$", /not valid JSON/);
  });

  it("rejects a rule that names a unit the qualification does not have", () => {
    const q = copyData();
    const file = join(q, "ocr-10267.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.rules[0].units.push("99");
    writeFileSync(file, JSON.stringify(data));
    expectError(
      () => loadCatalogue({ dataDir: dir }),
      "ocr-10267.json",
      "$.rules[0].units[3]",
      /no unit "99"/,
    );
  });

  it("rejects a unit list whose length differs from the unit count the source states", () => {
    const q = copyData();
    const file = join(q, "iq-600-5106-1.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.units.pop();
    data.rules = data.rules.filter((r: { units?: string[] }) => !r.units?.includes("T/503/0342"));
    writeFileSync(file, JSON.stringify(data));
    expectError(() => loadCatalogue({ dataDir: dir }), "iq-600-5106-1.json", "$.units", /says 39 units/);
  });

  it("rejects a derived fact that does not say what it comes from", () => {
    const q = copyData();
    const file = join(q, "ocr-10265.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    delete data.units[0].credits.from;
    writeFileSync(file, JSON.stringify(data));
    expectError(
      () => loadCatalogue({ dataDir: dir }),
      "ocr-10265.json",
      "$.units[0].credits.from",
      /derived fact must say/,
    );
  });
});

describe("local overrides", () => {
  const FIXTURES = join(import.meta.dirname, "..", "fixtures");

  it("merges a centre's facts over the shipped ones and marks them local", () => {
    const c = loadCatalogue({ overridesDir: join(FIXTURES, "overrides") });
    expect(c.overrideFiles).toContain("ocr-10266-handbook.json");
    const e = c.entries.get("ocr-10266");
    if (e?.type !== "qualification") throw new Error("missing");
    const u4 = e.units?.find((u) => u.number === "4");
    expect(u4?.credits?.value).toBe(3);
    expect(u4?.credits?.source.local).toBe("ocr-10266-handbook.json");
    // The shipped catalogue is untouched.
    const shipped = catalogue.entries.get("ocr-10266");
    expect(shipped?.type === "qualification" && shipped.units?.[3]?.credits).toBeUndefined();
  });

  it("validates override files like the catalogue, naming file and path", () => {
    expect(() => loadCatalogue({ overridesDir: join(FIXTURES, "bad-overrides") })).toThrow(
      /bad-unit\.json: \$\.units\[0\]\.unit: ocr-10266 has no unit "42"/,
    );
  });
});
