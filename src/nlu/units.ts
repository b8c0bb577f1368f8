import type { Catalogue } from "../catalogue/load.ts";
import { matchesOf, normaliseKnown, numberWord } from "./text.ts";

export interface UnitsMention {
  /** Unit numbers ("4"), QCF references ("K/503/0385") or catalogue titles, in the order typed. */
  units: string[];
  start: number;
  end: number;
  /** Where each unit was named (to mask them one by one). */
  at: { start: number; end: number }[];
}

const REF = /\b([a-z])\/(\d{3})\/(\d{4})\b/g;
const LIST_ITEM = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)";
const SEP = "(?:\\s*(?:,|&|\\+|and|or|plus)\\s*|\\s+)";
const BARE_LIST = new RegExp(
  `^\\s*(?:i want|id like|i would like|i chose|i picked|i have|ive done|done|take|i ll take|ill take|with|how about|what about|lets do|try|maybe|numbers?|nos|units?)?\\s*((?:${LIST_ITEM})(?:${SEP}(?:${LIST_ITEM}))*)\\s*(?:please|pls|thanks|thank you|then|for now)?\\s*$`,
);
const asDigits = (s: string) => String(numberWord(s) ?? s);

interface UnitTitle {
  name: string;
  title: string;
}
/** Titles by their first word and by their first two words, so a message is matched only against the
 * titles that could start in it (a scan of every title per message cost a third of the understanding). */
interface TitleIndex {
  byStart: Map<string, UnitTitle[]>;
  /** The first words of the two-word keys: other words start none of them. */
  firstOfTwo: Set<string>;
}
const titlesCache = new WeakMap<Catalogue, { byQualification: Map<string, TitleIndex>; long: TitleIndex }>();

/** "deal with incidents through a contact centre" → "deal with incidents": how people shorten a title. */
const PLACE_TAIL =
  / (?:through|in|within|for|from|across) (?:a|the) contact centre(?: team| teams| operations| environment)?$/;

function indexTitles(given: UnitTitle[]): TitleIndex {
  // Each title also by its short form, when no other title starts with it ("deliver customer service"
  // stays unread: it starts another title too).
  const short = given.flatMap((t) => {
    const name = t.name.replace(PLACE_TAIL, "");
    return name !== t.name &&
      name.length >= 12 &&
      !given.some((o) => o.title !== t.title && o.name.startsWith(name))
      ? [{ name, title: t.title }]
      : [];
  });
  const titles = [...given, ...short];
  const byStart = new Map<string, UnitTitle[]>();
  const seen = new Set<string>();
  for (const t of titles) {
    if (!t.name || seen.has(t.name)) continue;
    seen.add(t.name);
    const words = t.name.split(" ");
    const key = words.length > 1 ? `${words[0]} ${words[1]}` : (words[0] ?? "");
    byStart.set(key, [...(byStart.get(key) ?? []), t]);
  }
  return {
    byStart,
    firstOfTwo: new Set([...byStart.keys()].flatMap((k) => (k.includes(" ") ? [k.split(" ")[0] ?? ""] : []))),
  };
}

/** Unit titles as the matcher reads them, per qualification, and the long ones of every qualification. */
function titlesOf(catalogue: Catalogue) {
  let t = titlesCache.get(catalogue);
  if (!t) {
    const lists = new Map<string, UnitTitle[]>();
    for (const e of catalogue.entries.values())
      lists.set(
        e.id,
        (e.type === "qualification" ? (e.units ?? []) : []).map((u) => ({
          name: normaliseKnown(u.title),
          title: u.title,
        })),
      );
    const long = [...lists.values()].flat().filter((u) => u.name.length >= 15);
    t = {
      byQualification: new Map([...lists].map(([id, xs]) => [id, indexTitles(xs)])),
      long: indexTitles(long),
    };
    titlesCache.set(catalogue, t);
  }
  return t;
}

