import { type AbortSignalLike, onAbort } from '../core/abort-signal';

/**
 * Calls `then` once, `ms` from now or as soon as `signal` aborts (at once if it has).
 * Returns the function that cancels it; nothing is left behind once it ran or was cancelled.
 */
export function timeout(
  ms: number,
  signal: AbortSignalLike | undefined,
  then: () => void,
): () => void {
  const end = () => {
    cancel();
    then();
  };
  const cancel = () => {
    clearTimeout(timer);
    stop();
  };
  const stop = onAbort(signal, end);
  const timer = setTimeout(end, ms);
  if (signal?.aborted) end();
  return cancel;
}
