import type { Catalogue } from "../catalogue/load.ts";
import { normaliseKnown, numberWord } from "./text.ts";

export interface UnitsMention {
  /** Unit numbers ("4"), QCF references ("K/503/0385") or catalogue titles, in the order typed. */
  units: string[];
  start: number;
  end: number;
}

const REF = /\b([a-z])\/(\d{3})\/(\d{4})\b/g;
const LIST_ITEM = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)";
const SEP = "(?:\\s*(?:,|&|\\+|and|or|plus)\\s*|\\s+)";
const AFTER_UNIT_WORD = new RegExp(
  `\\bunits?\\s+(?:no\\s+|number\\s+|nos\\s+)?((?:${LIST_ITEM})(?:${SEP}${LIST_ITEM})*)\\b`,
  "g",
);
const BARE_LIST = new RegExp(
  `^\\s*(?:i want|id like|i would like|i chose|i picked|i have|ive done|done|take|i ll take|ill take|with|how about|what about|lets do|try|maybe|numbers?|nos|units?)?\\s*((?:${LIST_ITEM})(?:${SEP}(?:${LIST_ITEM}))*)\\s*(?:please|pls|thanks|thank you|then|for now)?\\s*$`,
);
const asDigits = (s: string) => String(numberWord(s) ?? s);

interface UnitTitle {
  name: string;
  title: string;
}
const titlesCache = new WeakMap<
  Catalogue,
  { byQualification: Map<string, UnitTitle[]>; long: UnitTitle[] }
>();
/** Unit titles as the matcher reads them, per qualification, and the long ones of every qualification. */
function titlesOf(catalogue: Catalogue) {
  let t = titlesCache.get(catalogue);
  if (!t) {
    const byQualification = new Map<string, UnitTitle[]>();
    for (const e of catalogue.entries.values())
      byQualification.set(
        e.id,
        (e.type === "qualification" ? (e.units ?? []) : []).map((u) => ({
          name: normaliseKnown(u.title),
          title: u.title,
        })),
      );
    const long = [...byQualification.values()].flat().filter((u) => u.name.length >= 15);
    t = { byQualification, long };
    titlesCache.set(catalogue, t);
  }
  return t;
}

/**
 * Units named in normalised text: QCF references anywhere; numbers after "unit"/"units"; a bare
 * list of numbers ("4,6,10", "1 2 and 5") when the whole message is one (`bare` = the bot asked for
 * units); catalogue unit titles, of the qualification in context when there is one.
 */
export function unitsIn(
  catalogue: Catalogue,
  text: string,
  opts: { qualificationId?: string; bare?: boolean; anywhere?: boolean } = {},
): UnitsMention | undefined {
  const units: string[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  const note = (s: number, e: number) => {
    start = Math.min(start, s);
    end = Math.max(end, e);
  };
  for (const m of text.matchAll(REF)) {
    units.push(`${m[1]?.toUpperCase()}/${m[2]}/${m[3]}`);
    note(m.index, m.index + m[0].length);
  }
  const splitList = (s: string) =>
    s
      .split(new RegExp(SEP))
      .filter((x) => new RegExp(`^${LIST_ITEM}$`).test(x))
      .map(asDigits);
  for (const m of text.matchAll(AFTER_UNIT_WORD)) {
    units.push(...splitList(m[1] ?? ""));
    note(m.index, m.index + m[0].length);
  }
  if (units.length === 0 && opts.bare) {
    const m = BARE_LIST.exec(text);
    if (m) {
      units.push(...splitList(m[1] ?? ""));
      note(0, text.length);
    }
  }
  if (units.length === 0 && opts.anywhere) {
    // "check if 1,2,4,6,10 meets the rules", "are 11 and 27 allowed together": every small number
    // that is not a level, a duration or a qualification number.
    for (const m of text.matchAll(
      /(?<!\b(?:level|nvq|l|lvl|aged?|im|over|under)\s?)\b(\d{1,2})\b(?!\s?(?:years?|yrs?|months?|mths?|weeks?|credits?|hours?|glh|%))/g,
    )) {
      units.push(m[1] ?? "");
      note(m.index, m.index + m[0].length);
    }
  }
  // Titles: of the qualification in context, else of every qualification (long titles only).
  const all = titlesOf(catalogue);
  const candidates = opts.qualificationId ? (all.byQualification.get(opts.qualificationId) ?? []) : all.long;
  const seen = new Set<string>();
  const titled: { at: number; title: string }[] = [];
  for (const c of candidates) {
    if (seen.has(c.name)) continue;
    const i = text.indexOf(c.name);
    if (i >= 0) {
      seen.add(c.name);
      titled.push({ at: i, title: c.title });
      note(i, i + c.name.length);
    }
  }
  units.push(...titled.sort((a, b) => a.at - b.at).map((x) => x.title));
  return units.length ? { units: [...new Set(units)], start, end } : undefined;
}
