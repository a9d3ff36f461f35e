import { type AbortSignalLike, createAbortController, onAbort } from '../core/abort-signal';
import { type PaymentHost, resolveHost } from '../core/host';
import { failed, type PaymentOutcome } from '../core/outcome';
import { requestPayment } from '../core/request-payment';
import { requestVirtualPayment } from '../core/request-virtual-payment';
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
  signal: AbortSignalLike,
  hostTimeoutMs: number | undefined,
  resumeGraceMs: number,
): Promise<PaymentOutcome> {
  const virtual = order.kind === 'virtual';
  const lost = createAbortController();
  const target = resolveHost(host);
  let grace: unknown;
  let shown = false;
  const onShow = () => {
    if (!shown) grace = setTimeout(lost.abort, resumeGraceMs);
    shown = true;
  };
  const listening = typeof target?.offAppShow === 'function';
  try {
    if (listening) target?.onAppShow?.(onShow);
  } catch {}
  const cleanup = () => {
    shown = true;
    clearTimeout(grace);
    try {
      if (listening) target?.offAppShow?.(onShow);
    } catch {}
    stopParent();
    lost.abort();
  };
  const stopParent = onAbort(signal, cleanup);
  if (signal.aborted) cleanup();

  return (virtual ? requestVirtualPayment : requestPayment)(order.params as never, {
    host,
    signal: lost.signal,
    timeoutMs: hostTimeoutMs,
  }).then((outcome) => {
    const gaveUp = !signal.aborted && outcome.status === 'failed' && outcome.code === 'aborted';
    cleanup();
    return gaveUp
      ? failed(
          virtual ? 'requestVirtualPayment' : 'requestPayment',
          'timeout',
          `no callback ${resumeGraceMs} ms after the app came back`,
        )
      : outcome;
  });
}
