import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTurn, type PersistedConversation } from "../dialogs/turn.ts";
import type { Catalogue } from "../src/catalogue/load.ts";
import { understand } from "../src/nlu/understand.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { median, percentile, ratePerSecond } from "./measure.ts";

/** Conversations as people have them: facts, corrections, questions, a plan, a check, a fix. */
const SCRIPTS: string[][] = [
  [
    "I'm a team leader, been here 3 years, got my NVQ 2",
    "no",
    "actually I'm a supervisor",
    "plan 10268",
    "looks good",
    "session record",
  ],
  [
    "I'm a learner",
    "not working yet",
    "none",
    "GCSEs",
    "no",
    "what does barred mean",
    "plan 10266",
    "choose my own units",
    "units 1, 2, 3, 4",
    "apply the fix",
    "looks good",
  ],
  [
    "I'm a careers adviser",
    "It's Priya Shah",
    "customer service advisor for 18 months, GCSEs",
    "no",
    "back",
    "yes",
    "Wales",
    "plan 10265",
    "units 1 2 10 18",
    "apply the fix",
    "looks good",
  ],
  [
    "hi",
    "help",
    "I have the OCR Level 2 NVQ 10265, units 1, 2, 4 and 9. What next?",
    "compare 10266 and 10267",
    "can I take units 10 and 18 together in 10265?",
    "blah",
    "qwerty",
    "restart",
  ],
];

export interface TurnLatency {
  p50: number;
  p99: number;
  max: number;
  /** Turns per round (rounds of the 4 scripts, several passes each). */
  turns: number;
  /** Turns whose plan was not in the cache (a MILP solve inside the turn). */
  solvingTurns: { p50: number; p99: number; count: number };
}

/** Turn-function latency without I/O (stored state passed in memory), after a warm-up. */
export async function turnLatency(catalogue: Catalogue, rounds = 5, passes = 40): Promise<TurnLatency> {
  const turn = createTurn({ catalogue, solver: await loadSolver() });
  const now = new Date("2026-11-22T10:00:00Z");
  const run = (record: number[] | undefined) => {
    for (const script of SCRIPTS) {
      let state: PersistedConversation | null = turn(null, null, now).state;
      for (const text of script) {
        const t = performance.now();
        const r = turn(state, { text }, now);
        record?.push(performance.now() - t);
        state = r.state;
      }
    }
  };
  // The first pass solves every plan (the cache is empty): time it as the "solving" figure.
  const solving: number[] = [];
  run(solving);
  for (let i = 0; i < 10; i++) run(undefined);
  // The machine is shared and noisy: several rounds, and the median of each round's percentiles.
  const perRound: { p50: number; p99: number; max: number; n: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (let i = 0; i < passes; i++) run(times);
    times.sort((a, b) => a - b);
    perRound.push({
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      max: times.at(-1) ?? Number.NaN,
      n: times.length,
    });
  }
  const firstPass = [...solving].sort((a, b) => a - b);
  return {
    p50: median(perRound.map((r) => r.p50)),
    p99: median(perRound.map((r) => r.p99)),
    max: Math.max(...perRound.map((r) => r.max)),
    turns: perRound[0]?.n ?? 0,
    solvingTurns: {
      p50: percentile(firstPass, 0.5),
      p99: percentile(firstPass, 0.99),
      count: firstPass.length,
    },
  };
}

/** Utterances understood per second, over the labelled corpora. */
export function nluThroughput(catalogue: Catalogue, ms = 1000, runs = 5): { median: number; runs: number[] } {
  const load = (f: string) =>
    (
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "test", "nlu", f), "utf8")) as {
        text: string;
      }[]
    ).map((x) => x.text);
  const texts = [...load("corpus.json"), ...load("heldout.json")];
  const today = new Date("2026-11-22T00:00:00Z");
  return ratePerSecond(
    (i) => {
      understand(texts[i % texts.length] ?? "", { catalogue, today });
    },
    { runs, ms },
  );
}
