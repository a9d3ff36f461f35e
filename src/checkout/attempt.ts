import { type AbortSignalLike, onAbort } from '../core/abort-signal';

/**
 * Calls a backend function and reads its answer with `read`, whatever the function does:
 * throw, reject, return a non-promise, resolve garbage, or never answer (bounded by
 * `signal`). Resolves the value `read` accepted, or a string that says what went wrong.
 */
export function attempt<T extends object>(
  name: string,
  call: () => unknown,
  read: (value: unknown) => T | string,
  signal: AbortSignalLike,
): Promise<T | string> {
  return new Promise((resolve) => {
    const late = () => resolve(`${name} did not answer in time`);
    const stop = onAbort(signal, late);
    if (signal.aborted) return late();
    new Promise((answer) => answer(call()))
      .then(read)
      .then(
        (value) => resolve(typeof value === 'string' ? `${name} returned ${value}` : value),
        (error) => resolve(`${name} failed: ${errorText(error)}`),
      )
      .then(stop);
  });
}

/** The message of an error, or the thing itself as text; never throws. */
export function errorText(error: unknown): string {
  try {
    return (error instanceof Error ? error.message : String(error)) || 'no reason given';
  } catch {
    return 'an unprintable error';
  }
}
