import { LearnerProfile } from "../../advice/profile.ts";
import { creditTransfer, type TransferResult } from "../../advice/progression.ts";
import { type RecommendationResult, recommend } from "../../advice/recommend.ts";
import { findRole, relevantUnits } from "../../advice/roles.ts";
import type { Catalogue } from "../../catalogue/load.ts";
import type { Qualification } from "../../catalogue/schema.ts";
import { parseDurationMonths } from "../../nlu/duration.ts";
import { OBJECTIVES, type Objective } from "../../planner/model.ts";
import { type Plan, type PlanResult, planCompletion } from "../../planner/plan.ts";
import type { MilpSolver } from "../../planner/solver.ts";
import { compileQualification, resolveUnits } from "../../rules/index.ts";
import { describe } from "../../rules/interval.ts";
import { ADVISOR_EXIT, type Io } from "./commands.ts";

/** Bad input to a command: a message for stderr, exit code 2. */
export class CliInputError extends Error {}

export function qualificationOf(catalogue: Catalogue, id: string): Qualification {
  const e = catalogue.entries.get(id.trim().toLowerCase());
  if (!e)
    throw new CliInputError(
      `No qualification or pathway has the id "${id}". Known ids: ${[...catalogue.entries.keys()].join(", ")}.`,
    );
  if (e.type !== "qualification")
    throw new CliInputError(`${e.title.value} is an apprenticeship pathway, not a qualification with units.`);
  if (!e.units)
    throw new CliInputError(
      `${e.title.value} (${e.id}) has no unit list in our sources, so it cannot be planned.`,
    );
  return e;
}

const span = (x: { min: number; max: number | null } | null) =>
  x ? describe({ min: x.min, max: x.max ?? Number.POSITIVE_INFINITY }) : "?";

function printPlan(label: string, p: Plan, io: Io): void {
  io.out(
    `${label}: ${p.detail.length} units, ${span(p.totalCredits)} credits, ${span(p.totalGlh)} GLH — ${p.verdict}\n`,
  );
  for (const u of p.detail) {
    io.out(
      `  ${u.held ? "have" : "add "}  ${(u.number ?? u.unit).padEnd(11)} ${`${span(u.credits)} cr`.padEnd(14)} ${u.title}${u.ref && u.number ? ` (${u.ref})` : ""}\n`,
    );
  }
}

export interface PlanArgs {
  have?: string[];
  keep?: string[];
  avoid?: string[];
  objective?: string;
  role?: string;
}

export function runPlan(
  catalogue: Catalogue,
  solver: MilpSolver,
  io: Io,
  id: string,
  args: PlanArgs,
  json: boolean,
): number {
  const e = qualificationOf(catalogue, id);
  const objective = (args.objective ?? "glh") as Objective;
  if (!OBJECTIVES.includes(objective))
    throw new CliInputError(`--objective must be one of ${OBJECTIVES.join(", ")}, not "${args.objective}".`);
  const role = args.role ? findRole(catalogue.roles, args.role) : undefined;
  if (args.role && !role) {
    throw new CliInputError(
      `"${args.role}" is not a job role we know. Known roles: ${catalogue.roles.roles.map((r) => r.title).join(", ")}.`,
    );
  }
  if (objective === "role" && !role)
    throw new CliInputError('--objective role needs --role "<your job role>".');
  const q = compileQualification(e);
  const held = resolveUnits(q, args.have ?? []);
  const result = planCompletion(
    q,
    {
      have: held,
      achieved: held,
      keep: resolveUnits(q, args.keep ?? []),
      avoid: resolveUnits(q, args.avoid ?? []),
      objective,
      relevant: relevantUnits(q, catalogue.roles, role),
    },
    solver,
  );
  if (json) io.out(`${JSON.stringify(planJson(result), null, 2)}\n`);
  else printPlanResult(e, result, io);
  if (result.status === "infeasible") return ADVISOR_EXIT.invalid;
  if (result.status === "undetermined") return ADVISOR_EXIT.unconfirmed;
  return ADVISOR_EXIT[result.verdict ?? "invalid"];
}

/** The contract: qualificationId, verdict, units, totalGlh, totalCredits, alternatives, reason. */
export function planJson(r: PlanResult) {
  const brief = (p: Plan) => ({
    units: p.units,
    added: p.added,
    totalGlh: p.totalGlh,
    totalCredits: p.totalCredits,
    verdict: p.verdict,
  });
  return {
    qualificationId: r.qualificationId,
    objective: r.objective,
    status: r.status,
    verdict: r.verdict,
    units: r.units,
    totalGlh: r.totalGlh,
    totalCredits: r.totalCredits,
    added: r.plan?.added ?? [],
    detail: r.plan?.detail ?? [],
    reliesOn: r.reliesOn,
    alternatives: r.alternatives.map(brief),
    surest: r.surest ? brief(r.surest) : null,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.undetermined ? { undetermined: r.undetermined } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
    check: r.plan?.check ?? null,
  };
}

