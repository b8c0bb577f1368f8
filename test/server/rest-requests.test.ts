import AjvModule from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/channels/cli/main.ts";
import { openApiDocument } from "../../src/channels/rest/openapi.ts";
import { type Running, start } from "./harness.ts";

// The REST API answers the same requests as the CLI, from the same domain: what it accepts is what
// its OpenAPI document says, and its JSON is the CLI's --json.

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${s.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const get = async (path: string) => {
  const res = await fetch(`${s.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** `advisor <argv>` in this process: exit code and stdout. */
async function advisor(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(
    argv,
    {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    },
    { ...process.env, ADVISOR_TODAY: "2026-11-22" },
  );
  return { code, out, err };
}

const Ajv = AjvModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
type Operation = { requestBody: { content: { "application/json": { schema: object } } } };
const requestSchema = (path: "/api/check" | "/api/plan" | "/api/recommend") =>
  ajv.compile(
    (openApiDocument.paths[path].post as unknown as Operation).requestBody.content["application/json"].schema,
  );

describe("REST API and CLI: one request, one answer", () => {
  it("POST /api/plan with units held gives `advisor plan --have --json`: held units stand and count", async () => {
    for (const [qualification, have] of [
      ["ocr-10265", ["1", "2"]],
      // Two units of IQ's barred set C1, both held: they stand, one counts.
      ["iq-600-5106-1", ["L/601/1225", "F/502/4396"]],
    ] as const) {
      const rest = await post("/api/plan", { qualification, have });
      expect(rest.status).toBe(200);
      const cli = await advisor(["plan", qualification, "--have", ...have, "--json"]);
      expect(rest.body).toEqual(JSON.parse(cli.out));
      expect(rest.body.status).toBe("planned");
      const held = (rest.body.detail as { unit: string; held: boolean }[]).filter((d) => d.held);
      expect(held).toHaveLength(have.length);
    }
  });

  it("POST /api/recommend gives `advisor recommend --json` for the same learner (same field names)", async () => {
    const rest = await post("/api/recommend", {
      role: "team lead",
      experience: "3 years",
      working: true,
      nation: "Wales",
      held: ["OCR-10265"],
    });
    const cli = await advisor([
      "recommend",
      "--role",
      "team lead",
      "--experience",
      "3 years",
      "--working",
      "yes",
      "--nation",
      "wales",
      "--held",
      "OCR-10265",
      "--json",
    ]);
    expect(cli.code).toBe(0);
    expect(rest.body).toEqual(JSON.parse(cli.out));
    expect(rest.body.profile).toEqual({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      workingInContactCentre: true,
      nation: "Wales",
      qualificationsHeld: ["ocr-10265"],
    });
  });

  it("GET /api/progression/:id gives `advisor progress --json`", async () => {
    const rest = await get("/api/progression/ocr-10265?have=1,2,4,9");
    const cli = await advisor(["progress", "--from", "ocr-10265", "--have", "1", "2", "4", "9", "--json"]);
    expect(rest.body).toEqual(JSON.parse(cli.out));
  });

  it("accepts exactly the bodies its OpenAPI document describes", async () => {
    const cases: ["/api/check" | "/api/plan" | "/api/recommend", unknown][] = [
      ["/api/recommend", { level: 2, age: 30, goal: "both", apprenticeship: false }],
      ["/api/recommend", { level: 9 }],
      ["/api/recommend", { age: 9 }],
      ["/api/recommend", { nation: "wales" }],
      ["/api/recommend", { working: "yes" }],
      ["/api/recommend", { held: Array.from({ length: 21 }, () => "ocr-10265") }],
      ["/api/recommend", { workingInContactCentre: true }],
      ["/api/recommend", { role: "" }],
      ["/api/plan", { qualification: "ocr-10265", objective: "units", avoid: ["10"] }],
      ["/api/plan", { qualification: "ocr-10265", objective: "fastest" }],
      ["/api/plan", { have: ["1"] }],
      ["/api/check", { qualification: "ocr-10265", units: [] }],
      ["/api/check", { qualification: "ocr-10265", units: ["1", "2"] }],
    ];
    for (const [path, body] of cases) {
      const documented = requestSchema(path)(body);
      const r = await post(path, body);
      expect(r.status === 400 && Array.isArray(r.body.issues), `${path} ${JSON.stringify(body)}`).toBe(
        !documented,
      );
    }
  });

  it("names what the catalogue does not know, and lists what it does", async () => {
    const role = await post("/api/recommend", { role: "astronaut" });
    expect(role.status).toBe(400);
    expect(role.body.known).toContain("Contact Centre Team Leader");
    const held = await post("/api/recommend", { held: ["ocr-99999"] });
    expect(held.status).toBe(400);
    expect(held.body.error).toMatch(/^held "ocr-99999" is not a catalogue id/);
    expect(held.body.known).toContain("ocr-10265");
    const experience = await post("/api/recommend", { experience: "loads" });
    expect(experience.status).toBe(400);
    expect(experience.body.error).toMatch(/^experience "loads" is not a duration/);
    const planRole = await post("/api/plan", { qualification: "ocr-10265", objective: "role" });
    expect(planRole.status).toBe(400);
    expect(planRole.body.error).toContain("objective role needs role");
    const pathway = await post("/api/check", { qualification: "wales-cco-l2", units: ["1"] });
    expect(pathway.status).toBe(400);
    expect(pathway.body.error).toContain("Check its qualifications instead: cg-600-1135-x; cg-600-1137-3");
    const noUnits = await get("/api/progression/wales-cco-l2?have=1");
    expect(noUnits.status).toBe(400);
    expect(noUnits.body.error).toContain("has no unit list, so have cannot be used with it");
    const unknown = await get("/api/qualifications/ocr-99999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.known).toContain("ocr-10265");
  });
});

describe("CLI: the same requests, named as the CLI names its options", () => {
  it("names the option that carried the problem", async () => {
    const held = await advisor(["recommend", "--held", "ocr-99999"]);
    expect(held.code).toBe(2);
    expect(held.err).toMatch(/^--held "ocr-99999" is not a catalogue id\. Known ids: cg-600-1135-x/);
    const experience = await advisor(["recommend", "--experience", "loads"]);
    expect(experience.err).toMatch(/^--experience "loads" is not a duration/);
    const level = await advisor(["recommend", "--level", "9"]);
    expect(level.code).toBe(2);
    expect(level.err).toMatch(/^--level: /);
    const nation = await advisor(["recommend", "--nation", "france"]);
    expect(nation.err).toContain("--nation must be England, Wales, Scotland or Northern Ireland");
    const objective = await advisor(["plan", "ocr-10265", "--objective", "role"]);
    expect(objective.err).toContain("--objective role needs --role");
    const noUnits = await advisor(["progress", "--from", "wales-cco-l2", "--have", "1"]);
    expect(noUnits.err).toContain("so --have cannot be used with it");
    const unknown = await advisor(["show", "ocr-99999"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No qualification or pathway has the id "ocr-99999". Known ids: ');
  });
});
