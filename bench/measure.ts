/** One benchmark's result: what was measured, and whether it met its target. */
export interface BenchResult {
  name: string;
  /** Human-readable measurements, e.g. { rows: 100000, seconds: 1.9, rowsPerSecond: 52000 }. */
  figures: Record<string, number | string>;
  target: string;
  met: boolean;
}

/** Samples resident memory while `work` runs, so a streaming reader's flat profile shows. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export function round(value: number, digits = 2): number {
  const unit = 10 ** digits;
  return Math.round(value * unit) / unit;
}
