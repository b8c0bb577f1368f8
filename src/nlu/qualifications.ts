import type { Catalogue } from "../catalogue/load.ts";
import type { CatalogueEntry } from "../catalogue/schema.ts";
import { levelsIn } from "./levels.ts";
import { matchesOf, normaliseKnown as normalise } from "./text.ts";

export interface QualificationMention {
  /** The catalogue id, when the words name exactly one entry. */
  id: string | null;
  /** Every entry the words could name (one when `id` is set). */
  candidates: string[];
  /** The learner says they hold it ("I have the OCR Level 2 NVQ"). */
  held: boolean;
  /** Said not to be held ("if I haven't done the level 2 one"): neither held nor asked about. */
  notHeld: boolean;
  /** Named by number, full title or awarding body, not only by a generic description ("NVQ 2"). */
  explicit: boolean;
  matched: string;
  start: number;
  end: number;
}

type Body = "ocr" | "cg" | "iq" | "wales";
type Kind = "nvq" | "principles" | "certificate" | "diploma" | "apprenticeship";
interface Features {
  body?: Body;
  level?: number;
  kinds: Kind[];
}

type EntryFeatures = Required<Omit<Features, "level">> & { level: number | undefined };
const featuresCache = new WeakMap<CatalogueEntry, EntryFeatures>();
/** An entry's body, level and kinds, worked out once per entry. */
function featuresOf(e: CatalogueEntry): EntryFeatures {
  let f = featuresCache.get(e);
  if (!f) {
    f = readFeatures(e);
    featuresCache.set(e, f);
  }
  return f;
}

function readFeatures(e: CatalogueEntry): EntryFeatures {
  const t = e.title.value.toLowerCase();
  const body: Body = e.id.startsWith("ocr")
    ? "ocr"
    : e.id.startsWith("cg")
      ? "cg"
      : e.id.startsWith("iq")
        ? "iq"
        : "wales";
  const kinds: Kind[] = [];
  if (t.includes("nvq")) kinds.push("nvq");
  if (t.includes("principles")) kinds.push("principles");
  if (t.includes("certificate")) kinds.push("certificate");
  if (t.includes("diploma")) kinds.push("diploma");
  if (e.type === "pathway") kinds.push("apprenticeship");
  return { body, level: e.level.value ?? undefined, kinds };
}

const BODY: [RegExp, Body][] = [
  [/\bocr\b/, "ocr"],
  [/\b(cityguilds|cg)\b/, "cg"],
  [/\biq\b/, "iq"],
  [/\b(welsh|wales)\b/, "wales"],
];
const KIND: [RegExp, Kind][] = [
  [/\b(nvq|svq)s?\b/, "nvq"],
  [/\bprinciples\b/, "principles"],
  [/\b(certificate|cert)\b/, "certificate"],
  [/\bdiploma\b/, "diploma"],
  [/\b(apprenticeships?|pathway)\b/, "apprenticeship"],
];
/** "an NVQ level 2 in retail", "a level 2 foundation apprenticeship in business admin": another subject. */
const OTHER_SUBJECT_AFTER =
  /^(?: (?:nvq|svq|certificate|cert|diploma|foundation|advanced|intermediate|higher|apprenticeship|award|qualification|essential|skills|wales))* (?:in|on) (?!contact|call|cc\b|principles\b|the\b|a\b|an\b|my\b|our\b|her\b|his\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|summer|spring|autumn|winter|\d)[a-z]+/;
const HELD =
  /\b(i have|have|has|i ve|ive|i got|got|hold|holds|held|holding|completed|complete|done|did|finished|passed|achieved|already|with)\b/;
const WANTED =
  /\b(want|wants|like|need|to get|to do|start|starting|doing|do|go for|aim|thinking|considering|next|after|than|between|vs|versus|compare|about|in|of|for)\b/;

/** An awarding body said after a qualification: "with City & Guilds", "through OCR". */
const BY_BODY =
  /^(?: (?:nvq|svq|certificate|cert|diploma|in|of|principles|contact|call|centre|centres|operations|cco|qualification|qual|award))* (?:with|from|through|by|via) (?:the )?(ocr|cityguilds|iq)\b/;

/** The last few words before a mention, in its clause. */
function wordsBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 40), start);
  const clause = before.split(/\b(but|and then|what|which|can|could|should|,)\b/).at(-1) ?? "";
  return clause.trim().split(" ").slice(-4).join(" ");
}
/** "if I haven't done the level 2 one", "without having done the Level 3": said not to be held. */
const NEGATED_HELD =
  /\b(not|havent|hasnt|hadnt|never|without|didnt|dont|doesnt)\b( [a-z]+)?( (done|got|have|had|passed|completed|finished|did))\b/;