/** The titles that may appear in `text`, longest first (a title inside a longer one is read once). */
function titlesIn(index: TitleIndex | undefined, text: string): UnitTitle[] {
  if (!index) return [];
  const words = text.split(/\s+/);
  const found: UnitTitle[] = [];
  for (let i = 0; i < words.length; i++) {
    const one = index.byStart.get(words[i] ?? "");
    if (one) found.push(...one);
    const two = index.firstOfTwo.has(words[i] ?? "")
      ? index.byStart.get(`${words[i]} ${words[i + 1]}`)
      : undefined;
    if (two) found.push(...two);
  }
  return found.length > 1 ? [...new Set(found)].sort((a, b) => b.name.length - a.name.length) : found;
}

/** A unit named in the text, where it is. */
interface UnitItem {
  at: number;
  end: number;
  unit: string;
  kind: "ref" | "title" | "number";
}

// What may stand between two items of one list: "1, 2 and 5", "4 & 9", "unit 4, unit 9", "1 2 3".
const LIST_GAP = /^\s*(?:,|;|&|\+|\/|and|or|plus|as well as)?\s*(?:and\s+)?$/;
// A number that is a level, an age, a duration, credits or hours is not a unit.
const NUMBER = new RegExp(
  `\\b(?<!\\b(?:level|levels|lvl|aged?|im|over|under|year|yr|scqf)\\s?)(${LIST_ITEM})\\b(?!\\s?(?:years?|yrs?|months?|mths?|weeks?|days?|credits?|hours?|hrs?|glh|%|gcses?|a levels?|o levels?|highers?|pm|am|st|nd|rd|th)\\b)(?![/.]\\d)`,
  "g",
);
/** A number NUMBER could read (each of its matches is one): without one, NUMBER is not run. */
const NUMBER_WORD = new RegExp(`\\b${LIST_ITEM}\\b`);
// Just before a list: "units 1, 2", "unit no 4", "units for the NVQ: 1, 2", "my units are 1, 2".
const UNIT_WORD_BEFORE =
  /\bunits?\s*(?:no|nos|numbers?)?\s*:?\s*$|\bunits?\b[^.?!:]{0,40}:\s*$|\bunits?\s+(?:are|were|was|is)\s*:?\s*$/;

/**
 * Units named in normalised text: QCF references and catalogue unit titles (of the qualification in
 * context when there is one, else long titles of any) wherever they are, and the numbers listed with
 * them; numbers after "unit"/"units" ("units 1, 2 and 4", "units for the NVQ: 1, 2"); a list of two
 * or more numbers in a message that speaks of units; a bare list of numbers ("4,6,10", "1 2 and 5")
 * when the whole message is one (`bare` = the bot asked for units); every small number when `anywhere`
 * (a check was asked for). A list is read whole: "1, 2, deliver customer service…, K/503/0421, 10 and
 * 18" is six units, in the order typed.
 */
