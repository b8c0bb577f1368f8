import type { LearnerProfile } from "../src/advice/profile.ts";
import type { TransferResult } from "../src/advice/progression.ts";
import type { RecommendationResult } from "../src/advice/recommend.ts";
import { findRole, relevantUnits } from "../src/advice/roles.ts";
import type { AdvisorServices } from "../src/advice/services.ts";
import type { CatalogueEntry, Qualification } from "../src/catalogue/schema.ts";
import type { PlanResult } from "../src/planner/plan.ts";
import {
  type CheckResult,
  checkSelection,
  type EngineQualification,
  NoUnitListError,
  resolveUnits,
  UnitInputError,
} from "../src/rules/index.ts";
import { describe as describeInterval, type IntervalJson } from "../src/rules/interval.ts";
import type { Messages } from "./messages/messages.ts";
import type { AdviceFacts, Answers, CardOf, HeldUnits, PlanFacts, Slot } from "./types.ts";

export type { AdvisorServices };

export function engineQualification(services: AdvisorServices, id: string): EngineQualification | undefined {
  return services.engine(id);
}

export const intervalText = (i: IntervalJson | null | undefined): string =>
  i ? describeInterval({ min: i.min, max: i.max ?? Number.POSITIVE_INFINITY }) : "?";

/** The learner profile the domain reads, from the conversation's answers. */
export function profileOf(a: Answers): LearnerProfile {
  // A current job role from the catalogue's list is a contact-centre job; "not working" is not.
  const working = a.working ?? (a.role === null ? false : a.role ? true : undefined);
  return {
    ...(a.role !== undefined ? { role: a.role } : {}),
    ...(a.experienceMonths !== undefined ? { experienceMonths: a.experienceMonths } : {}),
    ...(a.level !== undefined ? { level: a.level } : {}),
    qualificationsHeld: a.qualificationsHeld,
    ...(working !== undefined ? { workingInContactCentre: working } : {}),
    ...(a.apprenticeship !== undefined ? { apprenticeship: a.apprenticeship } : {}),
    ...(a.nation !== undefined ? { nation: a.nation } : {}),
    ...(a.age !== undefined ? { age: a.age } : {}),
  };
}

export function profileFacts(a: Answers): AdviceFacts["profile"] {
  const p = profileOf(a);
  return {
    role: p.role ?? null,
    experienceMonths: p.experienceMonths ?? null,
    level: p.level ?? null,
    qualificationsHeld: p.qualificationsHeld,
    workingInContactCentre: p.workingInContactCentre ?? null,
    apprenticeship: p.apprenticeship ?? null,
    nation: p.nation ?? null,
    age: p.age ?? null,
    userKind: a.userKind,
    learnerName: a.learnerName,
    unitsHeld: a.heldUnits,
  };
}

// Recommendations are a pure function of the profile and the day; the router asks for several
// what-if profiles on every pass (does this question matter?), so the services remember them.
export function recommendFor(services: AdvisorServices, a: Answers, today: string): RecommendationResult {
  return services.recommend(profileOf(a), today);
}

const top = (r: RecommendationResult, n = 3) =>
  r.recommendations
    .slice(0, n)
    .map((x) => x.qualificationId)
    .join(",");

/** Values an optional slot may take, to see whether its answer would change the advice. */
const ALTERNATIVES: Partial<Record<Slot, Partial<Answers>[]>> = {
  working: [{ working: true }, { working: false }],
  apprenticeship: [{ apprenticeship: true }, { apprenticeship: false }],
  nation: [{ nation: "England" }, { nation: "Wales" }],
  age: [{ age: 16 }, { age: 30 }],
};

/**
 * Whether asking about an optional slot is worth the learner's time: only when its possible answers
 * lead to different top recommendations (the profile as known so far).
 */
export function slotMatters(services: AdvisorServices, a: Answers, slot: Slot, today: string): boolean {
  const options = ALTERNATIVES[slot];
  if (!options) return true;
  const seen = new Set(options.map((o) => top(recommendFor(services, { ...a, ...o }, today))));
  return seen.size > 1;
}

export function recommendationFacts(r: RecommendationResult): NonNullable<AdviceFacts["recommendations"]> {
  return r.recommendations.map((x) => ({
    qualificationId: x.qualificationId,
    title: x.title,
    reasons: x.reasons.map((y) => ({
      text: y.text,
      ...(y.quote ? { quote: y.quote } : {}),
      ...(y.source ? { source: y.source } : {}),
    })),
  }));
}