/** Whether the words just before a mention say the learner holds it. */
function heldBefore(text: string, start: number): boolean {
  const words = wordsBefore(text, start);
  if (NEGATED_HELD.test(words)) return false;
  // "do you have to hold OCR 10265 first?", "you need to have done the L2": what a qualification
  // requires, not what anyone holds.
  const clause =
    text
      .slice(Math.max(0, start - 40), start)
      .split(/\b(?:but|and then|,)\b/)
      .at(-1) ?? "";
  // ("the quickest way for them to complete OCR 10265": to be done.)
  if (
    /\b(have to|has to|had to|need to|needs to|must|required to|supposed to|got to)\b|\bto (complete|finish|pass|achieve|hold|get|do)\b/.test(
      clause,
    )
  )
    return false;
  return HELD.test(words) && !WANTED.test(words.split(" ").slice(-2).join(" "));
}

/** The clause around a mention: "compare the OCR level 2 NVQ vs City & Guilds level 2 NVQ" has two. */
function clauseAround(text: string, start: number, end: number): string {
  const SEP =
    /\b(vs|versus|and|or|with|than|compare|between|then|but|after|to|as part of|part of|instead of|in place of|rather than)\b/g;
  let from = 0;
  let to = text.length;
  for (const m of matchesOf(SEP, text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

interface Names {
  entries: CatalogueEntry[];
  numbers: { re: RegExp; digits: string; ids: string[] }[];
  /** Every number's digits hold three digits in a row: text without them names no number. */
  numbersNeedDigits: boolean;
  titles: { id: string; name: string }[];
}
const namesCache = new WeakMap<Catalogue, Names>();
/** The catalogue's numbers, ids and titles as the matcher reads them, worked out once. */
function namesOf(catalogue: Catalogue): Names {
  let names = namesCache.get(catalogue);
  if (!names) {
    const entries = [...catalogue.entries.values()];
    const numbersOf = (e: CatalogueEntry) => (e.type === "qualification" ? Object.values(e.numbers) : []);
    const seen = new Set<string>();
    const numbers: Names["numbers"] = [];
    for (const e of entries)
      for (const n of numbersOf(e)) {
        if (!n?.value || seen.has(n.value)) continue;
        seen.add(n.value);
        const v = normalise(n.value).replace(/\//g, "\\/?");
        numbers.push({
          re: new RegExp(`\\b${v}\\b`, "g"),
          digits: (/\d{3,}/.exec(n.value) ?? [n.value])[0].toLowerCase(),
          ids: entries.filter((x) => numbersOf(x).some((y) => y?.value === n.value)).map((x) => x.id),
        });
      }
    const titles = entries.flatMap((e) => [
      { id: e.id, name: normalise(e.id) },
      { id: e.id, name: normalise(e.title.value).replace(/ qcf$/, "") },
    ]);
    names = { entries, numbers, numbersNeedDigits: numbers.every((n) => /\d{3}/.test(n.digits)), titles };
    namesCache.set(catalogue, names);
  }
  return names;
}

const THREE_DIGITS = /\d{3}/;
/** A list of small numbers ("1 2 and 10"). */
const NUMBER_LIST = /\b(\d{1,2})((?:\s+(?:and\s+|or\s+|&\s+)?\d{1,2}\b)+)/g;
/** "the foundation apprenticeship", "the IQ NVQ", "the OCR one": named without a level. */
const BODY_OR_FOUNDATION =
  /\bfoundation apprenticeship\b|\b(iq|ocr|cityguilds)\b( (nvq|svq|one|qualification|qual|cert|certificate|diploma|principles))?/g;

/** Qualification mentions in normalised text: by number (10265, 600/5106/1, C&G 3412) or by description. */
export function qualificationsIn(catalogue: Catalogue, text: string): QualificationMention[] {
  const names = namesOf(catalogue);
  const entries = names.entries;
  const found: QualificationMention[] = [];
  let t = text;
  const take = (candidates: string[], start: number, end: number, explicit: boolean) => {
    found.push({
      id: candidates.length === 1 ? (candidates[0] ?? null) : null,
      candidates,
      held: heldBefore(text, start),
      notHeld: NEGATED_HELD.test(wordsBefore(text, start)),
      explicit,
      matched: text.slice(start, end),
      start,
      end,
    });
    t = t.slice(0, start) + " ".repeat(end - start) + t.slice(end);
  };
  // By number, then by id ("ocr-10268", as buttons send them) or full title.
  for (const n of !names.numbersNeedDigits || THREE_DIGITS.test(t) ? names.numbers : []) {
    if (!t.includes(n.digits)) continue;
    n.re.lastIndex = 0;
    for (let m = n.re.exec(t); m; m = n.re.exec(t)) take(n.ids, m.index, m.index + m[0].length, true);
  }
  for (const n of names.titles) {
    const i = t.indexOf(n.name);
    if (i >= 0) take([n.id], i, i + n.name.length, true);
  }
  // A list of unit numbers after a qualification's name is not a list of levels: "units for the NVQ:
  // 1, 2, 10" (the colon and commas are gone by now), "the level 3 NVQ 1 2 and 5". Its numbers are
  // masked when the list is long, names a number no level has, or follows a level already said.
  for (const m of matchesOf(NUMBER_LIST, t)) {
    const numbers = m[0].match(/\d{1,2}/g) ?? [];
    const levelBefore = /\b(?:level|lvl|l) ?\d (?:nvq|svq|diploma|certificate|cert|principles|one)s? ?$/.test(
      t.slice(Math.max(0, m.index - 30), m.index),
    );
    if (numbers.length >= 3 || numbers.some((n) => Number(n) > 4) || levelBefore)
      t = t.slice(0, m.index) + m[0].replace(/\d/g, " ") + t.slice(m.index + m[0].length);
  }
  // By description around a level mention: "the OCR level 3 NVQ", "level 2 principles".
  let previous: Features | undefined;
  for (const lm of levelsIn(t)) {
    if (lm.level < 1 || lm.level > 4) continue;
    // GCSEs, A levels, a degree: a learner's general level, never a catalogue entry.
    if (!/^(nvq|svq|qcf|rqf|level|lvl|lev|l\d|\d|one|two|three|four)\b/.test(lm.matched)) continue;
    // "an NVQ level 2 in retail": another subject's qualification.
    if (OTHER_SUBJECT_AFTER.test(t.slice(lm.end))) continue;
    const windowText = clauseAround(t, lm.start, lm.end);
    // "NVQ 2 and 3": a bare number after a level mention names the same kind at another level.
    const listItem = /^[a-z0-9]+$/.test(lm.matched) ? previous : undefined;
    const wanted: Features = listItem ? { ...listItem, level: lm.level } : { level: lm.level, kinds: [] };
    if (!listItem) {
      for (const [re, b] of BODY) if (re.test(windowText)) wanted.body = b;
      // "my level 2 nvq with city and guilds", "the Level 2 Certificate in Principles ... with OCR": the
      // awarding body named after it.
      const by = BY_BODY.exec(t.slice(lm.end, lm.end + 80));
      const after = by ? BODY.find(([re]) => re.test(by[1] ?? "")) : undefined;
      if (after && !wanted.body) wanted.body = after[1];
      for (const [re, k] of KIND) if (re.test(windowText)) wanted.kinds.push(k);
      if (/\bnvq|svq\b/.test(lm.matched)) wanted.kinds.push("nvq");
    }
    previous = wanted;
    // "the level 4", "the L4": a level alone names an entry only when the catalogue has one at it.
    const the = /\bthe\s*$/.test(t.slice(Math.max(0, lm.start - 5), lm.start));
    // "the level 3 one": a qualification at that level, whichever it is.
    const one = the && /^ (one|qualification|qual|course)\b/.test(t.slice(lm.end));
    if (!wanted.body && wanted.kinds.length === 0 && !the) continue;
    const candidates = entries
      .filter((e) => {
        const f = featuresOf(e);
        return (
          f.level === wanted.level &&
          (!wanted.body || f.body === wanted.body) &&
          wanted.kinds.every((k) => f.kinds.includes(k) || (k === "apprenticeship" && f.body === "wales"))
        );
      })
      .map((e) => e.id);
    if (candidates.length && (candidates.length === 1 || !the || one || wanted.kinds.length || wanted.body))
      take(candidates, lm.start, lm.end, wanted.body !== undefined);
  }
  // Without a level: "the foundation apprenticeship", "the IQ NVQ" / "the IQ one" (an awarding body
  // or a kind the catalogue has only one of).
  for (const m of t.includes("foundation apprenticeship") ||
  t.includes("iq") ||
  t.includes("ocr") ||
  t.includes("cityguilds")
    ? matchesOf(BODY_OR_FOUNDATION, t)
    : []) {
    const windowText = clauseAround(t, m.index, m.index + m[0].length);
    const kinds = KIND.filter(([re]) => re.test(m[0])).map(([, k]) => k);
    const body = BODY.find(([re]) => re.test(m[0]))?.[1];
    const candidates = entries
      .filter((e) => {
        const f = featuresOf(e);
        if (m[0] === "foundation apprenticeship")
          return e.type === "pathway" && f.level === 2 && /\bfoundation\b/i.test(e.title.value);
        return f.body === body && kinds.every((k) => f.kinds.includes(k));
      })
      .map((e) => e.id);
    // (Not the body of a qualification named just before: "the level 2 NVQ with IQ".)
    const ofBefore =
      /\b(with|from|through|by|via) $/.test(t.slice(Math.max(0, m.index - 8), m.index)) &&
      levelsIn(t.slice(Math.max(0, m.index - 80), m.index)).some((l) => l.level >= 1 && l.level <= 4);
    if (
      candidates.length === 1 &&
      !ofBefore &&
      !levelsIn(windowText).some((l) => l.level >= 1 && l.level <= 4) &&
      !OTHER_SUBJECT_AFTER.test(t.slice(m.index + m[0].length))
    )
      take(candidates, m.index, m.index + m[0].length, true);
  }
  return found.sort((a, b) => a.start - b.start);
}
