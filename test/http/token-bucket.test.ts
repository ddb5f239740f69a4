import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/http/token-bucket.js';

/** A clock whose sleeps end only when the test moves time past them. */
function steppedClock() {
  let now = 0;
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

/** Lets the bucket's queued turns run up to their next sleep. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A bucket of burst 1 at the documented 5/s whose burst is spent, and the next call waiting. */
async function nextCallWaiting() {
  const clock = steppedClock();
  const bucket = new TokenBucket({ rate: 5, burst: 1 }, clock);
  await bucket.take();
  const call = { sent: false, done: Promise.resolve() };
  call.done = bucket.take().then(() => {
    call.sent = true;
  });
  await settle();
  return { clock, bucket, call };
}

describe('TokenBucket', () => {
  it('a turn waiting at the documented rate goes as soon as the marketplace states a faster one', async () => {
    const { clock, bucket, call } = await nextCallWaiting();
    // At the documented 5/s the next token is 200 ms away.
    expect(clock.sleepers.map((s) => s.until)).toEqual([200]);
    // 100 ms later the first answer says 10/s: a token has refilled by now.
    clock.moveTo(100);
    bucket.adaptRate(10);
    await call.done;
    expect(call.sent).toBe(true);
    expect(clock.now()).toBe(100);
  });

  it('a slower stated rate makes the waiting turn wait longer, counting only the time passed', async () => {
    const { clock, bucket, call } = await nextCallWaiting();
    clock.moveTo(100);
    bucket.adaptRate(2);
    await settle();
    // 0.1 s at 2/s refilled a fifth of a token: the rest takes 400 ms more.
    expect(call.sent).toBe(false);
    expect(clock.sleepers.at(-1)?.until).toBe(500);
    clock.moveTo(500);
    await call.done;
    expect(call.sent).toBe(true);
  });

  it('the same rate stated again wakes nobody', async () => {
    const { clock, bucket, call } = await nextCallWaiting();
    bucket.adaptRate(5);
    await settle();
    expect(call.sent).toBe(false);
    expect(clock.sleepers).toHaveLength(1);
    clock.moveTo(200);
    await call.done;
    expect(call.sent).toBe(true);
  });
});
