import { NATIONS, ProfileInput } from "../../advice/profile.ts";
import type { TransferResult } from "../../advice/progression.ts";
import type { RecommendationResult } from "../../advice/recommend.ts";
import { answerPlan, answerProgression, answerRecommend } from "../../advice/requests.ts";
import type { AdvisorServices } from "../../advice/services.ts";
import { OBJECTIVES, type Objective } from "../../planner/model.ts";
import type { Plan, PlanResult } from "../../planner/plan.ts";
import { describe } from "../../rules/interval.ts";
import { planJson, transferJson } from "../answers.ts";
import { ADVISOR_EXIT, type Io } from "./commands.ts";

/** Bad input to a command: a message for stderr, exit code 2. */
export class CliInputError extends Error {}

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
  services: AdvisorServices,
  io: Io,
  id: string,
  args: PlanArgs,
  json: boolean,
): number {
  const objective = (args.objective ?? "glh") as Objective;
  if (!OBJECTIVES.includes(objective))
    throw new CliInputError(`--objective must be one of ${OBJECTIVES.join(", ")}, not "${args.objective}".`);
  const { have, keep, avoid, role } = args;
  const result = answerPlan(services, { qualification: id, have, keep, avoid, role, objective });
  if (json) io.out(`${JSON.stringify(planJson(result), null, 2)}\n`);
  else printPlanResult(services.catalogue.entries.get(result.qualificationId)?.title.value, result, io);
  if (result.status === "infeasible") return ADVISOR_EXIT.invalid;
  if (result.status === "undetermined") return ADVISOR_EXIT.unconfirmed;
  return ADVISOR_EXIT[result.verdict ?? "invalid"];
}

function printPlanResult(title: string | undefined, r: PlanResult, io: Io): void {
  io.out(
    `${title} (${r.qualificationId}) — plan for ${r.objective === "glh" ? "fewest guided learning hours" : `fewest ${r.objective}`}${r.objective === "role" ? " outside your role" : ""}\n\n`,
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

/** The options as the profile input the REST API also takes (the same names), validated by its schema. */
export function profileInputOf(args: RecommendArgs): ProfileInput {
  const nation =
    args.nation === undefined
      ? undefined
      : NATIONS.find((n) => n.toLowerCase() === args.nation?.trim().toLowerCase());
  if (args.nation !== undefined && !nation)
    throw new CliInputError(
      `--nation must be ${NATIONS.slice(0, -1).join(", ")} or ${NATIONS.at(-1)}, not "${args.nation}".`,
    );
  const parsed = ProfileInput.safeParse({
    role: args.role,
    experience: args.experience,
    level: args.level === undefined ? undefined : Number(args.level),
    working: yesNo("working", args.working),
    apprenticeship: yesNo("apprenticeship", args.apprenticeship),
    nation,
    age: args.age === undefined ? undefined : Number(args.age),
    goal: args.goal,
    held: args.held,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliInputError(`--${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export function runRecommend(
  services: AdvisorServices,
  io: Io,
  args: RecommendArgs,
  json: boolean,
  today: Date,
): number {
  const answer = answerRecommend(services, profileInputOf(args), today);
  if (json) io.out(`${JSON.stringify(answer, null, 2)}\n`);
  else printRecommendations(answer, io);
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
  services: AdvisorServices,
  io: Io,
  from: string,
  have: string[] | undefined,
  json: boolean,
): number {
  const result = answerProgression(services, from, have);
  if (json) io.out(`${JSON.stringify(transferJson(result), null, 2)}\n`);
  else printTransfer(result, io);
  return 0;
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