function printPlanResult(e: Qualification, r: PlanResult, io: Io): void {
  io.out(
    `${e.title.value} (${e.id}) — plan for ${r.objective === "glh" ? "fewest guided learning hours" : `fewest ${r.objective}`}${r.objective === "role" ? " outside your role" : ""}\n\n`,
  );
  if (r.status === "undetermined" && r.undetermined) {
    io.out(`${r.reason}\n`);
    const u = r.undetermined;
    if (u.mandatory.length) io.out(`\nMandatory units (everyone takes them): ${u.mandatory.join(", ")}\n`);
    io.out("\nThe rules the credit values are needed for:\n");
    for (const rule of u.rules)
      io.out(`  - “${rule.wording}”: ${rule.need} needed; known values give at most ${rule.knownAtMost}\n`);
    io.out(
      "\nA centre holding the awarding body's handbook can add the missing credit values as local overrides (CATALOGUE_OVERRIDES); every plan then says it relies on them.\n",
    );
    return;
  }
  if (r.status === "infeasible" || !r.plan) {
    io.out(`${r.reason}\n${r.fix ? `${r.fix.text}\n` : ""}`);
    return;
  }
  printPlan("Plan", r.plan, io);
  if (r.reliesOn.length) {
    io.out(
      `\nUnconfirmed: the plan meets every rule as far as our sources go, but relies on ${r.reliesOn.length} fact${r.reliesOn.length === 1 ? "" : "s"} they do not give:\n`,
    );
    for (const f of r.reliesOn.slice(0, 8)) io.out(`  - ${f}\n`);
    if (r.reliesOn.length > 8) io.out(`  - and ${r.reliesOn.length - 8} more (use --json)\n`);
  }
  r.alternatives.forEach((a, i) => {
    io.out("\n");
    printPlan(`Alternative ${i + 1}`, a, io);
  });
  if (r.surest) {
    const extra = (r.surest.totalGlh.min ?? 0) - (r.plan.totalGlh.min ?? 0);
    io.out(
      `\nThe surest plan: ${extra > 0 ? `${extra} more GLH, ` : ""}relies on fewer facts our sources do not give.\n`,
    );
    printPlan("Surest plan", r.surest, io);
  }
}

export interface RecommendArgs {
  role?: string;
  experience?: string;
  level?: string;
  working?: string;
  apprenticeship?: string;
  nation?: string;
  age?: string;
  goal?: string;
  held?: string[];
}

function yesNo(flag: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (/^(y|yes|true)$/i.test(v)) return true;
  if (/^(n|no|false)$/i.test(v)) return false;
  throw new CliInputError(`--${flag} must be yes or no, not "${v}".`);
}

