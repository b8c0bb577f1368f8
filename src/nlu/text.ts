/** Text as the understanding code reads it: lower case, British spelling, words separated by single spaces. */
// The understanding normalises the same message, and the same clauses, several times over: the last
// few results are kept (a handful, so a benchmark cycling through a corpus gains nothing from it).
const RECENT = 16;
const recentIn: string[] = [];
const recentOut: string[] = [];
let recentAt = 0;

export function normalise(text: string): string {
  const i = recentIn.indexOf(text);
  if (i >= 0) return recentOut[i] ?? "";
  const out = normaliseUncached(text);
  recentIn[recentAt] = text;
  recentOut[recentAt] = out;
  recentAt = (recentAt + 1) % RECENT;
  return out;
}

/** Plain ASCII (printable, tabs, new lines): the "½", NFKC, NFKD, accent and curly-quote steps below change nothing in it but "`". */
const NOT_ASCII = /[^\t\n\r -~]/;

function normaliseUncached(text: string): string {
  if (!NOT_ASCII.test(text)) return normaliseAscii(text.toLowerCase().replace(/`/g, "'"));
  return normaliseAscii(
    text
      // "5½ years" is 5.5 (before NFKC makes "½" "1⁄2").
      .replace(/(\d) ?½/g, "$1.5")
      .replace(/½/g, " half ")
      .normalize("NFKC")
      .toLowerCase()
      // "Ynys Môn", "Caerffili": accents dropped, letters kept.
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[’‘`]/g, "'"),
  );
}

function normaliseAscii(text: string): string {
  // (Each step runs only when the text holds a word or sign its pattern needs: most messages need few.)
  let t = text;
  if (t.includes("cent"))
    t = t.replace(/\bcent(er|re)s?\b/g, (m) => (m.endsWith("s") ? "centres" : "centre"));
  if (t.includes("advis"))
    t = t.replace(/\badvis(er|or)s?\b/g, (m) => (m.endsWith("s") ? "advisors" : "advisor"));
  // "&" is "and" ("City & Guilds", "C&G"); other punctuation becomes a space, except in QCF references.
  if (t.includes("g")) t = t.replace(/\bcity ?(&|and|n) ?guilds\b|\bc ?(&|and|n) ?g\b/g, "cityguilds");
  // "1.5 years": a decimal point survives; other dots become spaces below.
  if (t.includes(".")) t = t.replace(/(\d)\.(\d)/g, "$1point$2");
  if (t.includes("&")) t = t.replace(/&/g, " and ");
  t = t.replace(/[^a-z0-9/' ]+/g, " ");
  if (t.includes("'")) t = t.replace(/'/g, "");
  if (t.includes("point")) t = t.replace(/(\d)point(\d)/g, "$1.$2");
  t = t.replace(SPOKEN, (w) => TEXT_SPEAK[w] ?? w);
  // "twenty-one" is 21.
  if (t.includes("ty "))
    t = t.replace(
      /\b(twenty|thirty|forty|fifty|sixty) (one|two|three|four|five|six|seven|eight|nine)\b/g,
      (_, tens: string, unit: string) => String((TENS[tens] ?? 0) + (NUMBER_WORDS[unit] ?? 0)),
    );
  // (Only spaces are left: with no two together, the step changes nothing.)
  if (t.includes("  ")) t = t.replace(/\s+/g, " ");
  return t.trim();
}

const known = new Map<string, string>();
/** normalise() of catalogue text (titles, ids, numbers), remembered: the catalogue is finite. */
export function normaliseKnown(text: string): string {
  let n = known.get(text);
  if (n === undefined) {
    n = normalise(text);
    if (known.size < 10_000) known.set(text, n);
  }
  return n;
}

/** Text-speak and abbreviations, spelt out. */
const TEXT_SPEAK: Record<string, string> = {
  wot: "what",
  wots: "whats",
  wats: "whats",
  wat: "what",
  shud: "should",
  shld: "should",
  wud: "would",
  r: "are",
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  mgr: "manager",
  mngr: "manager",
  mgmt: "management",
  ops: "operations",
  cust: "customer",
  svc: "service",
  yeh: "yeah",
  yah: "yeah",
  thx: "thanks",
  ta: "thanks",
  quals: "qualifications",
  qual: "qualification",
  mths: "months",
  mnths: "months",
  mnth: "month",
  yr: "year",
  yrs: "years",
  nowt: "nothing",
  nout: "nothing",
  sept: "sep",
  // A dropped "g" ("im doin the level 2", "workin on the phones").
  doin: "doing",
  workin: "working",
  lookin: "looking",
  goin: "going",
  gettin: "getting",
  tryin: "trying",
  thinkin: "thinking",
  wantin: "wanting",
  nothin: "nothing",
  // Scots ("whit course wid get me intae a call centre", "nae quals", "fae Paisley").
  whit: "what",
  wid: "would",
  intae: "into",
  wi: "with",
  nae: "no",
  fae: "from",
  frae: "from",
  dae: "do",
  dinnae: "dont",
  didnae: "didnt",
  cannae: "cant",
  isnae: "isnt",
  havenae: "havent",
  wasnae: "wasnt",
};

/** A word TEXT_SPEAK spells out (as `\b[a-z]+\b` would find it, without a call per word); its own keys only. */
const SPOKEN = new RegExp(`\\b(?:${Object.keys(TEXT_SPEAK).join("|")})\\b`, "g");

const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** A number written in digits or as a word ("three"), or undefined. */
export function numberWord(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

/**
 * Every match of a global regex, as `[...text.matchAll(re)]` gives them, without the copy of the regex
 * matchAll makes first (for a long pattern, the copy costs ten times the matching).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}

/** Blank out a matched span so later extractors do not read it twice. */
export function mask(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

const distances = new Map<string, number>();
/** Edit distance where swapping two neighbouring letters ("hlep") is one typo (optimal string alignment). */
export function typoDistance(a: string, b: string): number {
  const key = `${a}\u0000${b}`;
  const known = distances.get(key);
  if (known !== undefined) return known;
  const d = osa(a, b);
  if (distances.size > 50_000) distances.clear();
  distances.set(key, d);
  return d;
}

function osa(a: string, b: string): number {
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let before: number[] = prev2;
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
