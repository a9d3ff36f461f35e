import { describeThrown } from '../shared/values';

/**
 * The part of `AbortSignal` the library reads. A real `AbortSignal` fits; so does a
 * hand-made object on hosts that have no `AbortController`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

/** A minimal controller: mini programs before base library 2.x have no `AbortController`. */
export function createAbortController(): { signal: AbortSignalLike; abort(): void } {
  const listeners = new Set<() => void>();
  const signal = {
    aborted: false,
    addEventListener: (_type: 'abort', listener: () => void) => {
      if (!signal.aborted) listeners.add(listener);
    },
    removeEventListener: (_type: 'abort', listener: () => void) => {
      listeners.delete(listener);
    },
  };
  const abort = () => {
    if (signal.aborted) return;
    signal.aborted = true;
    for (const listener of [...listeners]) listener();
    listeners.clear();
  };
  return { signal, abort };
}

/**
 * Runs `listener` once a signal the library made aborts (none: never); returns the function
 * that stops it. A caller's own signal goes through {@link listenToCaller}.
 */
export function onAbort(signal: AbortSignalLike | undefined, listener: () => void): () => void {
  signal?.addEventListener('abort', listener);
  return () => signal?.removeEventListener?.('abort', listener);
}

/**
 * Listens to the caller's own signal, which may be a hand-made object or a Proxy: whether it
 * had aborted already (then nothing listens), and the function that stops listening. Throws
 * a TypeError that says why the signal cannot be used.
 */
export function listenToCaller(
  signal: AbortSignalLike | undefined,
  listener: () => void,
): { aborted: boolean; stop(): void } {
  const stop = () => {
    try {
      signal?.removeEventListener?.('abort', listener);
    } catch {
      // A signal that cannot stop listening only calls a listener that no longer matters.
    }
  };
  let why = 'it has no addEventListener function';
  try {
    if (!signal) return { aborted: false, stop };
    if (signal.aborted) return { aborted: true, stop };
    if (typeof signal.addEventListener === 'function') {
      signal.addEventListener('abort', listener);
      return { aborted: false, stop };
    }
  } catch (error) {
    why = `using it threw ${describeThrown(error)}`;
  }
  throw new TypeError(
    `signal must be an AbortSignal or an object with aborted and addEventListener('abort', listener), but ${why}`,
  );
}
