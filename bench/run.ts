// `npm run bench`: measured figures for the README. Not part of `npm test`; nothing here asserts a timing.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { loadCatalogue } from "../src/catalogue/load.ts";
import { planCompletion } from "../src/planner/plan.ts";
import { loadSolver } from "../src/planner/solver.ts";
import { checkSelection, compileQualification, type EngineQualification } from "../src/rules/index.ts";
import { conversationsMemory, webChatFlood } from "./bounds.ts";
import { nluThroughput, turnLatency } from "./conversation.ts";
import { build, floorComparison, growth } from "./floor.ts";
import { median, ratePerSecond } from "./measure.ts";
import { plannerLatency } from "./planner.ts";
import { loadTests } from "./scale.ts";
import { syntheticScaling } from "./synthetic.ts";

// Other work on the machine skews everything: the load average before the run is reported with it.
const loadAtStart = loadavg()[0] ?? 0;

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same selections. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function selections(q: EngineQualification, count: number): number[][] {
  const next = rng(42);
  return Array.from({ length: count }, () => {
    const size = 4 + Math.floor(next() * 10);
    return Array.from({ length: size }, () => Math.floor(next() * q.units.length));
  });
}

/** Checks per second: as many checks as fit in `ms`, repeated `runs` times; the median run is reported. */
function checksPerSecond(q: EngineQualification, runs = 5, ms = 1000): { median: number; runs: number[] } {
  const sels = selections(q, 1000);
  let sink = 0;
  const rate = ratePerSecond(
    (i) => {
      sink += checkSelection(q, sels[i % sels.length] as number[]).rules.length;
    },
    { runs, ms, batch: 500, warmUp: 20_000 },
  );
  if (sink < 0) console.log(sink);
  return rate;
}

const catalogue = loadCatalogue();
const withUnits = [...catalogue.entries.values()].flatMap((e) =>
  e.type === "qualification" && e.units ? [compileQualification(e)] : [],
);
// "Largest": most units, then most rules.
const largest = [...withUnits].sort(
  (a, b) => b.units.length - a.units.length || b.rules.length - a.rules.length,
)[0];
if (!largest) throw new Error("no qualification with units");

const rows: { benchmark: string; value: string; target: string; met: boolean | null }[] = [];
const results: Record<string, unknown> = {};

const big = checksPerSecond(largest);
rows.push({
  benchmark: `rules engine checks/s, largest qualification (${largest.entry.id}: ${largest.units.length} units, ${largest.rules.length} rules)`,
  value: big.median.toLocaleString("en-GB"),
  target: "≥ 50,000",
  met: big.median >= 50_000,
});
results.rulesEngine = {
  qualification: largest.entry.id,
  units: largest.units.length,
  rules: largest.rules.length,
  checksPerSecond: big,
};
const perQualification: Record<string, number> = {};
for (const q of withUnits) {
  if (q === largest) continue;
  const r = checksPerSecond(q, 3, 400);
  perQualification[q.entry.id] = r.median;
  rows.push({
    benchmark: `rules engine checks/s, ${q.entry.id} (${q.units.length} units)`,
    value: r.median.toLocaleString("en-GB"),
    target: "",
    met: null,
  });
}
results.rulesEngineByQualification = perQualification;

// Planner: empty start, default objective (fewest GLH), up to 3 alternatives; 200 plans after warm-up.
// The target is measured on the largest qualification the planner can plan from our sources (for the
// others it answers "undetermined": their credit values are not in our sources).
const solverForBench = await loadSolver();
const status = (q: (typeof withUnits)[number]) =>
  planCompletion(q, { have: [], keep: [], avoid: [], objective: "glh", relevant: new Set() }, solverForBench)
    .status;
const plannable = [...withUnits]
  .filter((q) => status(q) === "planned")
  .sort((a, b) => b.units.length - a.units.length || a.entry.id.localeCompare(b.entry.id))[0];
