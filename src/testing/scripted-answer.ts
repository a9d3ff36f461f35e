import { type AbortSignalLike, onAbort } from '../core/abort-signal';
import { isRecord } from '../shared/values';
import type { OrderState, PreparedOrder } from '../shared/wire-types';

/**
 * What one scripted call does instead of following the timeline: answer a state (with
 * extra snapshot fields), reject, throw synchronously, resolve or return any value as is
 * (garbage, a non-promise), or never answer (`'hang'`, deaf to the abort signal).
 */
export type FakeAnswer =
  | OrderState
  | { state: OrderState; [extra: string]: unknown }
  | { reject: unknown }
  | { throw: unknown }
  | { resolve: unknown }
  | { return: unknown }
  | 'hang';

/** Every order state, in the order the docs list them. */
export const ORDER_STATES: readonly OrderState[] = [
  'pending',
  'paid',
  'closed',
  'failed',
  'refunded',
];

const ANSWER_KEYS = ['state', 'reject', 'throw', 'resolve', 'return'];

/** Whether `value` is a {@link FakeAnswer}. */
export function isFakeAnswer(value: unknown): value is FakeAnswer {
  if (typeof value === 'string')
    return value === 'hang' || ORDER_STATES.indexOf(value as OrderState) >= 0;
  return isRecord(value) && ANSWER_KEYS.some((key) => key in value);
}

/** What a fake backend call rejects with once its signal aborted. */
export const STOPPED = 'the fake backend call was aborted';

/** The order `createOrder` resolves by default: a valid `payment` order, numbered. */
export function defaultOrder(_input: unknown, index: number): PreparedOrder {
  return {
    orderId: `fake-order-${index + 1}`,
    kind: 'payment',
    params: {
      timeStamp: '1700000000',
      nonceStr: `nonce${index + 1}`,
      package: `prepay_id=wx_fake_${index + 1}`,
      signType: 'RSA',
      paySign: 'fake-signature',
    },
  };
}

/** Plays one scripted answer after `latencyMs`; `'hang'` never settles. */
export function play(
  step: FakeAnswer | PreparedOrder,
  latencyMs: number,
  signal: AbortSignalLike | undefined,
  onAnswer: (value: unknown) => void,
): unknown {
  if (step === 'hang') return new Promise(() => {});
  if (isRecord(step) && 'throw' in step) throw step.throw;
  if (isRecord(step) && 'return' in step) {
    onAnswer(step.return);
    return step.return;
  }
  return new Promise((resolve, reject) => {
    const value = isRecord(step) && 'resolve' in step ? step.resolve : step;
    let finished = false;
    const timer = after(latencyMs, () => {
      if (finished) return;
      stop();
      if (isRecord(step) && 'reject' in step) return reject(step.reject);
      onAnswer(value);
      resolve(value);
    });
    const stop = onAbort(signal, () => {
      finished = true;
      clearTimeout(timer);
      reject(new Error(STOPPED));
    });
  });
}

/** Runs `run` after `ms`, or on the next microtask for 0. */
export function after(ms: number, run: () => void): unknown {
  if (ms > 0) return setTimeout(run, ms);
  Promise.resolve().then(run);
  return undefined;
}
