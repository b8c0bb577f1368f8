/** A closed range of possible values; `max` may be +Infinity (unknown credit values have no upper bound). */
export interface Interval {
  min: number;
  max: number;
}

export const ZERO: Interval = { min: 0, max: 0 };
/** What we know of a unit whose credit value no source gives: every unit is worth at least 1 credit. */
export const UNBOUNDED_CREDITS: Interval = { min: 1, max: Number.POSITIVE_INFINITY };

export const point = (v: number): Interval => ({ min: v, max: v });
export const add = (a: Interval, b: Interval): Interval => ({ min: a.min + b.min, max: a.max + b.max });
export const isExact = (a: Interval): boolean => a.min === a.max;

/** JSON-safe form: an unbounded maximum becomes null. */
export interface IntervalJson {
  min: number;
  max: number | null;
}
export const toJson = (a: Interval): IntervalJson => ({
  min: a.min,
  max: Number.isFinite(a.max) ? a.max : null,
});

/** "9", "between 9 and 12", "at least 9". */
export function describe(a: Interval): string {
  if (a.min === a.max) return String(a.min);
  if (!Number.isFinite(a.max)) return `at least ${a.min}`;
  return `between ${a.min} and ${a.max}`;
}
