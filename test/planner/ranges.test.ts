import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ranges } from "../../src/planner/plan.ts";

/** "3–5, 8" back to [3, 4, 5, 8]. */
const expand = (s: string): number[] =>
  s.split(", ").flatMap((part) => {
    const [a, b] = part.split("–").map(Number);
    return b === undefined
      ? [a ?? Number.NaN]
      : Array.from({ length: b - (a ?? 0) + 1 }, (_, i) => (a ?? 0) + i);
  });

describe("ranges: unit numbers with runs shortened", () => {
  it("says every number once, in order, and nothing else", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }), (ns) => {
        const want = [...new Set(ns)].sort((a, b) => a - b);
        expect(expand(ranges(ns.map(String)))).toEqual(want);
      }),
    );
  });

  it("shortens runs of three or more, keeps pairs and non-numbers as they are", () => {
    expect(ranges(["3", "4", "5", "6", "9", "10", "12"])).toBe("3–6, 9, 10, 12");
    expect(ranges(["K/503/0421", "4"])).toBe("K/503/0421, 4");
  });
});
