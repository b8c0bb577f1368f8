import type { TransferResult } from "../advice/progression.ts";
import type { Catalogue } from "../catalogue/load.ts";
import type { Plan, PlanResult } from "../planner/plan.ts";

// The JSON answers the CLI's --json and the REST API share: one contract, written once.

/** Every qualification and pathway: id, title, type, level. */
export function qualificationList(catalogue: Catalogue) {
  return {
    qualifications: [...catalogue.entries.values()].map((e) => ({
      id: e.id,
      title: e.title.value,
      type: e.type,
      level: e.level.value ?? null,
    })),
  };
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

export function transferJson(r: TransferResult) {
  return {
    ...r,
    next: r.next.map((n) => ({ ...n, plan: n.plan ? planJson(n.plan) : null })),
  };
}
