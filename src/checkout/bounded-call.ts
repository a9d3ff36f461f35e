import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';
import { describeThrown } from '../shared/values';
import { resultDetails as say } from './result-details';

/** A call of the backend that gave no usable answer: why, a sentence for the log, what came back. */
export interface CallFailure {
  readonly ok: false;
  readonly reason: 'threw' | 'rejected' | 'timed_out' | 'malformed' | 'aborted' | 'unknown_order';
  readonly message: string;
  readonly cause: unknown;
}

/** What one call of the backend gave. */
export type CallResult<T> = { readonly ok: true; readonly value: T } | CallFailure;

/** Reads an answer: the value, or why it is not one (`problem`: a sentence for the log). */
export type AnswerReader<T> = (
  answer: unknown,
) => { ok: true; value: T } | { ok: false; reason: 'malformed' | 'unknown_order'; problem: string };

/**
 * Calls one function of the backend (`createOrder`, `queryOrder`) and reads its answer,
 * whatever it does: throw, reject, return a non-promise, resolve garbage, or never answer.
 * The call gets a signal of its own that aborts after `timeoutMs` or with `signal`; then its
 * answer is no longer awaited.
 */
export function boundedCall<T>(
  name: 'createOrder' | 'queryOrder',
  call: (signal: AbortSignalLike) => unknown,
  read: AnswerReader<T>,
  { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignalLike },
): Promise<CallResult<T>> {
  return new Promise((resolve) => {
    const own = createAbortController();
    const finish = (result: CallResult<T>) => {
      clearTimeout(timer);
      stopListening();
      own.abort();
      resolve(result);
    };
    const fail = (reason: CallFailure['reason'], message: string, cause?: unknown) =>
      finish({ ok: false, reason, message, cause });
    const timer = setTimeout(() => fail('timed_out', say.callTimedOut(name, timeoutMs)), timeoutMs);
    const stopListening = onAbort(signal, () => fail('aborted', say.callAborted(name)));
    if (signal.aborted) return fail('aborted', say.callAborted(name));
    let returned: unknown;
    try {
      returned = call(own.signal);
    } catch (error) {
      return fail('threw', say.callThrew(name, error), error);
    }
    // After `finish`, the own signal has aborted: a late answer changes nothing.
    Promise.resolve(returned).then(
      (answer) => {
        if (own.signal.aborted) return;
        const reading = readSafely(read, answer);
        if (reading.ok) finish(reading);
        else fail(reading.reason, say.callMalformed(name, reading.problem), answer);
      },
      (error: { status?: unknown } | undefined) => {
        if (own.signal.aborted) return;
        // `httpBackend` rejects with the HTTP status; 404 means the backend does not know the order.
        const reason =
          name === 'queryOrder' && error?.status === 404 ? 'unknown_order' : 'rejected';
        fail(reason, say.callRejected(name, error), error);
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
