import { type AbortSignalLike, createAbortController, listenToCaller } from '../core/abort-signal';
import type { CheckoutSettings } from './config';
import type { CheckoutStage } from './options';
import type { PendingStore } from './pending-store';
import { resultDetails as say } from './result-details';
import type { Run } from './run';
import type { CheckoutResult } from './types';

/** What the calls of one checkout share. */
export interface CheckoutCore {
  readonly settings: CheckoutSettings;
  readonly pending: PendingStore;
  /** `pay()` and `confirm()` calls in flight: `pay()` is refused while there is one. */
  running: number;
}

/** How a call starts: the flow to run, or its refusal before anything happened. */
export type CallStart = ((run: Run) => Promise<CheckoutResult>) | CheckoutResult;

/**
 * Runs a `pay()` or `confirm()`: reads the caller's signal, then `start`s it. A refused call
 * reports no stage (the page's spinner belongs to the call that runs). The flow follows the
 * caller's signal; its end reports `settled` and stores a pending order. Never rejects: after
 * an unexpected throw the result is `pending` once the order exists.
 */
export async function runCall(
  core: CheckoutCore,
  options: { signal?: AbortSignalLike } | undefined,
  start: () => CallStart,
): Promise<CheckoutResult> {
  const own = createAbortController();
  let caller: ReturnType<typeof listenToCaller>;
  try {
    caller = listenToCaller(options?.signal, own.abort);
  } catch (error) {
    return { status: 'failed', code: 'invalid_params', detail: `${(error as Error).message}.` };
  }
  if (caller.aborted) own.abort();
  const flow = start();
  if (typeof flow !== 'function') {
    caller.stop();
    return flow;
  }
  core.running++;
  let orderId: string | undefined;
  const stage = (name: CheckoutStage) => {
    try {
      core.settings.onStage?.(name, { orderId });
    } catch {
      // A throwing listener is the page's bug; the payment goes on.
    }
  };
  const run: Run = {
    settings: core.settings,
    signal: own.signal,
    stage(name, id) {
      orderId = id ?? orderId;
      // After an abort only `settled` is reported: the page stops its spinner once.
      if (!own.signal.aborted) stage(name);
    },
  };
  let result: CheckoutResult;
  try {
    result = await flow(run);
  } catch (error) {
    const detail = say.unexpected(error);
    result = orderId
      ? { status: 'pending', orderId, detail }
      : { status: 'failed', code: 'host_error', detail };
  }
  caller.stop();
  core.running--;
  core.pending.record(result);
  stage('settled');
  return result;
}

/** A run of the library's own, for resumed orders: no caller, no stages. */
export function quietRun(settings: CheckoutSettings): Run {
  return { settings, signal: createAbortController().signal, stage: () => {} };
}
