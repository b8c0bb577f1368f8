import { z } from "zod";
import { creditTransfer } from "../../advice/progression.ts";
import { recommend } from "../../advice/recommend.ts";
import { findRole, relevantUnits } from "../../advice/roles.ts";
import type { Catalogue } from "../../catalogue/load.ts";
import { planCompletion } from "../../planner/plan.ts";
import type { MilpSolver } from "../../planner/solver.ts";
import {
  checkSelection,
  compileQualification,
  NoUnitListError,
  resolveUnits,
  UnitInputError,
} from "../../rules/index.ts";
import { CliInputError, planJson, profileFromArgs, transferJson } from "../cli/advice-commands.ts";

/** An answer of the REST API: status and JSON body (the same JSON as the CLI's --json). */
export interface ApiResponse {
  status: number;
  body: unknown;
}

const unit = z.string().trim().min(1).max(200);
const id = z.string().trim().min(1).max(60);
export const CheckBody = z.strictObject({ qualification: id, units: z.array(unit).min(1).max(100) });
export const PlanBody = z.strictObject({
  qualification: id,
  have: z.array(unit).max(100).optional(),
  keep: z.array(unit).max(100).optional(),
  avoid: z.array(unit).max(100).optional(),
  objective: z.enum(["glh", "units", "credits", "role"]).optional(),
  role: z.string().trim().min(1).max(100).optional(),
});
export const RecommendBody = z.strictObject({
  role: z.string().trim().min(1).max(100).optional(),
  experience: z.string().trim().min(1).max(100).optional(),
  level: z.number().int().min(0).max(8).optional(),
  working: z.boolean().optional(),
  apprenticeship: z.boolean().optional(),
  nation: z.enum(["England", "Wales", "Scotland", "Northern Ireland"]).optional(),
  age: z.number().int().min(10).max(120).optional(),
  goal: z.enum(["knowledge", "competence", "both"]).optional(),
  held: z.array(id).max(20).optional(),
});

const bad = (message: string, extra: Record<string, unknown> = {}): ApiResponse => ({
  status: 400,
  body: { error: message, ...extra },
});
const notFound = (what: string, catalogue: Catalogue): ApiResponse => ({
  status: 404,
  body: { error: `No qualification or pathway has the id "${what}".`, known: [...catalogue.entries.keys()] },
});

function invalid(e: z.ZodError): ApiResponse {
  return bad("The request body is not valid.", {
    issues: e.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/** Typed domain errors as 400s with the problem named; anything else is a bug (500 by the caller). */
function domainError(e: unknown): ApiResponse | undefined {
  if (e instanceof UnitInputError) return bad(e.message, { problems: e.problems });
  if (e instanceof NoUnitListError) return bad(e.message);
  if (e instanceof CliInputError) return bad(e.message.replace(/--/g, ""));
  return undefined;
}

export class AdvisorApi {
  constructor(
    readonly catalogue: Catalogue,
    readonly solver: MilpSolver,
    readonly today: () => Date,
  ) {}

  #run(f: () => ApiResponse): ApiResponse {
    try {
      return f();
    } catch (e) {
      const d = domainError(e);
      if (d) return d;
      throw e;
    }
  }

  qualifications(): ApiResponse {
    return {
      status: 200,
      body: {
        qualifications: [...this.catalogue.entries.values()].map((e) => ({
          id: e.id,
          title: e.title.value,
          type: e.type,
          level: e.level.value ?? null,
        })),
      },
    };
  }

  qualification(idParam: string): ApiResponse {
    const e = this.catalogue.entries.get(idParam.trim().toLowerCase());
    return e ? { status: 200, body: e } : notFound(idParam, this.catalogue);
  }

  check(body: unknown): ApiResponse {
    const p = CheckBody.safeParse(body);
    if (!p.success) return invalid(p.error);
    const e = this.catalogue.entries.get(p.data.qualification.toLowerCase());
    if (!e) return notFound(p.data.qualification, this.catalogue);
    if (e.type === "pathway")
      return bad(`${e.title.value} is an apprenticeship pathway, not a qualification with units.`);
    return this.#run(() => {
      const q = compileQualification(e);
      return { status: 200, body: checkSelection(q, resolveUnits(q, p.data.units)) };
    });
  }

  plan(body: unknown): ApiResponse {
    const p = PlanBody.safeParse(body);
    if (!p.success) return invalid(p.error);
    const e = this.catalogue.entries.get(p.data.qualification.toLowerCase());
    if (!e) return notFound(p.data.qualification, this.catalogue);
    if (e.type === "pathway")
      return bad(`${e.title.value} is an apprenticeship pathway, not a qualification with units.`);
    if (!e.units)
      return bad(`${e.title.value} (${e.id}) has no unit list in our sources, so it cannot be planned.`);
    const role = p.data.role ? findRole(this.catalogue.roles, p.data.role) : undefined;
    if (p.data.role && !role)
      return bad(`"${p.data.role}" is not a job role we know.`, {
        known: this.catalogue.roles.roles.map((r) => r.title),
      });
    const objective = p.data.objective ?? "glh";
    if (objective === "role" && !role) return bad('objective "role" needs "role".');
    return this.#run(() => {
      const q = compileQualification(e);
      const result = planCompletion(
        q,
        {
          have: resolveUnits(q, p.data.have ?? []),
          keep: resolveUnits(q, p.data.keep ?? []),
          avoid: resolveUnits(q, p.data.avoid ?? []),
          objective,
          relevant: relevantUnits(q, this.catalogue.roles, role),
        },
        this.solver,
      );
      return { status: 200, body: planJson(result) };
    });
  }

  recommend(body: unknown): ApiResponse {
    const p = RecommendBody.safeParse(body ?? {});
    if (!p.success) return invalid(p.error);
    const d = p.data;
    return this.#run(() => {
      const today = this.today();
      const profile = profileFromArgs(
        this.catalogue,
        {
          ...(d.role !== undefined ? { role: d.role } : {}),
          ...(d.experience !== undefined ? { experience: d.experience } : {}),
          ...(d.level !== undefined ? { level: String(d.level) } : {}),
          ...(d.working !== undefined ? { working: d.working ? "yes" : "no" } : {}),
          ...(d.apprenticeship !== undefined ? { apprenticeship: d.apprenticeship ? "yes" : "no" } : {}),
          ...(d.nation !== undefined ? { nation: d.nation } : {}),
          ...(d.age !== undefined ? { age: String(d.age) } : {}),
          ...(d.goal !== undefined ? { goal: d.goal } : {}),
          ...(d.held !== undefined ? { held: d.held } : {}),
        },
        today,
      );
      return { status: 200, body: { profile, ...recommend(this.catalogue, profile, today) } };
    });
  }

  progression(idParam: string, have: string[]): ApiResponse {
    const e = this.catalogue.entries.get(idParam.trim().toLowerCase());
    if (!e) return notFound(idParam, this.catalogue);
    return this.#run(() => {
      let held: number[] | undefined;
      if (have.length) {
        if (e.type !== "qualification" || !e.units)
          return bad(`${e.title.value} has no unit list, so "have" cannot be used with it.`);
        held = resolveUnits(compileQualification(e), have);
      }
      return { status: 200, body: transferJson(creditTransfer(this.catalogue, e.id, held, this.solver)) };
    });
  }
}
