/** Options of {@link runUntil} and {@link runUntilSettled}. */
export interface RunUntilOptions {
  /** Fake milliseconds advanced per step. @default 100 */
  stepMs?: number;
  /** Give up (throw) after this much fake time. @default 120000 */
  maxMs?: number;
}

/** Advances fake time, `stepMs` at a time, until `advanceTimersByTime` has been called enough. */
type Advance = (ms: number) => unknown;

/**
 * Advances fake timers step by step until `condition()` holds. Pass your timer library's
 * async advance, so promise callbacks run between steps.
 *
 * @example
 * page.querySelector('#buy').dispatchEvent('tap')
 * await runUntil(() => page.data.message !== '', jest.advanceTimersByTimeAsync)
 */
export async function runUntil(
  condition: () => boolean,
  advanceTimersByTime: Advance,
  { stepMs = 100, maxMs = 120_000 }: RunUntilOptions = {},
): Promise<void> {
  for (let elapsed = 0; !condition(); elapsed += stepMs) {
    if (elapsed >= maxMs) {
      throw new Error(`[miniprogram-pay/testing] still waiting after ${maxMs} fake ms`);
    }
    await advanceTimersByTime(stepMs);
  }
}

/**
 * Advances fake timers until `promise` settles, and returns its value.
 *
 * @example
 * jest.useFakeTimers()
 * const result = await runUntilSettled(checkout.pay(input), jest.advanceTimersByTimeAsync)
 */
export async function runUntilSettled<T>(
  promise: Promise<T>,
  advanceTimersByTime: Advance,
  options?: RunUntilOptions,
): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  await runUntil(() => settled, advanceTimersByTime, options);
  return watched;
}
