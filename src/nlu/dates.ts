import * as chrono from "chrono-node";
import { matchesOf, numberWord } from "./text.ts";

/**
 * Start dates in free text ("since Jan", "since Easter", "since last summer", "from Sept 2023",
 * "started in 2018", "since 2023-09"), read by chrono-node (British day/month order) with a few
 * parsers of our own for what it does not know: month abbreviations alone, seasons, Easter, and
 * year-month dates. A start date in the future is read as the last such date before today.
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Easter Sunday of a year (the anonymous Gregorian computus). */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const SEASON_MONTH: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };

const parser = chrono.en.GB.clone();
parser.parsers.push(
  {
    // "jan", "sept", "last march", "march 24" is left to chrono
    pattern: () =>
      /\b(last\s+)?(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|ember|tember|ober)?\b(?!\s*\d)(\s+last year)?/i,
    extract: (context, match) => {
      const month = MONTHS.indexOf((match[2] ?? "").slice(0, 3).toLowerCase());
      const ref = context.reference.instant;
      let year = ref.getUTCFullYear();
      // "last march" in November is this year's; "last november" in November is a year ago.
      if (month > ref.getUTCMonth() || (match[1] && month === ref.getUTCMonth())) year--;
      if (match[3]) year = ref.getUTCFullYear() - 1;
      return { day: 1, month: month + 1, year };
    },
  },
  {
    pattern: () => /\b(?:the\s+|last\s+)?(spring|summer|autumn|fall|winter)\b/i,
    extract: (context, match) => {
      const month = SEASON_MONTH[(match[1] ?? "").toLowerCase()] ?? 0;
      const ref = context.reference.instant;
      let year = ref.getUTCFullYear();
      if (month > ref.getUTCMonth()) year--;
      return { day: 1, month: month + 1, year };
    },
  },
  {
    pattern: () => /\b(?:last\s+)?easter\b/i,
    extract: (context) => {
      const ref = context.reference.instant;
      let d = easter(ref.getUTCFullYear());
      if (d > ref) d = easter(ref.getUTCFullYear() - 1);
      return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
    },
  },
  {
    pattern: () => /\b((?:19|20)\d\d)[-/](0?[1-9]|1[0-2])\b/,
    extract: (_context, match) => ({ day: 1, month: Number(match[2]), year: Number(match[1]) }),
  },
);

/** A start date after "since", "from", "started", "joined", "began" or "in" (a year), or undefined. */
export function startDateIn(
  text: string,
  today: Date,
): { date: Date; dayKnown: boolean; yearOnly?: boolean } | undefined {
  // Every cue is tried in turn: "in Paisley since Feb" has its date after the second.
  const cues =
    /\b(since|from|start date was|started(?: (?:the job |this job |the role |my job |her job |his job |work |working )?(?:in|on|back in|as \w+(?: \w+)? in|with (?:us|them|the \w+) (?:in|on)(?: the \w+)?(?: in)?))?|joined(?: (?:us )?in)?|began(?: in)?|been here since)\s+(?=(.{1,40}))/gi;
  for (const cue of matchesOf(cues, text)) {
    const found = dateAfter(cue[1] ?? "", cue[2] ?? "", today);
    if (found) return found;
  }
  // "started on the phones at a call centre in Leeds in March 2019": the month and year later in the
  // same words.
  const later =
    /\b(?:started|joined|began)\b.{0,60}?\b(?:in|on) ((?:(?:mid|the middle of|early|late) )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:19|20)\d\d)\b/.exec(
      text,
    );
  return later ? dateAfter("in", later[1] ?? "", today) : undefined;
}

function dateAfter(
  cue: string,
  rest: string,
  today: Date,
): { date: Date; dayKnown: boolean; yearOnly?: boolean } | undefined {
  const yearOnly = /^((?:19|20)\d\d)\b(?![-/ ]\d)/.exec(rest);
  // A year alone counts whole calendar years ("since 2021" is 5 years in 2026).
  if (yearOnly && cue !== "in")
    return {
      date: new Date(Date.UTC(Number(yearOnly[1]), today.getUTCMonth(), 1)),
      dayKnown: false,
      yearOnly: true,
    };
  // "since I left school in June 2024": the date of the event named.
  const event = /^(?:i|she|he|they) (?:left|finished) \w+(?: \w+)? in (.{1,20})/.exec(rest);
  if (event) return dateAfter("in", event[1] ?? "", today);
  if (
    /^(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago\b/.test(
      rest,
    )
  )
    return quickDate(rest, today);
  // Only a date-like word after the cue is worth the parser's time ("from Leeds" is not a date).
  if (
    !/^(?:(?:the|last|early|late|mid|middle of|about|around|back in)\s+)*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|easter|christmas|xmas|summer|spring|autumn|winter|\d)/i.test(
      rest,
    )
  )
    return undefined;
  // "since 2025 06" (normalised from 2025-06) is a year and a month.
  const ym = /^((?:19|20)\d\d)[-/ ](0?[1-9]|1[0-2])\b/.exec(rest);
  if (ym) return { date: new Date(Date.UTC(Number(ym[1]), Number(ym[2]) - 1, 1)), dayKnown: false };
  // "mid-June 2025", "the middle of May 2023": the 15th of that month.
  const mid = /^(?:the )?(?:mid|middle of|the middle of) (?=[a-z])(.{3,30})/.exec(rest);
  const midMonth = mid ? quickDate(mid[1] ?? "", today) : undefined;
  if (midMonth && !midMonth.dayKnown && !midMonth.yearOnly) {
    const d = midMonth.date;
    return { date: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 15, 12)), dayKnown: true };
  }
  // The usual forms, read directly (chrono-node, below, reads the rest: it costs a hundred times more).
  const quick = quickDate(rest, today);
  if (quick) return quick;
  // Digits that are neither a day of a month nor a numeric date ("from 16 to 18") are not a date.
  if (/^\d/.test(rest) && !/^\d{1,2}(st|nd|rd|th)?\s|^\d{1,2}\/\d{1,2}/.test(rest)) return undefined;
  const found = parser.parse(rest, { instant: today }, { forwardDate: false })[0];
  if (!found || found.index > 12) return undefined;
  let date = found.start.date();
  if (date > today)
    date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
  return {
    date,
    dayKnown: /easter|\b\d{1,2}(st|nd|rd|th)?\s+[a-z]|[a-z]+\s+\d{1,2}(st|nd|rd|th)\b/i.test(found.text),
  };
}