if (!plannable) throw new Error("no qualification can be planned");
const planner = await plannerLatency(plannable);
rows.push({
  benchmark: `planner latency p50 / p99, ${plannable.entry.id} (largest plannable: ${plannable.units.length} units), empty start (ms)`,
  value: `${planner.p50.toFixed(1)} / ${planner.p99.toFixed(1)}`,
  target: "p99 < 25",
  met: planner.p99 < 25,
});
const plannerByQualification: Record<string, unknown> = { [plannable.entry.id]: planner };
for (const q of withUnits) {
  if (q === plannable) continue;
  const r = await plannerLatency(q, 100, 3);
  plannerByQualification[q.entry.id] = r;
  rows.push({
    benchmark: `planner latency p50 / p99, ${q.entry.id}${status(q) === "planned" ? "" : " (undetermined)"} (ms)`,
    value: `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)}`,
    target: "",
    met: null,
  });
}
results.planner = plannerByQualification;

// The conversation: NLU throughput and the turn function (no I/O), over scripted conversations.
const nlu = nluThroughput(catalogue);
rows.push({
  benchmark: "NLU utterances understood per second (the 531 labelled utterances)",
  value: nlu.median.toLocaleString("en-GB"),
  target: "",
  met: null,
});
results.nlu = nlu;
const turns = await turnLatency(catalogue);
rows.push({
  benchmark: `turn function p50 / p99, no I/O, 4 scripted conversations (median of 5 rounds of ${turns.turns} turns, ms)`,
  value: `${turns.p50.toFixed(2)} / ${turns.p99.toFixed(2)}`,
  target: "p99 < 2",
  met: turns.p99 < 2,
});
rows.push({
  benchmark: `turn function p50 / p99, first pass (plans solved, not cached), ${turns.solvingTurns.count} turns (ms)`,
  value: `${turns.solvingTurns.p50.toFixed(2)} / ${turns.solvingTurns.p99.toFixed(2)}`,
  target: "",
  met: null,
});
results.turn = turns;

// Load: 30 s against a server process with lowdb, then two processes sharing Azurite (issue 7).
const loadResults = await loadTests(Number(process.env.LOAD_SECONDS ?? 30));
for (const [name, r] of [
  ["1 process, lowdb", loadResults.lowdb],
  ["2 processes, Azure Blob (Azurite)", loadResults.twoOnAzurite],
] as const) {
  rows.push({
    benchmark: `load ${process.env.LOAD_SECONDS ?? 30} s, ${name}, 20 connections, 500 conversations: turns/s; p50 / p99 ms; errors`,
    value: `${Math.round(r.requestsPerSecond).toLocaleString("en-GB")}; ${r.latencyP50} / ${r.latencyP99}; ${r.errors + r.non2xx}`,
    target: "0 errors",
    met: r.errors + r.non2xx === 0,
  });
}
results.load = loadResults;

// Side by side with the floor: a bare echo bot on the same botbuilder and restify (issue 8).
build();
const floor = await floorComparison(3, 8);
const echoRps = median(floor.echo.map((x) => x.requestsPerSecond));
const oursRps = median(floor.ours.map((x) => x.requestsPerSecond));
rows.push({
  benchmark:
    "HTTP turns/s at 20 concurrent conversations (expectReplies): echo bot → our bot with lowdb (median of 3 runs of 8 s)",
  value: `${Math.round(echoRps).toLocaleString("en-GB")} → ${Math.round(oursRps).toLocaleString("en-GB")} (${(100 * floor.throughputRatio).toFixed(0)}%)`,
  target: "≥ 60%",
  met: floor.throughputRatio >= 0.6,
});
rows.push({
  benchmark: "HTTP latency p50 / p99 (ms): echo bot → our bot",
  value: `${median(floor.echo.map((x) => x.latencyP50))} / ${median(floor.echo.map((x) => x.latencyP99))} → ${median(floor.ours.map((x) => x.latencyP50))} / ${median(floor.ours.map((x) => x.latencyP99))} (p99 × ${floor.p99Ratio.toFixed(1)})`,
  target: "p99 ≤ × 1.5",
  met: floor.p99Ratio <= 1.5,
});
rows.push({
  benchmark: "cold start to first answered turn (ms): echo bot; our bot (median of 3)",
  value: `${Math.round(floor.coldStartMs.echo)}; ${Math.round(median(floor.coldStartMs.ours))}`,
  target: "< 1,500",
  met: median(floor.coldStartMs.ours) < 1500,
});
rows.push({
  benchmark: "resident memory (MB): echo bot idle; our bot idle; our bot under load",
  value: `${Math.round(floor.rssMb.echoIdle)}; ${Math.round(floor.rssMb.idle)}; ${Math.round(floor.rssMb.underLoad)}`,
  target: "idle < 150",
  met: floor.rssMb.idle < 150,
});
results.floor = floor;

