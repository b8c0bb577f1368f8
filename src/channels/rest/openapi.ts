import { z } from "zod";
import { LearnerProfile, ProfileInput } from "../../advice/profile.ts";
import { CheckRequest, PlanRequest } from "../../advice/requests.ts";

/** A zod schema as OpenAPI 3.1 reads schemas (JSON Schema 2020-12): what a request may send, or a response holds. */
function schemaOf(s: z.ZodType, io: "input" | "output") {
  const { $schema: _, ...schema } = z.toJSONSchema(s, { io, target: "draft-2020-12" });
  return schema;
}

const interval = {
  type: "object",
  required: ["min", "max"],
  properties: { min: { type: "number" }, max: { type: ["number", "null"] } },
};
const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string" },
    issues: { type: "array", items: { type: "object", required: ["path", "message"] } },
  },
};
const verdict = { type: "string", enum: ["valid", "invalid", "unconfirmed"] };
const reason = {
  type: "object",
  required: ["text"],
  properties: { text: { type: "string" }, quote: { type: "string" }, source: { type: "string" } },
};
const ruleOutcome = {
  type: "object",
  required: ["ruleId", "rule", "status", "message", "wording", "source", "units", "missingFacts"],
  properties: {
    ruleId: { type: "string" },
    rule: {
      type: "string",
      enum: ["mandatory", "totalCredits", "levelCredits", "groupCredits", "barred", "groupUnits"],
    },
    status: { type: "string", enum: ["holds", "fails", "unknown"] },
    message: { type: "string" },
    wording: { type: "string" },
    have: interval,
    need: { type: "number" },
    shortBy: interval,
    units: { type: "array", items: { type: "string" } },
    fix: { type: "string" },
    missingFacts: { type: "array", items: { type: "string" } },
  },
};
const checkResult = {
  type: "object",
  required: [
    "qualificationId",
    "title",
    "verdict",
    "units",
    "totals",
    "rules",
    "violations",
    "warnings",
    "missingFacts",
    "localFacts",
  ],
  properties: {
    qualificationId: { type: "string" },
    title: { type: "string" },
    verdict,
    units: { type: "array", items: { type: "object", required: ["unit", "title", "credits", "counted"] } },
    totals: { type: "object", required: ["credits", "byGroup"], properties: { credits: interval } },
    rules: { type: "array", items: ruleOutcome },
    violations: { type: "array", items: ruleOutcome },
  },
};
const plan = {
  type: "object",
  required: [
    "qualificationId",
    "objective",
    "status",
    "verdict",
    "units",
    "totalGlh",
    "totalCredits",
    "alternatives",
    "reliesOn",
  ],
  properties: {
    qualificationId: { type: "string" },
    objective: { type: "string", enum: ["glh", "units", "credits", "role"] },
    status: { type: "string", enum: ["planned", "infeasible", "undetermined"] },
    verdict: { anyOf: [verdict, { type: "null" }] },
    units: { type: "array", items: { type: "string" } },
    totalGlh: { anyOf: [interval, { type: "null" }] },
    totalCredits: { anyOf: [interval, { type: "null" }] },
    alternatives: { type: "array", maxItems: 3, items: { type: "object", required: ["units", "verdict"] } },
    surest: { anyOf: [{ type: "object", required: ["units", "verdict"] }, { type: "null" }] },
    reliesOn: { type: "array", items: { type: "string" } },
    reason: { type: "string" },
    undetermined: {
      type: "object",
      required: ["rules", "mandatory", "held", "missingFacts"],
      properties: {
        rules: {
          type: "array",
          items: { type: "object", required: ["ruleId", "wording", "need", "knownAtMost", "unknownUnits"] },
        },
        mandatory: { type: "array", items: { type: "string" } },
        held: { type: "array", items: { type: "string" } },
        missingFacts: { type: "array", items: { type: "string" } },
      },
    },
  },
};
const recommendation = {
  type: "object",
  required: [
    "qualificationId",
    "title",
    "level",
    "kind",
    "score",
    "ranking",
    "reasons",
    "cautions",
    "nextStep",
  ],
  properties: {
    qualificationId: { type: "string" },
    title: { type: "string" },
    level: { type: ["number", "null"] },
    kind: { type: "string", enum: ["knowledge", "competence", "apprenticeship"] },
    score: { type: "number" },
    ranking: {
      type: "object",
      required: ["goal", "level", "evidence"],
      properties: { goal: { type: "number" }, level: { type: "number" }, evidence: { type: "number" } },
    },
    reasons: { type: "array", items: reason },
    cautions: { type: "array", items: reason },
    nextStep: { type: "string" },
  },
};
const recommendations = {
  type: "object",
  required: ["profile", "targets", "recommendations", "notOffered", "notSuitable"],
  properties: {
    profile: schemaOf(LearnerProfile, "output"),
    targets: {
      type: "object",
      required: ["competence", "knowledge", "apprenticeship"],
      description: "The level the profile points to for each kind of qualification (null: nothing higher).",
    },
    recommendations: { type: "array", items: recommendation },
    notOffered: {
      type: "array",
      items: { type: "object", required: ["qualificationId", "title", "reason"] },
    },
    notSuitable: {
      type: "array",
      items: { type: "object", required: ["qualificationId", "title", "reason"] },
    },
  },
};
const transfer = {
  type: "object",
  required: ["from", "held", "heldGiven", "next", "beyond"],
  properties: {
    from: { type: "object", required: ["qualificationId", "title"] },
    held: { type: "array", items: { type: "string" } },
    heldGiven: { type: "boolean" },
    next: {
      type: "array",
      items: {
        type: "object",
        required: [
          "qualificationId",
          "title",
          "route",
          "jobRoles",
          "counts",
          "mayCount",
          "uncertain",
          "creditsCarried",
          "plan",
        ],
        properties: { plan: { anyOf: [plan, { type: "null" }] }, creditsCarried: interval },
      },
    },
    beyond: { type: "array", items: { type: "string" } },
  },
};
const qualificationList = {
  type: "object",
  required: ["qualifications"],
  properties: {
    qualifications: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "title", "type", "level"],
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          type: { type: "string", enum: ["qualification", "pathway"] },
          level: { type: ["number", "null"] },
        },
      },
    },
  },
};
const entry = {
  type: "object",
  required: ["id", "type", "title", "level"],
  properties: { id: { type: "string" }, type: { type: "string" } },
};

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const errors = {
  "400": {
    description:
      "Malformed JSON, JSON nested more than 64 levels, or a body that fails validation (the failing fields are listed)",
    ...json({ $ref: "#/components/schemas/Error" }),
  },
  "413": { description: "Body over 64 KB", ...json({ $ref: "#/components/schemas/Error" }) },
  "415": {
    description: "A body that is not JSON (Content-Type: application/json, UTF-8), or compressed",
    ...json({ $ref: "#/components/schemas/Error" }),
  },
  "429": {
    description: "Too many requests from this client",
    ...json({ $ref: "#/components/schemas/Error" }),
  },
};
const body = (s: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: schemaOf(s, "input") } },
});

