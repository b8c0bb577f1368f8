import type { Catalogue } from "../catalogue/load.ts";
import type { FactKind, Qualification } from "../catalogue/schema.ts";
import { type PlanResult, planCompletion } from "../planner/plan.ts";
import type { MilpSolver } from "../planner/solver.ts";
import { add, type Interval, type IntervalJson, toJson, ZERO } from "../rules/interval.ts";
import type { EngineUnit } from "../rules/model.ts";
import { compileQualification, type EngineQualification, normaliseTitle } from "../rules/model.ts";

/** One edge of the progression graph, from the sources: qualification to qualification. */
export interface ProgressionEdge {
  from: string;
  to: string;
  text: string;
  kind: FactKind;
  because?: string;
  source: { doc: string; quote: string };
}

export interface ProgressionNode {
  id: string;
  title: string;
  level: number | null;
  /** Job roles the sources name for it (or, for a pathway, that its apprentices progress into). */
  jobRoles: string[];
  next: ProgressionEdge[];
  /** Routes the sources give that lead outside the catalogue (higher education, other apprenticeships...). */
  beyond: string[];
}

export function progressionGraph(catalogue: Catalogue): Map<string, ProgressionNode> {
  const graph = new Map<string, ProgressionNode>();
  for (const e of catalogue.entries.values()) {
    graph.set(e.id, {
      id: e.id,
      title: e.title.value,
      level: e.level.value ?? null,
      jobRoles: e.jobRoles.map((r) => r.value),
      next: e.progression.flatMap((p) =>
        p.to
          ? [
              {
                from: e.id,
                to: p.to,
                text: p.value,
                kind: p.kind,
                ...(p.from ? { because: p.from } : {}),
                source: { doc: p.source.doc, quote: p.source.quote },
              },
            ]
          : [],
      ),
      beyond: e.progression.filter((p) => !p.to).map((p) => p.value),
    });
  }
  return graph;
}

export interface UnitMatch {
  from: string;
  to: string;
  fromUnit: string;
  toUnit: string;
  /** The unit's key in the next qualification (its number, or reference where it has none). */
  toKey: string;
  basis: "same QCF reference" | "same title in the suite";
  credits: IntervalJson;
  source: { doc: string; quote: string };
}

export interface TransferTarget {
  qualificationId: string;
  title: string;
  route: ProgressionEdge;
  jobRoles: string[];
  /** Its source says these roles come "with additional training" (the Welsh pathways). */
  rolesWithTraining?: true;
  /** Units held that count towards it. */
  counts: UnitMatch[];
  /** Units that count if the learner took them (when the units held were not given). */
  mayCount: UnitMatch[];
  /** Units whose title matches, but the title belongs to two different units, so it may not be the same one. */
  uncertain: UnitMatch[];
  creditsCarried: IntervalJson;
  plan: PlanResult | null;
  note?: string;
}

export interface TransferResult {
  from: { qualificationId: string; title: string };
  /** The units held: as given, or only the mandatory units when none were given. */
  held: string[];
  heldGiven: boolean;
  next: TransferTarget[];
  beyond: string[];
}

const SAME_TITLE_SOURCE = {
  doc: "domain-facts.md",
  quote: "Same title within this suite means the same unit (derived)",
};

/** Units of `to` that are the same unit as `u` of `from`; uncertain when two units share the title. */
function matchUnit(
  from: EngineQualification,
  to: EngineQualification,
  u: EngineUnit,
): { unit: EngineUnit; basis: UnitMatch["basis"]; certain: boolean; twins?: number[] } | undefined {
  if (u.ref) {
    const byRef = to.units.find((v) => v.ref === u.ref);
    // The same reference printed for both; a reference derived by title is the title's match.
    if (byRef)
      return {
        unit: byRef,
        basis: u.refDerived || byRef.refDerived ? "same title in the suite" : "same QCF reference",
        certain: true,
      };
  }
  const t = normaliseTitle(u.title).replace(/hand over/g, "handover");
  const same = to.units.filter((v) => normaliseTitle(v.title).replace(/hand over/g, "handover") === t);
  if (same.length !== 1) return undefined;
  const twins = from.units.filter((v) => normaliseTitle(v.title).replace(/hand over/g, "handover") === t);
  // A title carried by two different units (the IT units at two levels) does not say which one this is.
  const ambiguous = twins.length > 1 || !!u.refOneOf || !!same[0]?.refOneOf;
  return same[0]
    ? {
        unit: same[0],
        basis: "same title in the suite",
        certain: !ambiguous,
        ...(twins.length > 1 ? { twins: twins.map((v) => v.index) } : {}),
      }
    : undefined;
}

