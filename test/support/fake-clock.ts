/** A clock whose sleep advances time at once: pacing and backoff tested without real waiting. */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    slept,
    totalSlept: () => slept.reduce((a, b) => a + b, 0),
  };
}

/** A clock whose sleeps end only when the test moves time past them: what waits, and until when, is visible. */
export function steppedClock(start = 0) {
  let now = start;
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    sleepers,
    moveTo(at: number) {
      now = at;
      for (const s of sleepers.filter((x) => x.until <= at)) s.wake();
    },
  };
}
