import { z } from "zod";
import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry } from "../catalogue/schema.ts";
import { parseDurationMonths } from "../nlu/duration.ts";
import { OBJECTIVES } from "../planner/model.ts";
import type { PlanResult } from "../planner/plan.ts";
import {
  type CheckResult,
  checkSelection,
  type EngineQualification,
  NoUnitListError,
  resolveUnits,
} from "../rules/index.ts";
import { EntryId, LearnerProfile, ProfileInput } from "./profile.ts";
import type { TransferResult } from "./progression.ts";
import type { RecommendationResult } from "./recommend.ts";
import { findRole, relevantUnits } from "./roles.ts";
import type { AdvisorServices } from "./services.ts";

// The requests the CLI and the REST API both answer: one shape each, validated at the channel's edge,
// answered here from the services (so both share the domain's caches and give the same answers).

const Unit = z.string().trim().min(1).max(200);
const Units = z.array(Unit).max(100);

export const CheckRequest = z.strictObject({ qualification: EntryId, units: Units.min(1) });
export type CheckRequest = z.infer<typeof CheckRequest>;

export const PlanRequest = z
  .strictObject({
    qualification: EntryId,
    have: Units.describe("Units held: they stay and cost nothing").optional(),
    keep: Units.describe("Units that must be in the plan").optional(),
    avoid: Units.describe("Units to leave out").optional(),
    objective: z.enum(OBJECTIVES).describe("What the plan has fewest of (default glh)").optional(),
  })
  .extend(ProfileInput.pick({ role: true }).shape);
export type PlanRequest = z.infer<typeof PlanRequest>;

/**
 * A request the domain cannot answer as asked: bad input, exit code 2 or HTTP 400. `{name}` in the
 * wording stands for a field of the request, which each channel names its own way (`--held`, `held`).
 */
export class RequestError extends Error {
  constructor(
    readonly wording: string,
    /** The names a field could have taken (job roles), when the input named none of them. */
    readonly known?: readonly string[],
  ) {
    super(wording.replace(/\{(\w+)\}/g, "$1"));
    this.name = "RequestError";
  }
  /** The message with each field named as the channel names it. */
  describe(field: (name: string) => string): string {
    return this.wording.replace(/\{(\w+)\}/g, (_, name: string) => field(name));
  }
}

/** A request naming no catalogue entry: HTTP 404, exit code 2. */
export class UnknownEntryError extends Error {
  constructor(
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`No qualification or pathway has the id "${id}".`);
    this.name = "UnknownEntryError";
  }
}

export function entryOf(catalogue: Catalogue, id: string): CatalogueEntry {
  const e = catalogue.entries.get(id.trim().toLowerCase());
  if (!e) throw new UnknownEntryError(id, [...catalogue.entries.keys()]);
  return e;
}

/** The compiled qualification whose units a request names; pathways and entries without units refused. */
function unitsQualification(
  services: AdvisorServices,
  id: string,
  purpose: "check" | "plan",
): EngineQualification {
  const e = entryOf(services.catalogue, id);
  if (e.type === "pathway") {
    const parts = e.components
      .map((c) => (c.component === "qualification" ? c.oneOf.join(" or ") : c.name))
      .join("; ");
    throw new RequestError(
      `${e.title.value} is an apprenticeship pathway, not a qualification with units.${purpose === "check" ? ` Check its qualifications instead: ${parts}.` : ""}`,
    );
  }
  const q = services.engine(e.id);
  if (q) return q;
  if (purpose === "check") throw new NoUnitListError(e.id, e.title.value);
  throw new RequestError(
    `${e.title.value} (${e.id}) has no unit list in our sources, so it cannot be planned.`,
  );
}

function roleOf(catalogue: Catalogue, text: string | undefined) {
  if (text === undefined) return undefined;
  const role = findRole(catalogue.roles, text);
  if (role) return role;
  const known = catalogue.roles.roles.map((r) => r.title);
  throw new RequestError(`"${text}" is not a job role we know. Known roles: ${known.join(", ")}.`, known);
}

/** The rules engine's result for the units proposed. */
export function answerCheck(services: AdvisorServices, request: CheckRequest): CheckResult {
  const q = unitsQualification(services, request.qualification, "check");
  return checkSelection(q, resolveUnits(q, request.units));
}

/** The best completion, checked by the engine; units held stand (and count) as achieved. */
export function answerPlan(services: AdvisorServices, request: PlanRequest): PlanResult {
  const q = unitsQualification(services, request.qualification, "plan");
  const role = roleOf(services.catalogue, request.role);
  const objective = request.objective ?? "glh";
  if (objective === "role" && !role)
    throw new RequestError("{objective} role needs {role}, the learner's job role.");
  const have = resolveUnits(q, request.have ?? []);
  return services.plan(q, {
    have,
    achieved: have,
    keep: resolveUnits(q, request.keep ?? []),
    avoid: resolveUnits(q, request.avoid ?? []),
    objective,
    relevant: relevantUnits(q, services.catalogue.roles, role),
  });
}

/** The learner profile a request describes, its words matched against the catalogue. */
export function profileFrom(catalogue: Catalogue, input: ProfileInput, today: Date): LearnerProfile {
  const experienceMonths =
    input.experience === undefined ? undefined : parseDurationMonths(input.experience, today);
  if (input.experience !== undefined && experienceMonths === undefined)
    throw new RequestError(
      `{experience} "${input.experience}" is not a duration; try "2 years", "18 months", "since 2021" or "none".`,
    );
  const held = (input.held ?? []).map((h) => h.trim().toLowerCase());
  for (const h of held)
    if (!catalogue.entries.has(h)) {
      const known = [...catalogue.entries.keys()];
      throw new RequestError(`{held} "${h}" is not a catalogue id. Known ids: ${known.join(", ")}.`, known);
    }
  return LearnerProfile.parse({
    role: roleOf(catalogue, input.role)?.title,
    experienceMonths,
    level: input.level,
    qualificationsHeld: held,
    workingInContactCentre: input.working,
    apprenticeship: input.apprenticeship,
    nation: input.nation,
    age: input.age,
    goal: input.goal,
  });
}

/** Qualifications ranked for the learner described, and the profile they were ranked for. */
export function answerRecommend(
  services: AdvisorServices,
  input: ProfileInput,
  today: Date,
): { profile: LearnerProfile } & RecommendationResult {
  const profile = profileFrom(services.catalogue, input, today);
  return { profile, ...services.recommend(profile, today.toISOString().slice(0, 10)) };
}

/** What comes after a qualification, which of the units held count, and the rest planned. */
export function answerProgression(
  services: AdvisorServices,
  from: string,
  have: readonly string[] | undefined,
): TransferResult {
  const e = entryOf(services.catalogue, from);
  let held: number[] | undefined;
  if (have?.length) {
    const q = e.type === "qualification" ? services.engine(e.id) : undefined;
    if (!q) throw new RequestError(`${e.title.value} has no unit list, so {have} cannot be used with it.`);
    held = resolveUnits(q, have);
  }
  return services.transfer(e.id, held);
}
