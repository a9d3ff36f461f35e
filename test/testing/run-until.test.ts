import { runUntil, runUntilSettled } from 'miniprogram-pay/testing';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const resolveAfter = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('Testing your checkout: runUntil and runUntilSettled drive fake timers', () => {
  it('advances fake time until the promise settles and returns its value', async () => {
    const start = Date.now();
    expect(await runUntilSettled(resolveAfter(2500, 'done'), jest.advanceTimersByTimeAsync)).toBe(
      'done',
    );
    expect(Date.now() - start).toBe(2500);
  });

  it('passes a rejection through', async () => {
    const failing = resolveAfter(300, 0).then(() => Promise.reject(new Error('boom')));
    await expect(runUntilSettled(failing, jest.advanceTimersByTimeAsync)).rejects.toThrow('boom');
  });

  it('gives up after maxMs with a clear error', async () => {
    await expect(
      runUntilSettled(resolveAfter(10_000, 1), jest.advanceTimersByTimeAsync, {
        maxMs: 1000,
        stepMs: 250,
      }),
    ).rejects.toThrow('still waiting after 1000 fake ms');
  });

  it('runUntil waits for a condition, stepping by stepMs', async () => {
    let ready = false;
    setTimeout(() => {
      ready = true;
    }, 750);
    const start = Date.now();
    await runUntil(() => ready, jest.advanceTimersByTimeAsync, { stepMs: 500 });
    expect(Date.now() - start).toBe(1000);
  });
});
