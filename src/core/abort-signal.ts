/**
 * The part of `AbortSignal` the library reads. A real `AbortSignal` fits; so does a
 * hand-made object on hosts that have no `AbortController`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

/** Runs `onAbort` once when the signal aborts; returns the function that stops listening. */
export function onAbort(signal: AbortSignalLike | undefined, onAbortFn: () => void): () => void {
  signal?.addEventListener('abort', onAbortFn);
  return () => signal?.removeEventListener?.('abort', onAbortFn);
}

/** A minimal controller for runtimes without `AbortController` (mini programs before base 2.x). */
export function createAbortController(): { signal: AbortSignalLike; abort(): void } {
  const listeners = new Set<() => void>();
  const signal = {
    aborted: false,
    addEventListener: (_type: 'abort', listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: 'abort', listener: () => void) => void listeners.delete(listener),
  };
  return {
    signal,
    abort() {
      if (!signal.aborted) {
        signal.aborted = true;
        for (const listener of [...listeners]) listener();
      }
    },
  };
}
