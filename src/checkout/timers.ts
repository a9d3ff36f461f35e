import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';

/** A signal that aborts after `ms` or with `parent`. `stop()` frees its timer and listener. */
export function deadline(
  ms: number,
  parent: AbortSignalLike,
): { signal: AbortSignalLike; stop(): void } {
  const { signal, abort } = createAbortController();
  const timer = setTimeout(abort, ms);
  const stopParent = onAbort(parent, abort);
  if (parent.aborted) abort();
  return {
    signal,
    stop() {
      clearTimeout(timer);
      stopParent();
    },
  };
}

/** Resolves when `signal` aborts. */
export const aborted = (signal: AbortSignalLike): Promise<void> =>
  new Promise((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener('abort', resolve),
  );
