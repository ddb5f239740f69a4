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