export function profileFromArgs(catalogue: Catalogue, args: RecommendArgs, today: Date): LearnerProfile {
  const role = args.role ? findRole(catalogue.roles, args.role) : undefined;
  if (args.role && !role) {
    throw new CliInputError(
      `"${args.role}" is not a job role we know. Known roles: ${catalogue.roles.roles.map((r) => r.title).join(", ")}.`,
    );
  }
  const experienceMonths =
    args.experience === undefined ? undefined : parseDurationMonths(args.experience, today);
  if (args.experience !== undefined && experienceMonths === undefined) {
    throw new CliInputError(
      `--experience "${args.experience}" is not a duration; try "2 years", "18 months", "since 2021" or "none".`,
    );
  }
  const nation =
    args.nation === undefined
      ? undefined
      : ["England", "Wales", "Scotland", "Northern Ireland"].find(
          (n) => n.toLowerCase() === args.nation?.trim().toLowerCase(),
        );
  if (args.nation !== undefined && !nation)
    throw new CliInputError(
      `--nation must be England, Wales, Scotland or Northern Ireland, not "${args.nation}".`,
    );
  const held = (args.held ?? []).map((h) => h.trim().toLowerCase());
  for (const h of held)
    if (!catalogue.entries.has(h))
      throw new CliInputError(`--held "${h}" is not a catalogue id (see advisor qualifications).`);
  const parsed = LearnerProfile.safeParse({
    role: role?.title,
    experienceMonths,
    level: args.level === undefined ? undefined : Number(args.level),
    qualificationsHeld: held,
    workingInContactCentre: yesNo("working", args.working),
    apprenticeship: yesNo("apprenticeship", args.apprenticeship),
    nation,
    age: args.age === undefined ? undefined : Number(args.age),
    goal: args.goal,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliInputError(`--${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export function runRecommend(
  catalogue: Catalogue,
  io: Io,
  args: RecommendArgs,
  json: boolean,
  today: Date,
): number {
  const profile = profileFromArgs(catalogue, args, today);
  const result = recommend(catalogue, profile, today);
  if (json) {
    io.out(`${JSON.stringify({ profile, ...result }, null, 2)}\n`);
    return 0;
  }
  printRecommendations(result, io);
  return 0;
}

function printRecommendations(r: RecommendationResult, io: Io): void {
  const kinds = ["competence", "knowledge", "apprenticeship"] as const;
  io.out(
    `Levels your profile points to: ${kinds
      .map((k) => `${k} ${r.targets[k] ? `Level ${r.targets[k]?.level}` : "none higher"}`)
      .join("; ")}\n\n`,
  );
  r.recommendations.forEach((x, i) => {
    io.out(`${i + 1}. ${x.title} (${x.qualificationId})\n`);
    for (const reason of x.reasons)
      io.out(`   + ${reason.text}${reason.quote ? `\n       “${reason.quote}” (${reason.source})` : ""}\n`);
    for (const c of x.cautions) io.out(`   ! ${c.text}\n`);
    io.out(`   Next: ${x.nextStep}\n`);
  });
  for (const x of r.notOffered)
    io.out(`\nNot offered: ${x.title} (${x.qualificationId}): ${x.reason.text}\n`);
  for (const x of r.notSuitable)
    io.out(`Not for you now: ${x.title} (${x.qualificationId}): ${x.reason.text}\n`);
}

export function runProgress(
  catalogue: Catalogue,
  solver: MilpSolver,
  io: Io,
  from: string,
  have: string[] | undefined,
  json: boolean,
): number {
  const entry = catalogue.entries.get(from.trim().toLowerCase());
  if (!entry)
    throw new CliInputError(
      `No qualification or pathway has the id "${from}". Known ids: ${[...catalogue.entries.keys()].join(", ")}.`,
    );
  let held: number[] | undefined;
  if (have?.length) {
    if (entry.type !== "qualification" || !entry.units)
      throw new CliInputError(`${entry.title.value} has no unit list, so --have cannot be used with it.`);
    const q = compileQualification(entry);
    held = resolveUnits(q, have);
  }
  const result = creditTransfer(catalogue, entry.id, held, solver);
  if (json) {
    io.out(`${JSON.stringify(transferJson(result), null, 2)}\n`);
    return 0;
  }
  printTransfer(result, io);
  return 0;
}

export function transferJson(r: TransferResult) {
  return {
    ...r,
    next: r.next.map((n) => ({ ...n, plan: n.plan ? planJson(n.plan) : null })),
  };
}

function printTransfer(r: TransferResult, io: Io): void {
  io.out(`From ${r.from.title} (${r.from.qualificationId})\n`);
  io.out(
    r.heldGiven
      ? `Units held: ${r.held.join(", ")}\n`
      : `Units held: not given, so only the mandatory units (${r.held.join(", ") || "none"}) are certain\n`,
  );
  if (!r.next.length) io.out("\nOur sources name no next qualification in the catalogue.\n");
  for (const n of r.next) {
    io.out(`\n→ ${n.title} (${n.qualificationId})\n   ${n.route.text}\n`);
    if (n.jobRoles.length) io.out(`   Job roles: ${n.jobRoles.join(", ")}\n`);
    if (n.note) {
      io.out(`   ${n.note}\n`);
      continue;
    }
    io.out(
      `   Units that count (${span(n.creditsCarried)} credits carried):${n.counts.length ? "" : " none"}\n`,
    );
    for (const m of n.counts) io.out(`     ${m.fromUnit} → ${m.toUnit} [${m.basis}]\n`);
    if (n.mayCount.length)
      io.out(`   Would count if you took them: ${n.mayCount.map((m) => m.fromUnit).join("; ")}\n`);
    if (n.uncertain.length)
      io.out(
        `   May count (two units share the title; check which you took): ${n.uncertain.map((m) => m.fromUnit).join("; ")}\n`,
      );
    if (n.plan?.plan) {
      io.out(
        `   Cheapest completion (fewest GLH): add ${n.plan.plan.added.join(", ") || "nothing"}; ${span(n.plan.totalCredits)} credits, ${span(n.plan.totalGlh)} GLH — ${n.plan.verdict}\n`,
      );
    } else if (n.plan?.reason) io.out(`   ${n.plan.reason}\n`);
  }
  if (r.beyond.length) io.out(`\nAlso (outside this catalogue): ${r.beyond.join("; ")}\n`);
}
