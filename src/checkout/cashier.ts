import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';
import { type PaymentHost, resolveHost } from '../core/host';
import { type FailedOutcome, failed, type PaymentOutcome } from '../core/outcome';
import { requestPayment } from '../core/request-payment';
import { requestVirtualPayment } from '../core/request-virtual-payment';
import type { Schedule } from './config';
import { timeout } from './timers';
import type { PreparedOrder } from './types';

/**
 * Opens the host's cashier for `order` and resolves its outcome. A lost callback (none
 * `resumeGraceMs` after the app came back to the foreground, or none within `hostTimeoutMs`)
 * resolves a `timeout` outcome: the payment state is unknown, confirm it. A later callback
 * is ignored. `signal` ends the wait (outcome `aborted`); the app-show listener and the
 * grace timer are gone as soon as the outcome is known or `signal` aborts.
 */
export function openCashier(
  order: PreparedOrder,
  host: PaymentHost | undefined,
  signal: AbortSignalLike | undefined,
  { hostTimeoutMs, resumeGraceMs }: Schedule,
): Promise<PaymentOutcome> {
  const virtual = order.kind === 'virtual';
  const target = resolveHost(host);
  // Aborts the host call: on the caller's abort, at the end of the grace, or once answered.
  const { signal: hostSignal, abort: stopHost } = createAbortController();
  let grace: unknown;
  const onShow = () => {
    grace = grace || timeout(resumeGraceMs, hostSignal, stopHost);
  };
  const listening = typeof target?.offAppShow === 'function';
  try {
    if (listening) target?.onAppShow?.(onShow);
  } catch {}
  onAbort(hostSignal, () => {
    stopCaller();
    try {
      if (listening) target?.offAppShow?.(onShow);
    } catch {}
  });
  const stopCaller = onAbort(signal, stopHost);
  if (signal?.aborted) stopHost();

  return (virtual ? requestVirtualPayment : requestPayment)(order.params as never, {
    host,
    signal: hostSignal,
    timeoutMs: hostTimeoutMs,
  }).then((outcome) => {
    stopHost();
    return !signal?.aborted && (outcome as FailedOutcome).code === 'aborted'
      ? failed(
          virtual ? 'requestVirtualPayment' : 'requestPayment',
          'timeout',
          `no answer in ${resumeGraceMs} ms after onAppShow`,
        )
      : outcome;
  });
}
