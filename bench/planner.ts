import type { Catalogue } from "../src/catalogue/load.ts";
import { planCompletion } from "../src/planner/plan.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { compileQualification, type EngineQualification } from "../src/rules/index.ts";
import { median, percentile } from "./measure.ts";

/**
 * Planner latency (ms) with an empty start, default objective and alternatives, after a warm-up.
 * The machine is shared and noisy, so the run is repeated `rounds` times and the median of each
 * percentile across rounds is reported (with every round's figures, for honesty).
 */
export async function plannerLatency(
  q: EngineQualification,
  runs = 200,
  rounds = 3,
): Promise<{ p50: number; p99: number; max: number; rounds: { p50: number; p99: number }[] }> {
  const solver = await loadSolver();
  const input = { have: [], keep: [], avoid: [], objective: "glh" as const, relevant: new Set<number>() };
  for (let i = 0; i < 20; i++) planCompletion(q, input, solver);
  const perRound: { p50: number; p99: number; max: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      planCompletion(q, input, solver);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    perRound.push({
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      max: times.at(-1) ?? Number.NaN,
    });
  }
  return {
    p50: median(perRound.map((r) => r.p50)),
    p99: median(perRound.map((r) => r.p99)),
    max: Math.max(...perRound.map((r) => r.max)),
    rounds: perRound.map(({ p50, p99 }) => ({ p50, p99 })),
  };
}

export function qualificationsWithUnits(catalogue: Catalogue): EngineQualification[] {
  return [...catalogue.entries.values()].flatMap((e) =>
    e.type === "qualification" && e.units ? [compileQualification(e)] : [],
  );
}
