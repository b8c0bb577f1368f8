/** Durations as people type them, in whole months: "2 years", "eighteen months", "since 2021", "none". */
import { NUMBER_WORDS } from "./text.ts";

const WORDS: Record<string, number> = {
  ...NUMBER_WORDS,
  a: 1,
  an: 1,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  couple: 2,
  few: 3,
  several: 3,
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const UNIT = /^(years?|yrs?|y|months?|mths?|mos?|m|weeks?|wks?|w|fortnights?|decades?)$/;

function unitMonths(unit: string): number {
  if (/^d/.test(unit)) return 120;
  if (/^y/.test(unit)) return 12;
  if (/^w/.test(unit)) return 12 / 52;
  if (/^f/.test(unit)) return 24 / 52;
  return 1;
}

function numberOf(token: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(token)) return Number(token);
  if (token === "half") return 0.5;
  return WORDS[token];
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
const YEAR = "((?:19|20)\\d\\d|this year|last year)";
/** A start date: "since 2021", "started in June 2025" (made once, not on every call). */
const START_SINCE = new RegExp(
  `\\b(?:since|from|started(?: in| on| back in)?|joined(?: in)?|began(?: in)?|got (?:the|my|this) job in|been (?:there|here) since|worked there since|employed since)\\s+(?:(?:in|on)\\s+)?(?:${MONTH}\\s+)?${YEAR}`,
);
const START_ONWARDS = new RegExp(
  `\\b(?:${MONTH}\\s+)?${YEAR}\\s+(?:onwards|to now|til now|till now|until now|to date|to present)`,
);

/**
 * Months of experience in `text`, or undefined when it holds no duration. `today` anchors "since 2021".
 * "none", "no experience", "never" and "not yet" are 0.
 */
export function parseDurationMonths(text: string, today: Date): number | undefined {
  const t = text
    .toLowerCase()
    .replace(/[-,]/g, " ")
    .replace(/(\d)([a-z])/g, "$1 $2");
  if (/\b(none|no experience|never|not yet|zero|nothing)\b/.test(t) || /^\s*no\s*$/.test(t)) return 0;
  // A start date: "since 2021", "from sep 2023 til now", "started in June 2025", "since feb this year",
  // "2016 onwards". A year alone counts whole calendar years (5 in 2026); with a month, months.
  const start = START_SINCE.exec(t) ?? START_ONWARDS.exec(t);
  if (start) {
    const yearText = start[2] ?? "";
    const year =
      yearText === "this year"
        ? today.getUTCFullYear()
        : yearText === "last year"
          ? today.getUTCFullYear() - 1
          : Number(yearText);
    const month = start[1]
      ? ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(start[1])
      : undefined;
    const months =
      month === undefined
        ? (today.getUTCFullYear() - year) * 12
        : (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() - month);
    return months >= 0 ? months : undefined;
  }
  const tokens = t.split(/\s+/).filter(Boolean);
  let total = 0;
  let found = false;
  let lastUnit: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const unitAt = tokens.findIndex((w, j) => j > i && UNIT.test(w));
    const n = numberOf(tokens[i] ?? "");
    // "3 years TL + 6 as advisor", "4 yrs as supervisor and 5 as an agent": a bare number after a
    // duration, saying what it was spent as, takes that duration's unit.
    if (
      n !== undefined &&
      lastUnit &&
      /^\d{1,2}$/.test(tokens[i] ?? "") &&
      /^(as|before|prior|previously|on|at)$/.test(tokens[i + 1] ?? "") &&
      !UNIT.test(tokens[i + 1] ?? "")
    ) {
      total += n * unitMonths(lastUnit);
      continue;
    }
    if (n === undefined || unitAt < 0) continue;
    // "a year and a half", "two and a half years", "a couple of months"
    const between = tokens.slice(i + 1, unitAt);
    if (between.some((w) => !["and", "a", "half", "of", "or", "so"].includes(w))) continue;
    const plusHalf = between.includes("half") ? 0.5 : 0;
    const unit = tokens[unitAt] ?? "";
    let months = (n + plusHalf) * unitMonths(unit);
    // ("1 year and half": the "a" left out.)
    if (
      tokens[unitAt + 1] === "and" &&
      (tokens[unitAt + 2] === "half" || (tokens[unitAt + 2] === "a" && tokens[unitAt + 3] === "half"))
    )
      months += 0.5 * unitMonths(unit);
    // "2 years in March": two years only by next March.
    const month = MONTHS.indexOf((tokens[unitAt + 2] ?? "").slice(0, 3));
    if (tokens[unitAt + 1] === "in" && month >= 0 && /^y/.test(unit))
      months -= (month - today.getUTCMonth() + 12) % 12;
    total += Math.max(0, months);
    found = true;
    lastUnit = unit;
    i = unitAt;
  }
  if (found) return Math.round(total);
  if (/^\s*\d+\s*$/.test(t)) return Number(t.trim());
  return undefined;
}
