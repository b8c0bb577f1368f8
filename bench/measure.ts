/** Shared measuring helpers for `npm run bench`. */

/** The value at fraction `p` of an already sorted list. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

/** The median of an unsorted list (the mean of the two middle values when the length is even). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  if (!s.length) return Number.NaN;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Operations per second: `step(i)` as many times as fit in `ms`, in batches of `batch`, repeated
 * `runs` times after `warmUp` steps; the median run is reported with every run.
 */
export function ratePerSecond(
  step: (i: number) => void,
  options: { runs?: number; ms?: number; batch?: number; warmUp?: number } = {},
): { median: number; runs: number[] } {
  const { runs = 5, ms = 1000, batch = 100, warmUp = 2000 } = options;
  for (let i = 0; i < warmUp; i++) step(i);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < batch; i++) step(n + i);
      n += batch;
      now = performance.now();
    }
    rates.push(Math.round((n * 1000) / (now - start)));
  }
  return { median: median(rates), runs: rates };
}
