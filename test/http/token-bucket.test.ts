import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/http/token-bucket.js';
import { steppedClock } from '../support/fake-clock.js';

/** Lets the bucket's queued turns run up to their next sleep. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A bucket of burst 1 at the documented 5/s whose burst is spent and answered at once, and the next call waiting. */
async function nextCallWaiting() {
  const clock = steppedClock();
  const bucket = new TokenBucket({ rate: 5, burst: 1 }, clock);
  (await bucket.take())();
  const call = { sent: false, done: Promise.resolve() };
  call.done = bucket.take().then(() => {
    call.sent = true;
  });
  await settle();
  return { clock, bucket, call };
}

describe('TokenBucket', () => {
  it('after a take from full, refills from the first answer, not the send: the marketplace counts from when the call arrives', async () => {
    const clock = steppedClock();
    const bucket = new TokenBucket({ rate: 5, burst: 2 }, clock);
    const first = await bucket.take();
    await bucket.take();
    let sent = false;
    const third = bucket.take().then((answered) => {
      sent = true;
      return answered;
    });
    await settle();
    // No answer yet: the refill starts one interval after the take at the latest.
    expect(clock.sleepers.map((s) => s.until)).toEqual([200]);
    clock.moveTo(30);
    first();
    await settle();
    expect(clock.sleepers.at(-1)?.until).toBe(230);
    // Counted from the send the third call went at 200 ms, and arrived before the marketplace had a token.
    clock.moveTo(200);
    await settle();
    expect(sent).toBe(false);
    clock.moveTo(230);
    (await third)();
    // Later answers move nothing: the next call waits one interval from the third's turn.
    const fourth = bucket.take();
    await settle();
    expect(clock.sleepers.at(-1)?.until).toBe(430);
    clock.moveTo(430);
    await fourth;
  });

  it('without an answer, the refill starts one interval after the take from full', async () => {
    const clock = steppedClock();
    const bucket = new TokenBucket({ rate: 5, burst: 1 }, clock);
    await bucket.take();
    let sent = false;
    const second = bucket.take().then(() => {
      sent = true;
    });
    await settle();
    expect(clock.sleepers.map((s) => s.until)).toEqual([200]);
    clock.moveTo(200);
    await settle();
    expect(sent).toBe(false);
    expect(clock.sleepers.map((s) => s.until)).toEqual([200, 400]);
    clock.moveTo(400);
    await second;
  });

  it('full again after a pause, it waits for an answer to a call sent since; a late answer from before does not count', async () => {
    const clock = steppedClock();
    const bucket = new TokenBucket({ rate: 5, burst: 2 }, clock);
    (await bucket.take())();
    const slow = await bucket.take();
    // Idle for 2 s: both buckets are full again, the marketplace's counting from the next arrival.
    clock.moveTo(2000);
    const first = await bucket.take();
    await bucket.take();
    const third = bucket.take();
    await settle();
    expect(clock.sleepers.at(-1)?.until).toBe(2200);
    slow(); // the answer to a call sent before the pause
    await settle();
    expect(clock.sleepers.at(-1)?.until).toBe(2200);
    clock.moveTo(2040);
    first();
    await settle();
    expect(clock.sleepers.at(-1)?.until).toBe(2240);
    clock.moveTo(2240);
    await third;
  });

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
