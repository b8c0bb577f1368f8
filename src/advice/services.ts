import type { Catalogue } from "../catalogue/load.ts";
import type { PlanInput } from "../planner/model.ts";
import { planCompletion } from "../planner/plan.ts";
import type { MilpSolver } from "../planner/solver.ts";
import { compileQualification, type EngineQualification } from "../rules/index.ts";
import type { LearnerProfile } from "./profile.ts";
import { creditTransfer, type TransferResult } from "./progression.ts";
import { type RecommendationResult, recommend } from "./recommend.ts";

/** A map that forgets its oldest entry beyond `size` (recommendations, plans and transfers are pure). */
class Remembered<V> {
  readonly #items = new Map<string, V>();
  constructor(readonly size: number) {}
  get(key: string, make: () => V): V {
    let v = this.#items.get(key);
    if (v === undefined) {
      v = make();
      if (this.#items.size >= this.size) this.#items.delete(this.#items.keys().next().value as string);
      this.#items.set(key, v);
    }
    return v;
  }
  get count(): number {
    return this.#items.size;
  }
}

/** How many answers each cache keeps (documented sizes; memory stays bounded). */
export const CACHE_SIZES = { recommendations: 1024, plans: 256, transfers: 256 } as const;

/**
 * The domain for one catalogue: the catalogue, the solver, and the answers remembered for it. Every
 * cache belongs to this object, so a process holding two catalogues (say, one with a centre's local
 * overrides) never hands one catalogue's plan to the other.
 */
export interface AdvisorServices {
  readonly catalogue: Catalogue;
  readonly solver: MilpSolver;
  /** The compiled qualification, or undefined for a pathway or a qualification with no unit list. */
  engine(id: string): EngineQualification | undefined;
  recommend(profile: LearnerProfile, today: string): RecommendationResult;
  plan(q: EngineQualification, input: PlanInput): ReturnType<typeof planCompletion>;
  transfer(fromId: string, held: readonly number[] | undefined): TransferResult;
  /** Entries in each cache (for tests and diagnostics). */
  cached(): Record<keyof typeof CACHE_SIZES, number>;
}

export function createServices(catalogue: Catalogue, solver: MilpSolver): AdvisorServices {
  const compiled = new Map<string, EngineQualification | null>();
  const recommendations = new Remembered<RecommendationResult>(CACHE_SIZES.recommendations);
  const plans = new Remembered<ReturnType<typeof planCompletion>>(CACHE_SIZES.plans);
  const transfers = new Remembered<TransferResult>(CACHE_SIZES.transfers);
  return {
    catalogue,
    solver,
    engine(id) {
      let q = compiled.get(id);
      if (q === undefined) {
        const e = catalogue.entries.get(id);
        q = e?.type === "qualification" && e.units ? compileQualification(e) : null;
        compiled.set(id, q);
      }
      return q ?? undefined;
    },
    recommend(profile, today) {
      return recommendations.get(`${today}|${JSON.stringify(profile)}`, () =>
        recommend(catalogue, profile, new Date(`${today}T12:00:00Z`)),
      );
    },
    plan(q, input) {
      const key = JSON.stringify([
        q.entry.id,
        input.have,
        input.achieved ?? [],
        input.keep,
        input.avoid,
        input.objective,
        [...input.relevant],
      ]);
      return plans.get(key, () => planCompletion(q, input, solver));
    },
    transfer(fromId, held) {
      return transfers.get(JSON.stringify([fromId, held ?? null]), () =>
        creditTransfer(catalogue, fromId, held, solver),
      );
    },
    cached: () => ({
      recommendations: recommendations.count,
      plans: plans.count,
      transfers: transfers.count,
    }),
  };
}

/** The services for a catalogue and solver given bare (the CLI, tests): made once per call site. */
export function servicesOf(
  x: AdvisorServices | { catalogue: Catalogue; solver: MilpSolver },
): AdvisorServices {
  return "engine" in x ? x : createServices(x.catalogue, x.solver);
}