/** Whole months from a start date to today: calendar months when only the month is known, else by days. */
export function monthsSince(start: { date: Date; dayKnown: boolean }, today: Date): number {
  if (start.dayKnown)
    return Math.max(0, Math.round((today.getTime() - start.date.getTime()) / (30.44 * 86_400_000)));
  return Math.max(
    0,
    (today.getUTCFullYear() - start.date.getUTCFullYear()) * 12 +
      (today.getUTCMonth() - start.date.getUTCMonth()),
  );
}

const MONTH_WORD =
  "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|ember|tember|ober|t)?";
const QUICK = new RegExp(
  `^(?:(last|this)\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${MONTH_WORD}\\b(?:\\s+((?:19|20)\\d\\d)\\b|\\s+(last year))?(?!\\s*\\d)`,
);

/** "feb", "last march", "sept 2025", "25th january 2025", "1st nov", "march last year", "the summer", "easter", or undefined. */
function quickDate(
  rest: string,
  today: Date,
): { date: Date; dayKnown: boolean; yearOnly?: boolean } | undefined {
  const season = /^(?:(?:the|last)\s+)?(spring|summer|autumn|fall|winter)\b(?!\s*\d)/.exec(rest);
  if (season) {
    const month = SEASON_MONTH[season[1] ?? ""] ?? 0;
    const year = today.getUTCFullYear() - (month > today.getUTCMonth() ? 1 : 0);
    // (A season, like a year alone, does not say which month: a careful reader leaves the months out.)
    return { date: new Date(Date.UTC(year, month, 1, 12)), dayKnown: false, yearOnly: true };
  }
  const feast = /^(?:last\s+)?(easter|christmas|xmas)\b(?:\s+((?:19|20)\d\d))?/.exec(rest);
  if (feast) {
    const on = (y: number) => (feast[1] === "easter" ? easter(y) : new Date(Date.UTC(y, 11, 25, 12)));
    const year = feast[2] ? Number(feast[2]) : today.getUTCFullYear();
    let d = on(year);
    if (d > today && !feast[2]) d = on(year - 1);
    return { date: d, dayKnown: true };
  }
  // "the 1st of this month"
  const ofMonth = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)? of (this|last) month\b/.exec(rest);
  if (ofMonth) {
    const back = ofMonth[2] === "last" ? 1 : 0;
    return {
      date: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, Number(ofMonth[1]), 12)),
      dayKnown: true,
    };
  }
  // "6 weeks ago", "a year ago".
  const ago =
    /^(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago\b/.exec(
      rest,
    );
  if (ago) {
    // "a week ago", "an hour"... "a"/"an" are one.
    const n = numberWord(ago[1] ?? "") ?? 1;
    const days = { day: 1, week: 7, month: 30.44, year: 365.25 }[ago[2] as "day" | "week" | "month" | "year"];
    return { date: new Date(today.getTime() - n * days * 86_400_000), dayKnown: true };
  }
  const m = QUICK.exec(rest);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[3] ?? "").slice(0, 3));
  const day = m[2] ? Number(m[2]) : 1;
  let year = m[4] ? Number(m[4]) : today.getUTCFullYear();
  if (m[5]) year = today.getUTCFullYear() - 1;
  else if (!m[4] && (month > today.getUTCMonth() || (m[1] === "last" && month === today.getUTCMonth())))
    year--;
  const date = new Date(Date.UTC(year, month, day, 12));
  if (date > today && !m[4]) date.setUTCFullYear(year - 1);
  return { date, dayKnown: !!m[2] };
}

const RANGE_MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
const RANGE = new RegExp(
  `\\b(?:${RANGE_MONTH}\\s+)?((?:19|20)\\d\\d)\\s+(?:(?:to|til|till|until|and|through)\\s+)?(?:${RANGE_MONTH}\\s+)?((?:19|20)\\d\\d|\\d\\d)\\b(?!\\s*(?:years?|yrs?|months?|mths?|weeks?|wks?|units?|credits?|hours?|agents?|staff|seats?)\\b)`,
);

/**
 * Months between two dates that bound a span of work, in normalised text: "from March 2016 to March
 * 2020", "2019-2021", "2016-18", "between 2015 and 2019". A year alone counts whole calendar years.
 * Undefined when the text holds no such range (or its end is before its start or after today).
 */
export function rangeMonthsIn(text: string, today: Date): number | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const y1 = Number(m[2]);
  let y2 = Number(m[4]);
  if ((m[4] ?? "").length === 2) y2 += Math.floor(y1 / 100) * 100;
  const m1 = m[1] ? MONTHS.indexOf(m[1].slice(0, 3)) : -1;
  const m2 = m[3] ? MONTHS.indexOf(m[3].slice(0, 3)) : -1;
  if (y2 < y1 || y2 > today.getUTCFullYear()) return undefined;
  const months = (y2 - y1) * 12 + (m1 >= 0 && m2 >= 0 ? m2 - m1 : 0);
  return months > 0 ? months : undefined;
}