export function recommendationCard(
  services: AdvisorServices,
  m: Messages,
  r: RecommendationResult,
  n = 3,
): CardOf<"recommendations"> {
  // A quote is shown once per card: the same job-role list under three qualifications is a wall.
  const quoted = new Set<string>();
  const once = <T extends { quote?: string }>(y: T): T => {
    if (!y.quote) return y;
    if (quoted.has(y.quote)) {
      const { quote: _shown, ...rest } = y;
      return rest as T;
    }
    quoted.add(y.quote);
    return y;
  };
  return {
    type: "recommendations",
    words: m.cards.recommendations,
    items: r.recommendations.slice(0, n).map((x) => {
      const e = services.catalogue.entries.get(x.qualificationId);
      return {
        qualificationId: x.qualificationId,
        title: x.title,
        level: x.level,
        kind: x.kind,
        // The domain writes to the learner: to an adviser, its sentences speak of the learner.
        reasons: x.reasons.map((y) => once({ ...y, text: m.inPerson(y.text) })),
        cautions: x.cautions.map((y) => ({ ...y, text: m.inPerson(y.text) })),
        // The CLI command in the next step means nothing in a chat.
        nextStep: m.inPerson(m.planWithMe(x.nextStep)),
        hasUnitList: e?.type === "qualification" && !!e.units,
      };
    }),
    notOffered: r.notOffered.map((x) => ({
      qualificationId: x.qualificationId,
      title: x.title,
      reason: m.inPerson(x.reason.text),
    })),
  };
}

export type PlanOutcome =
  | { kind: "plan"; result: PlanResult; entry: Qualification; q: EngineQualification }
  | { kind: "noUnitList"; entry: CatalogueEntry }
  | { kind: "pathway"; entry: CatalogueEntry }
  | { kind: "badUnits"; messages: string[] };

const QCF_REF = /^[A-Z]\/\d{3}\/\d{4}$/;
/** Held units given as numbers need their qualification; QCF references are the same unit anywhere. */
export const heldNeedsQualification = (h: HeldUnits) =>
  h.qualificationId === null && h.units.some((x) => !QCF_REF.test(x));

/** The label a learner reads for a unit: the qualification's own number where it has one, else its QCF reference. */
export const unitLabel = (q: EngineQualification, key: string): string => {
  const u = q.units[q.byKey.get(key) ?? -1];
  return u?.number ?? u?.ref ?? key;
};

/** Each input resolved on its own: an input that is not a unit of `q` is left out, not an error. */
function resolveEach(q: EngineQualification, inputs: readonly string[]): number[] {
  return inputs.flatMap((x) => {
    try {
      return resolveUnits(q, [x]);
    } catch (e) {
      if (e instanceof UnitInputError) return [];
      throw e;
    }
  });
}

/** Units of `q` that count because the learner holds units of qualification `from`. */
function carriedFrom(
  services: AdvisorServices,
  from: string,
  units: string[],
  q: EngineQualification,
): number[] {
  const t = transferFor(services, from, units);
  if ("error" in t) return [];
  const next = t.next.find((n) => n.qualificationId === q.entry.id);
  if (next)
    return resolveEach(
      q,
      next.counts.map((m) => m.toKey),
    );
  // No route between the two in our sources: only the same QCF reference says it is the same unit.
  const fromQ = engineQualification(services, from);
  if (!fromQ || !units.length) return [];
  const refs = resolveEach(fromQ, units).flatMap((i) => fromQ.units[i]?.ref ?? []);
  return resolveEach(q, refs);
}

/**
 * The units of `q` the learner holds: their own units of it, units given by QCF reference alone, and the
 * units carried from the qualifications they hold (by the credit-transfer routes; where they gave no
 * units of a qualification held, its mandatory units, which everyone takes).
 */
export function heldIn(
  services: AdvisorServices,
  a: Pick<Answers, "heldUnits" | "qualificationsHeld">,
  q: EngineQualification,
): number[] {
  const out = new Set<number>();
  for (const h of a.heldUnits) {
    const found =
      h.qualificationId === null || h.qualificationId === q.entry.id
        ? resolveEach(q, h.units)
        : carriedFrom(services, h.qualificationId, h.units, q);
    for (const i of found) out.add(i);
  }
  const given = new Set(a.heldUnits.map((h) => h.qualificationId));
  for (const from of a.qualificationsHeld)
    if (!given.has(from) && from !== q.entry.id)
      for (const i of carriedFrom(services, from, [], q)) out.add(i);
  return [...out].sort((x, y) => x - y);
}