export function unitsIn(
  catalogue: Catalogue,
  text: string,
  opts: { qualificationId?: string; bare?: boolean; anywhere?: boolean } = {},
): UnitsMention | undefined {
  const items: UnitItem[] = [];
  let rest = text;
  const blank = (at: number, end: number) => {
    rest = rest.slice(0, at) + " ".repeat(end - at) + rest.slice(end);
  };
  // Titles first, longest first, so that a title inside a longer one is not read twice.
  const all = titlesOf(catalogue);
  const candidates = titlesIn(
    opts.qualificationId ? all.byQualification.get(opts.qualificationId) : all.long,
    text,
  );
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!c.name || seen.has(c.name)) continue;
    const i = rest.indexOf(c.name);
    if (i < 0) continue;
    seen.add(c.name);
    items.push({ at: i, end: i + c.name.length, unit: c.title, kind: "title" });
    blank(i, i + c.name.length);
  }
  for (const m of matchesOf(REF, rest)) {
    items.push({
      at: m.index,
      end: m.index + m[0].length,
      unit: `${m[1]?.toUpperCase()}/${m[2]}/${m[3]}`,
      kind: "ref",
    });
    blank(m.index, m.index + m[0].length);
  }
  for (const m of NUMBER_WORD.test(rest) ? matchesOf(NUMBER, rest) : [])
    items.push({ at: m.index, end: m.index + m[0].length, unit: asDigits(m[1] ?? ""), kind: "number" });
  items.sort((a, b) => a.at - b.at);
  // Lists: items with nothing but separators between them.
  const runs: UnitItem[][] = [];
  for (const it of items) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && LIST_GAP.test(text.slice(last.end, it.at))) run.push(it);
    else runs.push([it]);
  }
  const speaksOfUnits = /\bunits?\b/.test(text);
  const bareWhole = opts.bare && BARE_LIST.test(text);
  const taken = runs.filter((run) => {
    const first = run[0];
    if (!first) return false;
    const numbers = run.filter((x) => x.kind === "number").length;
    return (
      numbers < run.length ||
      UNIT_WORD_BEFORE.test(text.slice(Math.max(0, first.at - 60), first.at)) ||
      bareWhole ||
      (speaksOfUnits && numbers >= 2) ||
      // Asked for units, a list of three or more inside a sentence ("no!! i already did 1 2 3 6 and 10").
      (opts.bare && !opts.anywhere && numbers >= 3)
    );
  });
  let units = taken.flat();
  // "check if 1,2,4,6,10 meets the rules", "are 11 and 27 allowed together": every small number.
  if (!units.length && opts.anywhere) units = items.filter((x) => x.kind === "number");
  if (!units.length) return undefined;
  return {
    units: [...new Set(units.map((x) => x.unit))],
    start: Math.min(...units.map((x) => x.at)),
    end: Math.max(...units.map((x) => x.end)),
    at: units.map((x) => ({ start: x.at, end: x.end })),
  };
}

/** Units to add to and remove from a selection, read from one message ("swap 18 for 21, and add 12"). */
export interface UnitEdits {
  add: string[];
  remove: string[];
}

// "I also want 10 and 18", "you dropped 1, 2 and 4", "you missed 32": units to add back.
const ADD_VERB =
  /\b(add(?: in)?|include|put in|throw in|also (?:take|want|need|do|have|pick|choose)|plus|you (?:dropped|missed|forgot|left out|lost|skipped)|(?:forgot|missed|left out)(?: units?)?)\b/g;
const REMOVE_VERB =
  /\b(remove|drop|take out|take off|delete|get rid of|lose|ditch|scrap|without|minus|dont want|do not want|avoid|leave out|cant do|cannot do)\b/g;
const SWAP_VERB = /\b(swap|replace|change|switch|substitute|exchange|trade|instead of|in place of)\b/g;
// Between the two sides of a swap: "swap 18 for 21", "replace 18 with 21", "change 18 to 21".
const SWAP_JOIN = /\b(for|with|to|into|by)\b/g;

