import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';
import { describeThrown } from '../shared/values';
import { checkoutMessages as say } from './messages';

/** A backend call that gave no usable answer: why, a sentence for the log, what came back. */
export interface BackendFailure {
  readonly ok: false;
  readonly reason: 'threw' | 'rejected' | 'timed_out' | 'malformed' | 'aborted' | 'unknown_order';
  readonly message: string;
  readonly cause: unknown;
}

/** What one backend call gave. */
export type BackendResult<T> = { readonly ok: true; readonly value: T } | BackendFailure;

/** Reads an answer: the value, or why it is not one (`malformed`: a sentence for the log). */
export type AnswerReader<T> = (
  answer: unknown,
) => { ok: true; value: T } | { ok: false; reason: 'malformed' | 'unknown_order'; problem: string };

/**
 * Calls a backend function and reads its answer, whatever it does: throw, reject, return a
 * non-promise, resolve garbage, or never answer. The call gets a signal of its own that
 * aborts after `timeoutMs` or with `signal`; then its answer is no longer awaited.
 */
export function callBackend<T>(
  name: 'createOrder' | 'queryOrder',
  call: (signal: AbortSignalLike) => unknown,
  read: AnswerReader<T>,
  { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignalLike },
): Promise<BackendResult<T>> {
  return new Promise((resolve) => {
    const own = createAbortController();
    const finish = (result: BackendResult<T>) => {
      clearTimeout(timer);
      stopListening();
      own.abort();
      resolve(result);
    };
    const fail = (reason: BackendFailure['reason'], message: string, cause?: unknown) =>
      finish({ ok: false, reason, message, cause });
    const timer = setTimeout(
      () => fail('timed_out', say.backendTimedOut(name, timeoutMs)),
      timeoutMs,
    );
    const stopListening = onAbort(signal, () => fail('aborted', say.backendAborted(name)));
    if (signal.aborted) return fail('aborted', say.backendAborted(name));
    let returned: unknown;
    try {
      returned = call(own.signal);
    } catch (error) {
      return fail('threw', say.backendThrew(name, error), error);
    }
    // After `finish`, the own signal has aborted: a late answer changes nothing.
    Promise.resolve(returned).then(
      (answer) => {
        if (own.signal.aborted) return;
        const reading = readSafely(read, answer);
        if (reading.ok) finish(reading);
        else fail(reading.reason, say.backendMalformed(name, reading.problem), answer);
      },
      (error: { status?: unknown } | undefined) => {
        if (own.signal.aborted) return;
        // `httpBackend` rejects with the HTTP status; 404 means the backend does not know the order.
        const reason =
          name === 'queryOrder' && error?.status === 404 ? 'unknown_order' : 'rejected';
        fail(reason, say.backendRejected(name, error), error);
      },
    );
  });
}

/** Readers read plain answers; a Proxy that throws when read is malformed too. */
function readSafely<T>(read: AnswerReader<T>, answer: unknown): ReturnType<AnswerReader<T>> {
  try {
    return read(answer);
  } catch (error) {
    return {
      ok: false,
      reason: 'malformed',
      problem: `an answer that cannot be read (${describeThrown(error)})`,
    };
  }
}
