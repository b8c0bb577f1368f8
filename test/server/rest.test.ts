import AjvModule from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/channels/rest/openapi.ts";
import { type Running, start } from "./harness.ts";

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ $id: "openapi", components: openApiDocument.components }, "openapi");
/** Validate a real response against the schema the OpenAPI document gives for that path, method and status. */
function conforms(
  path: keyof typeof openApiDocument.paths,
  method: "get" | "post",
  status: number,
  body: unknown,
) {
  const op = (
    openApiDocument.paths[path] as Record<
      string,
      { responses: Record<string, { content?: { "application/json": { schema: { $ref: string } } } }> }
    >
  )[method];
  const schema = op?.responses[String(status)]?.content?.["application/json"].schema;
  expect(schema, `${method} ${path} documents ${status}`).toBeDefined();
  const validate = ajv.compile({ $ref: `openapi${schema?.$ref}` });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

const call = async (method: string, path: string, body?: unknown, raw?: string) => {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("REST API (real HTTP), responses validated against GET /api/openapi.json", () => {
  it("serves its OpenAPI document", async () => {
    const r = await call("GET", "/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    expect(Object.keys(r.body.paths as object)).toHaveLength(6);
  });

  it("GET /api/qualifications and /api/qualifications/:id (404 for an unknown id)", async () => {
    const list = await call("GET", "/api/qualifications");
    conforms("/api/qualifications", "get", 200, list.body);
    expect((list.body.qualifications as unknown[]).length).toBe(12);
    const one = await call("GET", "/api/qualifications/ocr-10265");
    conforms("/api/qualifications/{id}", "get", 200, one.body);
    const missing = await call("GET", "/api/qualifications/ocr-99999");
    expect(missing.status).toBe(404);
    conforms("/api/qualifications/{id}", "get", 404, missing.body);
  });

  it("POST /api/check: the engine's result; invalid bodies 400 with the failing fields; unknown ids 404", async () => {
    const ok = await call("POST", "/api/check", {
      qualification: "ocr-10265",
      units: ["1", "2", "10", "18"],
    });
    expect(ok.status).toBe(200);
    conforms("/api/check", "post", 200, ok.body);
    expect(ok.body.verdict).toBe("invalid");
    const bad = await call("POST", "/api/check", { qualification: "ocr-10265", units: "1,2" });
    expect(bad.status).toBe(400);
    conforms("/api/check", "post", 400, bad.body);
    expect(JSON.stringify(bad.body.issues)).toContain('"path":"units"');
    const unknownUnit = await call("POST", "/api/check", { qualification: "ocr-10265", units: ["99"] });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.error).toMatch(/99/);
    const notFound = await call("POST", "/api/check", { qualification: "nope", units: ["1"] });
    expect(notFound.status).toBe(404);
  });

  it("POST /api/plan: engine-checked plan, or why none exists", async () => {
    const ok = await call("POST", "/api/plan", { qualification: "ocr-10265" });
    conforms("/api/plan", "post", 200, ok.body);
    expect(ok.body.units).toEqual([
      "T/503/0342",
      "D/503/0352",
      "K/503/0385",
      "L/503/0394",
      "H/503/0403",
      "J/503/0426",
      "H/600/9660",
    ]);
    const none = await call("POST", "/api/plan", { qualification: "ocr-10265", keep: ["10", "18"] });
    conforms("/api/plan", "post", 200, none.body);
    expect(none.body.status).toBe("infeasible");
    const noUnits = await call("POST", "/api/plan", { qualification: "cg-600-1135-x" });
    expect(noUnits.status).toBe(400);
    const badObjective = await call("POST", "/api/plan", {
      qualification: "ocr-10265",
      objective: "fastest",
    });
    expect(badObjective.status).toBe(400);
  });

  it("POST /api/recommend and GET /api/progression/:id", async () => {
    const rec = await call("POST", "/api/recommend", {
      role: "team leader",
      experience: "3 years",
      level: 2,
      working: true,
    });
    conforms("/api/recommend", "post", 200, rec.body);
    expect((rec.body.recommendations as { qualificationId: string }[])[0]?.qualificationId).toBe("ocr-10268");
    const badRole = await call("POST", "/api/recommend", { role: "astronaut" });
    expect(badRole.status).toBe(400);
    const prog = await call("GET", "/api/progression/ocr-10265?have=1,2,4,9");
    conforms("/api/progression/{id}", "get", 200, prog.body);
    // The OCR Level 3 NVQ's references are derived by title (domain-facts §4): the title is the basis.
    expect(JSON.stringify(prog.body)).toContain("same title in the suite");
    expect((await call("GET", "/api/progression/nope")).status).toBe(404);
  });

  it("malformed JSON 400, bodies over 64 KB 413, bodies not JSON 415, with a clear message", async () => {
    const malformed = await call("POST", "/api/check", undefined, "{not json");
    expect(malformed.status).toBe(400);
    conforms("/api/check", "post", 400, malformed.body);
    const huge = await call(
      "POST",
      "/api/check",
      undefined,
      JSON.stringify({ qualification: "ocr-10265", units: ["x".repeat(70_000)] }),
    );
    expect(huge.status).toBe(413);
    conforms("/api/check", "post", 413, huge.body);
    const form = await fetch(`${s.url}/api/check`, { method: "POST", body: new FormData() });
    expect(form.status).toBe(415);
    conforms("/api/check", "post", 415, await form.json());
  });

  it("a client over its rate limit gets 429", async () => {
    const limited = await start({ RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${limited.url}/api/qualifications`)).status);
    expect(statuses).toContain(429);
    const last = await fetch(`${limited.url}/api/qualifications`);
    expect(last.status).toBe(429);
    conforms("/api/qualifications", "get", 429, await last.json());
    // Bot Framework traffic and Web Chat polling are not limited per client.
    const { say } = await import("./harness.ts");
    for (let i = 0; i < 8; i++) expect((await say(limited.url, "not-limited", "hello")).status).toBe(200);
    await limited.stop();
  });
});