export function planFor(services: AdvisorServices, a: Answers, qualificationId: string): PlanOutcome {
  const entry = services.catalogue.entries.get(qualificationId);
  if (!entry) return { kind: "badUnits", messages: [`No qualification ${qualificationId}.`] };
  if (entry.type === "pathway") return { kind: "pathway", entry };
  const q = engineQualification(services, qualificationId);
  if (!q) return { kind: "noUnitList", entry };
  const role = a.role ? findRole(services.catalogue.roles, a.role) : undefined;
  const objective = a.objective === "role" && !role ? "glh" : a.objective;
  const carried = heldIn(services, a, q);
  let have: number[];
  try {
    have = [...new Set([...carried, ...resolveUnits(q, a.units ?? [])])];
  } catch (e) {
    if (e instanceof UnitInputError) return { kind: "badUnits", messages: e.problems.map((p) => p.message) };
    throw e;
  }
  const result = services.plan(q, {
    have,
    achieved: carried,
    keep: [],
    avoid: [],
    objective,
    relevant: relevantUnits(q, services.catalogue.roles, role),
  });
  return { kind: "plan", result, entry: q.entry, q };
}

/** The plan as channelData carries it (`advice.plan`). */
export function planFacts(result: PlanResult, q: EngineQualification): PlanFacts {
  const base = { qualificationId: q.entry.id };
  if (result.status === "planned" && result.plan) {
    const label = (d: { number: string | null; ref: string | null; unit: string }) =>
      d.number ?? d.ref ?? d.unit;
    return {
      ...base,
      have: result.plan.detail.filter((d) => d.held).map(label),
      add: result.plan.detail.filter((d) => !d.held).map(label),
      verdict: result.verdict ?? "invalid",
    };
  }
  const u = result.undetermined;
  return {
    ...base,
    have: (u?.held ?? []).map((k) => unitLabel(q, k)),
    add: [],
    verdict: result.status === "undetermined" ? "undetermined" : "infeasible",
    ...(u ? { mandatory: u.mandatory.map((k) => unitLabel(q, k)) } : {}),
  };
}

/** The plan card; `today` tells whether the qualification has closed to new registrations. */
export function planCard(
  m: Messages,
  result: PlanResult,
  entry: Qualification,
  today: string,
): CardOf<"plan"> {
  const verdict = result.verdict ?? "invalid";
  const totalCredits = intervalText(result.totalCredits);
  const totalGlh = intervalText(result.totalGlh);
  const end = entry.operationalEnd?.value;
  const closed = !!end && new Date(`${end}T23:59:59Z`) < new Date(`${today}T12:00:00Z`);
  const label = (d: { number: string | null; ref: string | null; unit: string }) =>
    d.number ?? d.ref ?? d.unit;
  return {
    type: "plan",
    words: m.cards.plan({ title: entry.title.value, totalCredits, totalGlh, verdict }),
    qualificationId: entry.id,
    title: entry.title.value,
    verdict,
    objective: result.objective,
    closedOn: closed && end ? end : null,
    units: (result.plan?.detail ?? []).map((d) => ({
      unit: d.number ?? d.ref ?? d.unit,
      title: d.title,
      credits: intervalText(d.credits),
      glh: d.glh ? intervalText(d.glh) : "?",
      held: d.held,
    })),
    totalCredits,
    totalGlh,
    reliesOn: result.reliesOn,
    alternatives: result.alternatives.map((p) => ({
      units: p.detail.map(label),
      totalGlh: intervalText(p.totalGlh),
      totalCredits: intervalText(p.totalCredits),
    })),
    surest:
      result.surest && result.plan
        ? {
            extraGlh: (result.surest.totalGlh.min ?? 0) - (result.plan.totalGlh.min ?? 0),
            units: result.surest.detail.map(label),
          }
        : null,
  };
}

export type CheckOutcome =
  | { kind: "checked"; result: CheckResult; q: EngineQualification }
  | { kind: "noUnitList"; entry: CatalogueEntry }
  | { kind: "pathway"; entry: CatalogueEntry }
  | { kind: "badUnits"; messages: string[] };

/**
 * The rules engine's check of a selection; with the learner's answers, the units they hold count too
 * (as held: achieved before, not proposed).
 */
