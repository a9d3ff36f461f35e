import { checkNumber, invalid, optionsOf, TAG } from './check-options';

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
  options: RunUntilOptions = {},
): Promise<void> {
  const api = 'runUntil';
  if (typeof condition !== 'function') invalid(api, 'condition', 'a function', condition);
  const { stepMs = 100, maxMs = 120_000 } = checkRunOptions(api, advanceTimersByTime, options);
  for (let elapsed = 0; !condition(); elapsed += stepMs) {
    if (elapsed >= maxMs) throw new Error(`${TAG} still waiting after ${maxMs} fake ms`);
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
  if (typeof (promise as Partial<Promise<T>> | undefined)?.finally !== 'function') {
    invalid('runUntilSettled', 'promise', 'a promise', promise);
  }
  checkRunOptions('runUntilSettled', advanceTimersByTime, options);
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  await runUntil(() => settled, advanceTimersByTime, options);
  return watched;
}

/** Checks the time advance and the options of `api`; the options. */
function checkRunOptions(api: string, advance: unknown, options: unknown): RunUntilOptions {
  if (typeof advance !== 'function') {
    invalid(api, 'advanceTimersByTime', 'a function, e.g. jest.advanceTimersByTimeAsync', advance);
  }
  const given = optionsOf(api, options);
  checkNumber(api, 'stepMs', given.stepMs, 1);
  checkNumber(api, 'maxMs', given.maxMs);
  return given;
}
