import { createAbortController } from '../../core/abort-signal';
import { callHost } from '../../core/call-host';
import { type PaymentHost, resolveHost } from '../../core/host';
import type { PaymentOutcome } from '../../core/outcome';
import { CASHIER_APIS } from '../cashier-apis';
import type { Run } from '../run';
import { watchAppShow } from './app-show-watch';
import type { OrderCreation } from './create-order';

/** How the cashier step ended. */
export type CashierEnd =
  /** No order to pay: nothing was opened. */
  | { readonly ended: 'not_opened' }
  /** The host's outcome, or the library's refusal to call it (`invalid_params`, ...). */
  | { readonly ended: 'answered'; readonly outcome: PaymentOutcome }
  /** The app came back to the foreground and no callback followed within `graceMs`. */
  | { readonly ended: 'lost'; readonly graceMs: number };

export const NOT_OPENED: CashierEnd = { ended: 'not_opened' };

/**
 * Step 2 of `pay()`: opens the host API of the order's kind with its signed parameters and
 * waits for its callback. While the cashier is open the checkout listens to `wx.onAppShow`,
 * to notice a callback lost when the user left the app before "Done".
 */
export async function openCashier(run: Run, creation: OrderCreation): Promise<CashierEnd> {
  const releaseHost = run.takeHost();
  if (!creation.ok || !creation.order || !releaseHost) {
    releaseHost?.();
    return NOT_OPENED;
  }
  run.stage('awaiting_payment', creation.orderId);
  const { host, hostTimeoutMs, resumeGraceMs } = run.settings;
  const lost = createAbortController();
  const stopWatching = watchAppShow(resolveHost(host) as PaymentHost, resumeGraceMs, lost.abort);
  const { order } = creation;
  const { api, prepare } = CASHIER_APIS[order.kind];
  const outcome = await callHost(
    api,
    prepare(order.params),
    { host, timeoutMs: hostTimeoutMs, signal: run.signal },
    { releaseHost, lost: lost.signal, onHostFree: stopWatching },
  );
  if (outcome.status === 'lost') return { ended: 'lost', graceMs: resumeGraceMs };
  return { ended: 'answered', outcome };
}
