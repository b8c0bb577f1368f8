import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalogue } from "../../src/catalogue/load.ts";
import { type Expecting, type Understanding, understand } from "../../src/nlu/understand.ts";

/** One labelled message (test/nlu/SLOTS.md says what each slot means). */
export interface Item {
  text: string;
  expecting?: Expecting;
  /** The kind of user writing (blind corpora), for figures by kind of user. */
  kind?: "learner" | "staff" | "adviser";
  expect: Record<string, unknown>;
}

export interface Corpus {
  /** The date durations are counted to. */
  today: string;
  items: Item[];
  /**
   * Slots this corpus labels only where its writer stated them (the corpora written before SLOTS.md
   * labelled who is writing and whether they work only when a message said so in words): a value
   * read for them where the label has none is not scored.
   */
  sparse?: readonly string[];
  /** The intents the corpus's labels use (SLOTS.md); others the bot reads count as none. */
  intents?: readonly string[];
  /** The slots the corpus labels (SLOTS.md for blind corpora); others the bot fills are not scored. */
  slots?: readonly Slot[];
}

/** Older corpora are a bare list of items, written on 2026-11-22. */
export function loadCorpus(file: string): Corpus {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, file), "utf8")) as Item[] | Corpus;
  return Array.isArray(raw)
    ? { today: "2026-11-22", items: raw, sparse: ["userKind", "working"] }
    : { intents: SLOTS_INTENTS, slots: SLOTS_MD, ...raw };
}

/** The intents SLOTS.md defines for labelling. */
const SLOTS_INTENTS = [
  "recommend",
  "whatNext",
  "eligibility",
  "compare",
  "plan",
  "check",
  "unitsIn",
  "define",
  "details",
  "handover",
  "deleteData",
  "help",
];

export const SLOTS = [
  "intent",
  "term",
  "userKind",
  "role",
  "experienceMonths",
  "level",
  "qualificationsHeld",
  "qualification",
  "qualifications",
  "units",
  "yesNo",
  "working",
  "apprenticeship",
  "nation",
  "age",
  "learnerName",
] as const;

type Slot = (typeof SLOTS)[number];

/** The slots SLOTS.md defines for labelling: the bot's own (`term`, `units`, `yesNo`...) are not among them. */
const SLOTS_MD: readonly Slot[] = SLOTS.filter(
  (s) => !["term", "qualifications", "units", "yesNo"].includes(s),
);

const canon = (slot: string, v: unknown): string => {
  if (v === undefined) return "∅";
  if (Array.isArray(v)) {
    const xs = v.map((x) => String(x).toLowerCase().trim());
    return JSON.stringify(slot === "units" ? xs : xs.sort());
  }
  return JSON.stringify(v);
};

export interface Tally {
  right: number;
  /** A value the label does not give (another value, or a value where the label has none). */
  wrong: number;
  /** A labelled slot left empty. */
  missing: number;
}
const blank = (): Tally => ({ right: 0, wrong: 0, missing: 0 });
const total = (t: Tally) => t.right + t.wrong + t.missing;

export interface Score extends Tally {
  perSlot: Map<string, Tally>;
  perKind: Map<string, Tally>;
  misses: string[];
}

/**
 * Every slot the label names, and every slot the understanding fills that the label does not name, is
 * scored: right when both agree; wrong when the understanding gives another value (or one the label
 * does not give); missing when the label gives a value and the understanding none.
 */
export function scoreCorpus(corpus: Corpus, catalogue: Catalogue): Score {
  const today = new Date(`${corpus.today}T00:00:00Z`);
  const score: Score = { ...blank(), perSlot: new Map(), perKind: new Map(), misses: [] };
  for (const item of corpus.items) {
    const u: Understanding = understand(item.text, {
      catalogue,
      today,
      ...(item.expecting ? { expecting: item.expecting } : {}),
    });
    for (const slot of corpus.slots ?? SLOTS) {
      const want = item.expect[slot];
      // The blind corpora label only the intents SLOTS.md lists; the bot's own (greeting, back...) are none.
      const got =
        slot === "intent" && corpus.intents && u.intent && !corpus.intents.includes(u.intent)
          ? undefined
          : u[slot];
      if (want === undefined && (got === undefined || corpus.sparse?.includes(slot))) continue;
      const outcome: keyof Tally =
        canon(slot, want) === canon(slot, got) ? "right" : got === undefined ? "missing" : "wrong";
      for (const t of [
        score,
        score.perSlot.get(slot) ?? score.perSlot.set(slot, blank()).get(slot),
        item.kind
          ? (score.perKind.get(item.kind) ?? score.perKind.set(item.kind, blank()).get(item.kind))
          : undefined,
      ])
        if (t) t[outcome]++;
      if (outcome !== "right")
        score.misses.push(
          `${outcome} ${slot}: ${JSON.stringify(item.text)}${item.expecting ? ` [${item.expecting}]` : ""} want ${canon(slot, want)} got ${canon(slot, got)}`,
        );
    }
  }
  return score;
}

export const share = (t: Tally, k: keyof Tally = "right") => (total(t) ? t[k] / total(t) : 1);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function report(name: string, corpus: Corpus, s: Score, withMisses = true): string {
  const line = (label: string, t: Tally) =>
    `  ${label.padEnd(20)} ${String(t.right).padStart(4)}/${String(total(t)).padEnd(4)} ${pct(share(t)).padStart(6)} right, ${pct(share(t, "wrong")).padStart(6)} wrong, ${pct(share(t, "missing")).padStart(6)} missing`;
  return [
    `NLU ${name}: ${corpus.items.length} messages, ${s.right}/${total(s)} slots right (${pct(share(s))}), wrong values ${pct(share(s, "wrong"))}`,
    ...[...s.perKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => line(`kind ${k}`, t)),
    ...[...s.perSlot.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => line(k, t)),
    ...(withMisses && s.misses.length ? ["  misses:", ...s.misses.map((m) => `    ${m}`)] : []),
  ].join("\n");
}