/** Units named in a stretch of text that an edit verb governs: titles first, then references and numbers. */
function unitsOfSpan(catalogue: Catalogue, span: string, qualificationId: string | undefined) {
  const found: { at: number; end: number; unit: string }[] = [];
  let rest = span;
  const all = titlesOf(catalogue);
  // Longest titles first, so that a title inside a longer one is not read twice.
  for (const c of titlesIn(qualificationId ? all.byQualification.get(qualificationId) : all.long, span)) {
    const i = rest.indexOf(c.name);
    if (i < 0 || !c.name) continue;
    found.push({ at: i, end: i + c.name.length, unit: c.title });
    rest = rest.slice(0, i) + " ".repeat(c.name.length) + rest.slice(i + c.name.length);
  }
  for (const m of rest.matchAll(REF))
    found.push({
      at: m.index,
      end: m.index + m[0].length,
      unit: `${m[1]?.toUpperCase()}/${m[2]}/${m[3]}`,
    });
  rest = rest.replace(REF, (x) => " ".repeat(x.length));
  // Numbers that are levels, ages, durations or credits are not units.
  const numbers = new RegExp(
    `(?<!\\b(?:level|nvq|l|lvl|aged?|im|over|under)\\s?)\\b(${LIST_ITEM})\\b(?!\\s?(?:years?|yrs?|months?|weeks?|credits?|hours?|glh))`,
    "g",
  );
  for (const m of rest.matchAll(numbers))
    found.push({ at: m.index, end: m.index + m[0].length, unit: asDigits(m[1] ?? "") });
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Edits of a unit selection in normalised text: "swap 18 for selling by telephone inbound", "add unit
 * 12 and remove 10", "drop 10", "21 instead of 18". Undefined when the message edits nothing.
 */
export function unitEditsIn(
  catalogue: Catalogue,
  text: string,
  opts: { qualificationId?: string } = {},
): UnitEdits | undefined {
  // "take unit 18 out", "leave 7 and 9 off": the verb split round the units, said as "take out unit 18".
  if (/\b(out|off)\b/.test(text))
    text = text.replace(
      /\b(take|leave) ((?:units? )?\d{1,2}(?:(?:,| and| &|,? or)? \d{1,2})*) (out|off)\b/g,
      "$1 $3 $2",
    );
  const verbs: { at: number; end: number; kind: "add" | "remove" | "swap"; word: string }[] = [];
  for (const [re, kind] of [
    [ADD_VERB, "add"],
    [REMOVE_VERB, "remove"],
    [SWAP_VERB, "swap"],
  ] as const)
    for (const m of text.matchAll(re))
      verbs.push({ at: m.index, end: m.index + m[0].length, kind, word: m[1] ?? "" });
  if (!verbs.length) return undefined;
  verbs.sort((a, b) => a.at - b.at);
  const edits: UnitEdits = { add: [], remove: [] };
  let touched = false;
  verbs.forEach((v, i) => {
    const span = text.slice(v.end, verbs[i + 1]?.at ?? text.length);
    const before = text.slice(verbs[i - 1]?.end ?? 0, v.at);
    const items = unitsOfSpan(catalogue, span, opts.qualificationId);
    if (v.kind === "add") edits.add.push(...items.map((x) => x.unit));
    else if (v.kind === "remove") edits.remove.push(...items.map((x) => x.unit));
    else if (v.word === "instead of" || v.word === "in place of") {
      // "21 instead of 18": what comes before goes in, what follows comes out.
      edits.add.push(...unitsOfSpan(catalogue, before, opts.qualificationId).map((x) => x.unit));
      edits.remove.push(...items.map((x) => x.unit));
    } else {
      const first = items[0];
      const join = first
        ? [...span.matchAll(SWAP_JOIN)].find(
            (m) => m.index >= first.end && !items.some((x) => x.at <= m.index && m.index < x.end),
          )
        : undefined;
      const cut = join?.index ?? Number.POSITIVE_INFINITY;
      edits.remove.push(...items.filter((x) => x.at < cut).map((x) => x.unit));
      edits.add.push(...items.filter((x) => x.at > cut).map((x) => x.unit));
    }
    touched ||= items.length > 0;
  });
  if (!touched) return undefined;
  return { add: [...new Set(edits.add)], remove: [...new Set(edits.remove)] };
}

/**
 * Whether the units a message names are ones the learner holds ("I have units 1, 2, 4 and 9", "units
 * were T/503/0342…", "I did 1 2 and 5") rather than a selection to check or plan.
 */
export function unitsHeldCue(text: string): boolean {
  return /\b(did units?|done units?|completed units?|passed units?|finished units?|i have(?! to)|ive got|i ve got|i got|got (units?|my)|i hold|i did|ive done|i ve done|ive already|i ve already|i completed|ive completed|i passed|ive passed|i achieved|already (have|got|done|did|completed|passed)|units? (were|was)|my units (are|were)|i took|i finished|ive finished|he has|she has|they have|he did|she did)\b/.test(
    text,
  );
}