function describeMatch(
  from: EngineQualification,
  to: EngineQualification,
  u: EngineUnit,
  m: { unit: EngineUnit; basis: UnitMatch["basis"] },
): UnitMatch {
  const fromRef = u.ref;
  return {
    from: from.entry.id,
    to: to.entry.id,
    fromUnit: u.label,
    toUnit: m.unit.label,
    toKey: m.unit.key,
    basis: m.basis,
    credits: toJson(m.unit.credits),
    source:
      m.basis === "same QCF reference"
        ? { doc: "catalogue", quote: `${fromRef} in both` }
        : SAME_TITLE_SOURCE,
  };
}

/**
 * For someone holding a qualification (and, optionally, the units they took): the next qualifications,
 * which held units count towards each and why, the credits carried, and the cheapest completion of the
 * rest (the planner, fewest GLH).
 */
export function creditTransfer(
  catalogue: Catalogue,
  fromId: string,
  heldUnits: readonly number[] | undefined,
  solver: MilpSolver,
): TransferResult {
  const graph = progressionGraph(catalogue);
  const fromEntry = catalogue.entries.get(fromId);
  const node = graph.get(fromId);
  if (!fromEntry || !node) throw new Error(`no catalogue entry ${fromId}`);
  const fromQ = fromEntry.type === "qualification" ? compileQualification(fromEntry) : undefined;
  const mandatory = new Set(
    fromQ?.rules.flatMap((r) =>
      r.rule === "mandatory" ? r.units.map((k) => fromQ.byKey.get(k) ?? -1) : [],
    ) ?? [],
  );
  const held = heldUnits ?? [...mandatory];
  const result: TransferResult = {
    from: { qualificationId: fromId, title: fromEntry.title.value },
    held: held.map((i) => fromQ?.units[i]?.key ?? String(i)),
    heldGiven: heldUnits !== undefined,
    next: [],
    beyond: node.beyond,
  };
  const seen = new Set<string>();
  for (const edge of node.next) {
    if (seen.has(edge.to)) continue;
    seen.add(edge.to);
    const target = catalogue.entries.get(edge.to);
    if (!target) continue;
    const base = {
      qualificationId: target.id,
      title: target.title.value,
      route: edge,
      jobRoles: target.jobRoles.map((r) => r.value),
      ...(target.jobRoles.some((r) => /\bwith additional training\b/i.test(r.source?.quote ?? ""))
        ? { rolesWithTraining: true as const }
        : {}),
    };
    if (target.type !== "qualification" || !target.units || !fromQ) {
      result.next.push({
        ...base,
        counts: [],
        mayCount: [],
        uncertain: [],
        creditsCarried: toJson(ZERO),
        plan: null,
        note:
          target.type === "qualification" && !target.units
            ? "Its unit list is not in our sources, so we cannot say which units count."
            : undefined,
      });
      continue;
    }
    result.next.push(
      transferTo(
        fromQ,
        compileQualification(target as Qualification),
        held,
        heldUnits !== undefined,
        base,
        solver,
      ),
    );
  }
  return result;
}

function transferTo(
  fromQ: EngineQualification,
  toQ: EngineQualification,
  held: readonly number[],
  heldGiven: boolean,
  base: Pick<TransferTarget, "qualificationId" | "title" | "route" | "jobRoles">,
  solver: MilpSolver,
): TransferTarget {
  const heldSet = new Set(held);
  const counts: UnitMatch[] = [];
  const mayCount: UnitMatch[] = [];
  const uncertain: UnitMatch[] = [];
  const carried: number[] = [];
  let credits: Interval = ZERO;
  for (const u of fromQ.units) {
    const m = matchUnit(fromQ, toQ, u);
    if (!m) continue;
    const match = describeMatch(fromQ, toQ, u, m);
    // Two units share the title ("Using Email" at two levels) and the learner holds both: whichever of
    // them it is, they hold it.
    const everyTwinHeld = heldGiven && !!m.twins && m.twins.every((i) => heldSet.has(i));
    if (!m.certain && !everyTwinHeld) {
      if (heldSet.has(u.index) || !heldGiven) uncertain.push(match);
    } else if (heldSet.has(u.index)) {
      counts.push(match);
      if (!carried.includes(m.unit.index)) {
        carried.push(m.unit.index);
        credits = add(credits, m.unit.credits);
      }
    } else if (!heldGiven) {
      mayCount.push(match);
    }
  }
  const plan = planCompletion(
    toQ,
    { have: carried, achieved: carried, keep: [], avoid: [], objective: "glh", relevant: new Set() },
    solver,
  );
  return { ...base, counts, mayCount, uncertain, creditsCarried: toJson(credits), plan };
}
