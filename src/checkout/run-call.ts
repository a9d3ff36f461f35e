import { type AbortSignalLike, createAbortController, listenToCaller } from '../core/abort-signal';
import { resolveHost } from '../core/host';
import { type ReleaseHost, takeHost } from '../core/host-lock';
import type { CheckoutSettings } from './config';
import { checkoutMessages as say } from './messages';
import type { CheckoutStage } from './options';
import type { PendingStore } from './pending-store';
import type { Run } from './run';
import type { CheckoutResult } from './types';

/** What the calls of one checkout share. */
export interface CheckoutCore {
  readonly settings: CheckoutSettings;
  readonly pending: PendingStore;
  /** `pay()` and `confirm()` calls in flight: `pay()` is refused while there is one. */
  running: number;
}

/**
 * Runs a `pay()` or `confirm()`. A `pay()` that could not open a cashier is refused before
 * anything is created (this checkout busy, no host, a cashier open on the host); its host is
 * taken from then on. It follows the caller's signal, reports `settled` and stores a pending
 * order. Never rejects: after an unexpected throw the result is `pending` once the order exists.
 */
export async function runCall(
  core: CheckoutCore,
  kind: 'pay' | 'confirm',
  options: { signal?: AbortSignalLike } | undefined,
  flow: (run: Run) => Promise<CheckoutResult>,
): Promise<CheckoutResult> {
  const own = createAbortController();
  let caller: ReturnType<typeof listenToCaller>;
  try {
    caller = listenToCaller(options?.signal, own.abort);
  } catch (error) {
    return { status: 'failed', code: 'invalid_params', detail: `${(error as Error).message}.` };
  }
  if (caller.aborted) own.abort();
  let releaseHost: ReleaseHost | undefined;
  if (kind === 'pay') {
    const taken = takeHostForPay(core);
    if ('refused' in taken) {
      caller.stop();
      return taken.refused;
    }
    releaseHost = taken.releaseHost;
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
    takeHost() {
      const taken = releaseHost;
      releaseHost = undefined;
      return taken;
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
  releaseHost?.();
  caller.stop();
  core.running--;
  core.pending.record(result);
  stage('settled');
  return result;
}

/** The host for a `pay()`, or why no cashier could open on it: then nothing is created. */
function takeHostForPay(
  core: CheckoutCore,
): { releaseHost: ReleaseHost } | { refused: CheckoutResult } {
  if (core.running > 0)
    return { refused: { status: 'failed', code: 'busy', detail: say.busyCheckout } };
  const host = resolveHost(core.settings.host);
  if (!host) return { refused: { status: 'failed', code: 'unsupported', detail: say.noHost } };
  const releaseHost = takeHost(host);
  if (!releaseHost) return { refused: { status: 'failed', code: 'busy', detail: say.busyHost } };
  return { releaseHost };
}

/** A run of the library's own, for resumed orders: no caller, no stages, no host. */
export function quietRun(settings: CheckoutSettings): Run {
  return {
    settings,
    signal: createAbortController().signal,
    stage: () => {},
    takeHost: () => undefined,
  };
}
