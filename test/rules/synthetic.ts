import fc from "fast-check";
import { Qualification } from "../../src/catalogue/schema.ts";

/** Small random qualifications with the rule kinds of the real ones, every fact known. */
export interface SyntheticSpec {
  groups: ("A" | "B" | "C")[];
  credits: number[];
  levels: number[];
  total: number;
  levelMin: number;
  groupB: number;
  groupBC: number;
  exclusivePairs: [number, number][];
  countOne: number[] | undefined;
  capC: number | undefined;
  reading: "at" | "atOrAbove";
  aTotalStated: boolean;
}

const SRC = { doc: "synthetic test qualification", quote: "synthetic" };
const stated = <T>(value: T) => ({ kind: "stated" as const, value, source: SRC });

export const syntheticSpec: fc.Arbitrary<SyntheticSpec> = fc
  .record({
    nA: fc.integer({ min: 1, max: 2 }),
    nB: fc.integer({ min: 1, max: 4 }),
    nC: fc.integer({ min: 1, max: 5 }),
    credits: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 11, maxLength: 11 }),
    levels: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 11, maxLength: 11 }),
    total: fc.integer({ min: 1, max: 30 }),
    levelMin: fc.integer({ min: 1, max: 20 }),
    groupB: fc.integer({ min: 1, max: 12 }),
    groupBC: fc.integer({ min: 1, max: 10 }),
    pairSeed: fc.array(fc.nat(), { maxLength: 4 }),
    countOne: fc.boolean(),
    capC: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    reading: fc.constantFrom("at" as const, "atOrAbove" as const),
    aTotalStated: fc.boolean(),
  })
  .map((r) => {
    const groups = [
      ...Array<"A">(r.nA).fill("A"),
      ...Array<"B">(r.nB).fill("B"),
      ...Array<"C">(r.nC).fill("C"),
    ];
    const n = groups.length;
    // The first two C units may form an IQ-style count-one set; exclusive pairs come from the other optional units.
    const firstC = r.nA + r.nB;
    const countOne = r.countOne && r.nC >= 2 ? [firstC, firstC + 1] : undefined;
    const free = groups.map((_, i) => i).filter((i) => groups[i] !== "A" && !countOne?.includes(i));
    const exclusivePairs: [number, number][] = [];
    const used = new Set<number>();
    for (const seed of r.pairSeed) {
      const left = free.filter((i) => !used.has(i));
      if (left.length < 2) break;
      const a = left[seed % left.length] as number;
      const rest = left.filter((i) => i !== a);
      const b = rest[(seed >> 3) % rest.length] as number;
      used.add(a);
      used.add(b);
      exclusivePairs.push([a, b]);
    }
    return {
      groups,
      credits: r.credits.slice(0, n),
      levels: r.levels.slice(0, n),
      total: r.total,
      levelMin: r.levelMin,
      groupB: r.groupB,
      groupBC: r.groupBC,
      exclusivePairs,
      countOne,
      capC: r.capC,
      reading: r.reading,
      aTotalStated: r.aTotalStated,
    };
  });

export type FactView = "known" | "unknown" | "bounded" | "inferred";
/** How much of each unit's credits and level a redacted copy keeps. */
export interface Redaction {
  credits: FactView[];
  levels: FactView[];
  below: number[];
  above: number[];
  readingInferred: boolean;
}
/** Redactions whose credit and level facts are drawn from the given views. */
export const redactionWith = (credits: FactView[], levels: FactView[]): fc.Arbitrary<Redaction> =>
  fc.record({
    credits: fc.array(fc.constantFrom(...credits), { minLength: 11, maxLength: 11 }),
    levels: fc.array(fc.constantFrom(...levels), { minLength: 11, maxLength: 11 }),
    below: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 11, maxLength: 11 }),
    above: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 11, maxLength: 11 }),
    readingInferred: fc.boolean(),
  });
export const redaction = redactionWith(
  ["known", "unknown", "bounded", "inferred"],
  ["known", "unknown", "inferred"],
);

const key = (i: number) => String(i + 1);

export function buildSynthetic(spec: SyntheticSpec, hide?: Redaction): Qualification {
  const units = spec.groups.map((group, i) => {
    const c = spec.credits[i] as number;
    const l = spec.levels[i] as number;
    const cView = hide?.credits[i] ?? "known";
    const lView = hide?.levels[i] ?? "known";
    const credits =
      cView === "known"
        ? stated(c)
        : cView === "bounded"
          ? {
              kind: "stated" as const,
              min: Math.max(1, c - (hide?.below[i] ?? 0)),
              max: c + (hide?.above[i] ?? 0),
              source: SRC,
            }
          : cView === "inferred"
            ? { kind: "inferred" as const, value: c, source: SRC, from: "test" }
            : undefined;
    const level =
      lView === "known"
        ? stated(l)
        : lView === "inferred"
          ? { kind: "inferred" as const, value: l, source: SRC, from: "test" }
          : undefined;
    return {
      number: key(i),
      title: `Synthetic unit ${key(i)}`,
      group,
      source: SRC,
      ...(credits ? { credits } : {}),
      ...(level ? { level } : {}),
    };
  });
  const aTotal = spec.groups.reduce((s, g, i) => s + (g === "A" ? (spec.credits[i] as number) : 0), 0);
  const rule = <T extends object>(r: T) => ({ ...r, kind: "stated" as const, source: SRC });
  const rules = [
    rule({
      id: "mandatory-a",
      rule: "mandatory",
      units: spec.groups.flatMap((g, i) => (g === "A" ? [key(i)] : [])),
    }),
    rule({ id: "total", rule: "totalCredits", min: spec.total }),
    rule({ id: "level", rule: "levelCredits", min: spec.levelMin, level: 2 }),
    rule({ id: "group-b", rule: "groupCredits", groups: ["B"], min: spec.groupB }),
    rule({ id: "group-bc", rule: "groupCredits", groups: ["B", "C"], min: spec.groupBC, beyond: "group-b" }),
    ...spec.exclusivePairs.map(([a, b]) =>
      rule({
        id: `barred-${key(a)}-${key(b)}`,
        rule: "barred",
        units: [key(a), key(b)],
        effect: "exclusive",
      }),
    ),
    ...(spec.countOne
      ? [
          rule({
            id: "barred-set",
            rule: "barred",
            units: spec.countOne.map(key),
            effect: "countOne",
            label: "S1",
          }),
        ]
      : []),
    ...(spec.capC
      ? [rule({ id: "cap-c", rule: "groupUnits", group: "C", max: spec.capC, effect: "stopCounting" })]
      : []),
  ];
  return Qualification.parse({
    id: "synthetic",
    type: "qualification",
    title: stated("Synthetic qualification"),
    awardingBody: stated("Test"),
    level: stated(2),
    qualificationKind: stated("competence"),
    rulesDocument: "synthetic",
    levelReading: hide?.readingInferred
      ? { kind: "inferred", value: spec.reading, source: SRC, from: "test" }
      : stated(spec.reading),
    groups: ["A", "B", "C"].map((id) => ({
      id,
      name: `Group ${id}`,
      mandatory: id === "A",
      source: SRC,
      ...(id === "A" && spec.aTotalStated ? { creditTotal: stated(aTotal) } : {}),
    })),
    units,
    rules,
  });
}
