import { type AbortSignalLike, onAbort } from '../core/abort-signal';

/**
 * Resolves `ms` from now, or as soon as `signal` aborts (at once if it has). Nothing is left
 * behind once it resolved.
 */
export function sleep(ms: number, signal: AbortSignalLike): Promise<void> {
  return new Promise((wake) => {
    if (signal.aborted) return wake();
    const end = () => {
      clearTimeout(timer);
      stop();
      wake();
    };
    const timer = setTimeout(end, ms);
    const stop = onAbort(signal, end);
  });
}