/** The REST API's OpenAPI 3.1 document. A test validates real responses against its schemas. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Learner advisor API",
    version: "1.0.0",
    description:
      "UK contact-centre qualifications: catalogue, rules-of-combination check, exact planner, recommendations and progression. Same JSON as the CLI's --json.",
  },
  paths: {
    "/api/qualifications": {
      get: {
        summary: "Every qualification and pathway",
        responses: {
          "200": {
            description: "ids and titles",
            ...json({ $ref: "#/components/schemas/QualificationList" }),
          },
          "429": errors["429"],
        },
      },
    },
    "/api/qualifications/{id}": {
      get: {
        summary: "One qualification or pathway, every fact with its source",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "the catalogue entry", ...json({ $ref: "#/components/schemas/Entry" }) },
          "404": { description: "unknown id", ...json({ $ref: "#/components/schemas/Error" }) },
          "429": errors["429"],
        },
      },
    },
    "/api/check": {
      post: {
        summary: "Check units against the rules engine",
        requestBody: body(CheckRequest),
        responses: {
          "200": {
            description: "the rules engine's result",
            ...json({ $ref: "#/components/schemas/CheckResult" }),
          },
          "404": { description: "unknown qualification", ...json({ $ref: "#/components/schemas/Error" }) },
          ...errors,
        },
      },
    },
    "/api/plan": {
      post: {
        summary: "The best valid completion (exact MILP), checked by the rules engine",
        requestBody: body(PlanRequest),
        responses: {
          "200": {
            description: "the plan, or why none exists",
            ...json({ $ref: "#/components/schemas/Plan" }),
          },
          "404": { description: "unknown qualification", ...json({ $ref: "#/components/schemas/Error" }) },
          ...errors,
        },
      },
    },
    "/api/recommend": {
      post: {
        summary: "Qualifications ranked for a profile, with quoted reasons",
        requestBody: body(ProfileInput),
        responses: {
          "200": { description: "ranked", ...json({ $ref: "#/components/schemas/Recommendations" }) },
          ...errors,
        },
      },
    },
    "/api/progression/{id}": {
      get: {
        summary: "Next qualifications, units that count, credits carried, cheapest completion",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          {
            name: "have",
            in: "query",
            required: false,
            schema: { type: "string" },
            description: "units held, comma-separated",
          },
        ],
        responses: {
          "200": { description: "progression", ...json({ $ref: "#/components/schemas/Transfer" }) },
          "404": { description: "unknown id", ...json({ $ref: "#/components/schemas/Error" }) },
          "400": errors["400"],
          "429": errors["429"],
        },
      },
    },
  },
  components: {
    schemas: {
      Error: error,
      QualificationList: qualificationList,
      Entry: entry,
      CheckResult: checkResult,
      Plan: plan,
      Recommendations: recommendations,
      Transfer: transfer,
    },
  },
} as const;