export function checkFor(
  services: AdvisorServices,
  qualificationId: string,
  units: string[],
  a?: Pick<Answers, "heldUnits" | "qualificationsHeld">,
): CheckOutcome {
  const entry = services.catalogue.entries.get(qualificationId);
  if (!entry) return { kind: "badUnits", messages: [`No qualification ${qualificationId}.`] };
  if (entry.type === "pathway") return { kind: "pathway", entry };
  const q = engineQualification(services, qualificationId);
  if (!q) return { kind: "noUnitList", entry };
  try {
    const held = a ? heldIn(services, a, q) : [];
    const selected = [...new Set([...resolveUnits(q, units), ...held])];
    return { kind: "checked", result: checkSelection(q, selected, { held }), q };
  } catch (e) {
    if (e instanceof UnitInputError) return { kind: "badUnits", messages: e.problems.map((p) => p.message) };
    if (e instanceof NoUnitListError) return { kind: "noUnitList", entry };
    throw e;
  }
}

/** Unit numbers (or references) as the learner would type them, for a check result. */
export const unitIds = (r: CheckResult) => r.units.map((u) => u.number ?? u.ref ?? u.unit);

export function checkFacts(r: CheckResult): NonNullable<AdviceFacts["check"]> {
  return {
    qualificationId: r.qualificationId,
    verdict: r.verdict,
    units: unitIds(r),
    violations: r.violations.map((v) => ({
      rule: v.rule,
      ruleId: v.ruleId,
      message: v.message,
      wording: v.wording,
      ...(v.have ? { have: v.have } : {}),
      ...(v.need !== undefined ? { need: v.need } : {}),
      ...(v.shortBy ? { shortBy: v.shortBy } : {}),
      units: v.units,
      ...(v.fix ? { fix: v.fix } : {}),
    })),
  };
}

/** The check card, in the words of the conversation's catalogue. */
export function checkCard(m: Messages, r: CheckResult): CardOf<"check"> {
  const unlisted = r.rules.filter((x) => !mattersToSelection(x)).length;
  const totalCredits = intervalText(r.totals.credits);
  return {
    type: "check",
    words: m.cards.check(r.title, unitIds(r), totalCredits, r.verdict, r.violations.length),
    qualificationId: r.qualificationId,
    title: r.title,
    verdict: r.verdict,
    units: r.units.map((u) => ({
      unit: u.number ?? u.ref ?? u.unit,
      title: u.title,
      credits: intervalText(u.credits),
      counted: u.counted,
      held: u.held,
    })),
    rules: r.rules.filter(mattersToSelection).map((x) => ({
      rule: x.rule,
      status: x.status,
      message: m.inPerson(x.message),
      wording: x.wording,
      ...(x.fix && x.status !== "holds" ? { fix: m.inPerson(x.fix) } : {}),
    })),
    totalCredits,
    othersMet: unlisted ? m.checkOthersMet(unlisted) : null,
  };
}

/**
 * Whether a check lists a rule: every rule broken or not confirmed, and of the rules met only those
 * that change what counts (two units of a barred set of which one counts, more units of a group than
 * count). "Barred units 32 and 34: none chosen" and "all mandatory units included" say nothing the
 * verdict does not.
 */
export function mattersToSelection(x: CheckResult["rules"][number]): boolean {
  if (x.status !== "holds") return true;
  if (x.rule === "barred") return x.units.length >= 2;
  if (x.rule === "groupUnits") return x.have !== undefined && x.need !== undefined && x.have.min > x.need;
  return false;
}

export function unitPickerCard(
  m: Messages,
  q: EngineQualification,
  selected: string[],
): CardOf<"unitPicker"> {
  return {
    type: "unitPicker",
    words: m.cards.unitPicker(q.entry.title.value),
    qualificationId: q.entry.id,
    title: q.entry.title.value,
    groups: [...q.groupNames.entries()].map(([id, name]) => ({
      id,
      name,
      units: (q.groupUnits.get(id) ?? []).map((i) => {
        const u = q.units[i];
        const value = u?.number ?? u?.ref ?? u?.key ?? "";
        return {
          value,
          label: `${u?.number ? `${u.number}. ` : ""}${u?.title ?? ""}`,
          // "At least 1" is the engine's bound, not a fact: an unknown value is shown as unknown.
          credits: u && Number.isFinite(u.credits.max) ? describeInterval(u.credits) : "?",
        };
      }),
    })),
    selected,
  };
}

export function transferFor(
  services: AdvisorServices,
  fromId: string,
  heldUnits: string[],
): TransferResult | { error: string } {
  const q = engineQualification(services, fromId);
  let held: number[] | undefined;
  if (heldUnits.length && q) {
    try {
      held = resolveUnits(q, heldUnits);
    } catch (e) {
      if (e instanceof UnitInputError) return { error: e.problems.map((p) => p.message).join("\n") };
      throw e;
    }
  }
  return services.transfer(fromId, held);
}