// Growth with stored conversations: the same load over 100 and over 10,000 stored conversations.
const grown = await growth([100, 10_000], 8);
const p50Ratio = (grown[1]?.result.latencyP50 ?? Number.NaN) / (grown[0]?.result.latencyP50 ?? Number.NaN);
rows.push({
  benchmark: "turn latency p50 / p99 (ms) with 100 → 10,000 stored conversations (lowdb)",
  value: `${grown[0]?.result.latencyP50} / ${grown[0]?.result.latencyP99} → ${grown[1]?.result.latencyP50} / ${grown[1]?.result.latencyP99} (p50 × ${p50Ratio.toFixed(2)})`,
  target: "p50 ratio ≤ 1.3",
  met: p50Ratio <= 1.3,
});
results.growth = grown;

// Memory bounds (issue 14): 60,000 conversations, then the web-chat flood, each on a fresh process.
const memory = await conversationsMemory(60_000);
const mb = (x: number) => Math.round(x).toLocaleString("en-GB");
rows.push({
  benchmark:
    "memory with 60,000 conversations (lowdb, 20 at a time): resident MB idle → after 10,000 → after 60,000 (peak); live heap MB after 10,000 → 60,000",
  value: `${mb(memory.rssMb.idle)} → ${mb(memory.rssMb.after10k)} → ${mb(memory.rssMb.after)} (${mb(memory.rssMb.peak)}); ${mb(memory.liveHeapMb.after10k)} → ${mb(memory.liveHeapMb.after)}; ${memory.errors} errors`,
  target: "live heap flat after 10,000",
  met: memory.errors === 0 && memory.liveHeapMb.after <= memory.liveHeapMb.after10k * 1.1,
});
results.memory = memory;
const flood = await webChatFlood(208);
rows.push({
  benchmark: `web-chat flood (${flood.chats} chats posting 7.9 KB card submits until refused): MB of transcripts held; largest poll MB; chats dropped; resident MB before → peak`,
  value: `${flood.transcriptsMb.toFixed(1)}; ${flood.largestPollMb.toFixed(2)}; ${flood.chatsDropped}; ${mb(flood.rssMb.before)} → ${mb(flood.rssMb.peak)}`,
  target: "≤ 64; ≤ 1.05",
  met: flood.transcriptsMb <= 64 && flood.largestPollMb <= 1.05,
});
rows.push({
  benchmark: "web-chat poll p50 (ms) with 10 → 5,000 open chats",
  value: `${flood.pollMs.chats10.toFixed(2)} → ${flood.pollMs.chats5000.toFixed(2)}`,
  target: "no growth",
  met: flood.pollMs.chats5000 <= flood.pollMs.chats10 * 1.5,
});
results.webChatFlood = flood;

// How the engine and the planner scale with the size of a qualification (synthetic, every rule kind).
const synthetic = await syntheticScaling([50, 200, 1000]);
for (const x of synthetic)
  rows.push({
    benchmark: `synthetic qualification, ${x.units} units: checks/s; planner p50 / p99 (ms)`,
    value: `${x.checksPerSecond.toLocaleString("en-GB")}; ${x.plannerP50.toFixed(1)} / ${x.plannerP99.toFixed(1)}`,
    target: "",
    met: null,
  });
results.synthetic = synthetic;

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
};
console.log(
  `\nBenchmarks — ${machine.date.slice(0, 10)}, Node ${machine.node}, ${machine.cpus} × ${machine.cpu}\n`,
);
if (loadAtStart > 0.5)
  console.log(
    `Note: the machine was busy when the run started (load average ${machine.loadAverageAtStart}); figures may be low.\n`,
  );
console.log("| benchmark | result | target | met |\n|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.benchmark} | ${r.value} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`,
  );
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.json"), `${JSON.stringify({ machine, results, rows }, null, 2)}\n`);
console.log(`\nwritten to bench/results/latest.json`);
