import { numberWord } from "./text.ts";

export interface LevelMention {
  level: number;
  matched: string;
  start: number;
  end: number;
  /** True when the words name a qualification ("NVQ 3"), not only a level. */
  named: boolean;
}

const NUM = "(\\d|one|two|three|four|five|six|seven|eight)";
const PATTERNS: {
  re: RegExp;
  level: (m: RegExpExecArray) => number | undefined;
  named: boolean;
  list?: true;
  /** `re` with the g flag, made once. */
  global?: RegExp;
}[] = [
  {
    re: new RegExp(`\\b(?:nvq|svq|qcf|rqf)s? ?(?:level ?|l)?${NUM}\\b`),
    level: (m) => numberWord(m[1] ?? ""),
    named: true,
    list: true,
  },
  {
    // ("Entry Level 3" is below Level 1: no level on this scale.)
    re: new RegExp(`(?<!\\bentry )\\b(?:level|lvl|lev) ?${NUM}\\b`),
    level: (m) => numberWord(m[1] ?? ""),
    named: false,
    list: true,
  },
  { re: /\bl([1-8])\b/, level: (m) => Number(m[1]), named: false, list: true },
  { re: /\b(gcses?|o levels?|btec firsts?|functional skills level 2)\b/, level: () => 2, named: true },
  // Scottish qualifications (SCQF), on the RQF scale as test/nlu/SLOTS.md maps them: Standard Grades,
  // O Grades, National 5s and Intermediate 2s are GCSE level; National 4s and Intermediate 1s, Level 1.
  {
    re: /\b(standard grades?|o grades?|nationals? 5s?|nat 5s?|n5s|intermediate 2s?|int 2s?)\b/,
    level: () => 2,
    named: true,
  },
  { re: /\b(nationals? 4s?|nat 4s?|n4s|intermediate 1s?|int 1s?)\b/, level: () => 1, named: true },
  {
    re: /\b(a levels?|as levels?|btec nationals?|(?<!advanced )highers|an? higher|(?<!advanced )higher (english|maths|math|biology|chemistry|physics|history|geography|french|spanish|german|art|music|modern studies|business|admin|computing|psychology|english and maths)|access course|t levels?)\b/,
    level: () => 3,
    named: true,
  },
  { re: /\b(hnc|certhe|advanced highers?)\b/, level: () => 4, named: true },
  { re: /\b(hnd|foundation degree)\b/, level: () => 5, named: true },
  {
    re: /\b(degree|ba|bsc|bachelors?|graduate|graduated|uni degree|finished uni|(a )?(2 1|2 2|first class|upper second|lower second) (in|degree|hons))\b/,
    level: () => 6,
    named: true,
  },
  { re: /\b(masters?|msc|mba|postgrad(uate)?)\b/, level: () => 7, named: true },
  { re: /\b(phd|doctorate)\b/, level: () => 8, named: true },
  {
    re: /\b(no (formal )?(qualifications?|qual[a-z]*ations?|certificates|exams)|nothing|none|left school( at \d+)? with nothing|never (got|had|did|passed) any (qualifications?|exams)|(dont|do not|didnt|did not|havent|have not) (have|get|got) any (qualifications?|exams)|none at all|zilch)\b/,
    level: () => 0,
    named: true,
  },
];

for (const p of PATTERNS) p.global = new RegExp(p.re.source, "g");
/** Any of the patterns: most texts name no level, and are read once instead of once per pattern. */
const ANY_LEVEL = new RegExp(PATTERNS.map((p) => `(?:${p.re.source})`).join("|"));
// A word ("one") only after "and"/"or"/"then": "the level 2 one" is not level 1.
const MORE = new RegExp(
  `^((?: (?:and|then|or) ${NUM}\\b| \\d\\b)(?! ?(?:years?|yrs?|months?|mths?|weeks?|units?|credits?)\\b))+`,
);

/**
 * Every level mention in normalised text, in order. "nothing"/"none" are only level 0 when the
 * caller expects a level (the caller decides, see understand.ts).
 */
export function levelsIn(text: string): LevelMention[] {
  // (A message is read for levels whole, then clause by clause: most often the same text. The last few
  // readings are kept, each given back as a copy.)
  for (let i = 0; i < RECENT; i++) if (recentText[i] === text) return (recentFound[i] ?? []).slice();
  const found = readLevels(text);
  recentText[recentAt] = text;
  recentFound[recentAt] = found;
  recentAt = (recentAt + 1) % RECENT;
  return found.slice();
}
const RECENT = 8;
const recentText: string[] = [];
const recentFound: LevelMention[][] = [];
let recentAt = 0;

function readLevels(text: string): LevelMention[] {
  const found: LevelMention[] = [];
  if (!ANY_LEVEL.test(text)) return found;
  let t = text;
  for (const p of PATTERNS) {
    const re = p.global ?? new RegExp(p.re.source, "g");
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const level = p.level(m);
      if (level === undefined || level > 8) continue;
      let end = m.index + m[0].length;
      found.push({ level, matched: m[0], start: m.index, end, named: p.named });
      // "NVQ 2 and 3", "level 2, 3": the numbers that follow are levels too.
      const more = MORE.exec(t.slice(end));
      if (more && p.list) {
        for (const w of (more[1] ?? "").split(/[^a-z0-9]+/)) {
          const n = numberWord(w);
          if (n !== undefined && n <= 8)
            found.push({
              level: n,
              matched: w,
              start: end,
              end: end + (more[1] ?? "").length,
              named: p.named,
            });
        }
        end += (more[1] ?? "").length;
      }
      t = t.slice(0, m.index) + " ".repeat(end - m.index) + t.slice(end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
