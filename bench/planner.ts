import type { Catalogue } from "../src/catalogue/load.ts";
import { planCompletion } from "../src/planner/plan.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { compileQualification, type EngineQualification } from "../src/rules/index.ts";

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** Planner latency (ms) with an empty start, default objective and alternatives, after a warm-up. */
export async function plannerLatency(
  q: EngineQualification,
  runs = 200,
): Promise<{ p50: number; p99: number; max: number }> {
  const solver = await loadSolver();
  const input = { have: [], keep: [], avoid: [], objective: "glh" as const, relevant: new Set<number>() };
  for (let i = 0; i < 20; i++) planCompletion(q, input, solver);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    planCompletion(q, input, solver);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: times.at(-1) ?? Number.NaN };
}

export function qualificationsWithUnits(catalogue: Catalogue): EngineQualification[] {
  return [...catalogue.entries.values()].flatMap((e) =>
    e.type === "qualification" && e.units ? [compileQualification(e)] : [],
  );
}
