import { planCompletion } from "../src/planner/plan.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { checkSelection, compileQualification } from "../src/rules/index.ts";
import { buildSynthetic, type SyntheticSpec } from "../test/rules/synthetic.ts";
import { percentile } from "./measure.ts";

/** A deterministic synthetic qualification of `n` units with every rule kind of the real ones. */
export function syntheticOf(n: number): SyntheticSpec {
  let seed = n;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const nA = Math.max(2, Math.round(n * 0.05));
  const nB = Math.round(n * 0.4);
  const groups = Array.from(
    { length: n },
    (_, i) => (i < nA ? "A" : i < nA + nB ? "B" : "C") as "A" | "B" | "C",
  );
  const credits = groups.map(() => 1 + Math.floor(next() * 8));
  const levels = groups.map(() => 1 + Math.floor(next() * 3));
  const optional = groups.map((_, i) => i).filter((i) => groups[i] !== "A");
  const firstC = nA + nB;
  const pairs: [number, number][] = [];
  for (let k = 0; k + 1 < optional.length && pairs.length < n / 10; k += 7) {
    const a = optional[k] as number;
    const b = optional[k + 3] as number;
    if (
      a !== firstC &&
      b !== firstC &&
      a !== firstC + 1 &&
      b !== firstC + 1 &&
      a !== firstC + 2 &&
      b !== firstC + 2
    )
      pairs.push([a, b]);
  }
  const aCredits = credits.slice(0, nA).reduce((s, c) => s + c, 0);
  return {
    groups,
    credits,
    levels,
    total: aCredits + Math.round(n * 0.6),
    levelMin: Math.round(n * 0.3),
    groupB: Math.round(n * 0.2),
    groupBC: Math.round(n * 0.2),
    exclusivePairs: pairs,
    countOne: [firstC, firstC + 1, firstC + 2],
    capC: Math.max(2, Math.round(n * 0.1)),
    reading: "atOrAbove",
    aTotalStated: false,
  };
}

export async function syntheticScaling(sizes = [50, 200, 1000]) {
  const solver = await loadSolver();
  const out: {
    units: number;
    checksPerSecond: number;
    plannerP50: number;
    plannerP99: number;
    plans: number;
  }[] = [];
  for (const n of sizes) {
    const q = compileQualification(buildSynthetic(syntheticOf(n)));
    const sels = Array.from({ length: 500 }, (_, i) =>
      Array.from({ length: Math.max(4, Math.round(n * 0.3)) }, (_, j) => (i * 31 + j * 17) % n),
    );
    for (let i = 0; i < 2000; i++) checkSelection(q, sels[i % sels.length] as number[]);
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      for (let i = 0; i < 50; i++) checkSelection(q, sels[(count + i) % sels.length] as number[]);
      count += 50;
    }
    const rate = Math.round((count * 1000) / (performance.now() - start));
    const input = { have: [], keep: [], avoid: [], objective: "glh" as const, relevant: new Set<number>() };
    planCompletion(q, input, solver);
    const times: number[] = [];
    const budget = performance.now();
    while (times.length < 50 && performance.now() - budget < 8_000) {
      const t = performance.now();
      planCompletion(q, input, solver);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({
      units: n,
      checksPerSecond: rate,
      plannerP50: percentile(times, 0.5),
      plannerP99: percentile(times, 0.99),
      plans: times.length,
    });
  }
  return out;
}
