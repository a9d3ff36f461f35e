import { type AbortSignalLike, createAbortController } from '../core/abort-signal';
import { timeout } from './timers';

/**
 * Calls a backend function and reads its answer with `read`, whatever the function does:
 * throw, reject, return a non-promise, resolve garbage (`read` throws what is wrong with it),
 * or never answer. The call gets a signal that aborts after `ms` or with `parent`; then its
 * answer is no longer awaited. Resolves the value `read` accepted, or a string that says what
 * went wrong.
 */
export function attempt<T>(
  name: string,
  call: (signal: AbortSignalLike) => unknown,
  read: (value: unknown) => T,
  ms: number,
  parent: AbortSignalLike | undefined,
): Promise<T | string> {
  return new Promise((resolve) => {
    const { signal, abort } = createAbortController();
    const cancel = timeout(ms, parent, () => {
      abort();
      resolve(`${name} timed out`);
    });
    if (signal.aborted) return; // `parent` had aborted already: no call
    new Promise((answer) => answer(call(signal)))
      .then(read)
      .catch((error) => `${name} failed: ${error?.message || error}`)
      // A reason that cannot be printed (Object.create(null), a symbol) still says what failed.
      .catch(() => `${name} failed`)
      .then((value) => {
        cancel();
        resolve(value);
      });
  });
}
