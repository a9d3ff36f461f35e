import { onAbort } from '../../core/abort-signal';
import { failureDetails } from '../../core/failure-details';
import { type PaymentHost, resolveHost } from '../../core/host';
import { type ReleaseHost, takeHost } from '../../core/host-lock';
import { openSheet } from '../../core/open-sheet';
import { type PaymentOutcome, refusal } from '../../core/outcome';
import { planHostCall } from '../../core/plan-host-call';
import type { PreparedOrder } from '../../shared/wire-types';
import { CASHIER_APIS } from '../cashier-apis';
import type { CheckoutSettings } from '../config';
import { resultDetails as say } from '../result-details';
import type { Run } from '../run';
import type { CheckoutResult } from '../types';
import { watchAppShow } from './app-show-watch';

/** How the cashier step ended for its `pay()`. */
export type CashierEnd =
  /** The host's outcome, or the library's refusal to call it (`invalid_params`, ...). */
  | { readonly ended: 'answered'; readonly outcome: PaymentOutcome }
  /** The app came back to the foreground and no callback followed within `graceMs`. */
  | { readonly ended: 'lost'; readonly graceMs: number };

/**
 * The cashier of one `pay()`. It holds the host from before the order is created (so that
 * nothing is created while a cashier is open) until the sheet answers, its host timeout
 * passes or its callback is taken as lost, even when the `pay()` was aborted meanwhile.
 */
export interface Cashier {
  /**
   * Step 2 of `pay()`: opens the host API of the order's kind with its signed parameters and
   * waits for its callback, watching `wx.onAppShow` for a callback lost when the user left the
   * app before "Done".
   */
  open(run: Run, order: PreparedOrder): Promise<CashierEnd>;
  /** Frees the host if no sheet was opened (the `pay()` ended before); else does nothing. */
  dismiss(): void;
}

/** Takes the host for a `pay()`, or says why no cashier could open on it. */
export function takeCashier(settings: CheckoutSettings): Cashier | CheckoutResult {
  const host = resolveHost(settings.host);
  if (!host) return { status: 'failed', code: 'unsupported', detail: say.noHost };
  const releaseHost = takeHost(host);
  if (!releaseHost) return { status: 'failed', code: 'busy', detail: say.busyHost };
  let opened = false;
  return {
    open(run, order) {
      opened = true;
      return openCashier(run, host, releaseHost, order);
    },
    dismiss: () => {
      if (!opened) releaseHost();
    },
  };
}

const answered = (outcome: PaymentOutcome): CashierEnd => ({ ended: 'answered', outcome });

async function openCashier(
  run: Run,
  host: PaymentHost,
  releaseHost: ReleaseHost,
  order: PreparedOrder,
): Promise<CashierEnd> {
  run.stage('awaiting_payment', order.orderId);
  const { hostTimeoutMs, resumeGraceMs } = run.settings;
  const { api, prepare } = CASHIER_APIS[order.kind];
  const call = planHostCall(api, prepare(order.params), { host, timeoutMs: hostTimeoutMs });
  if (call.status !== 'ready') {
    releaseHost();
    return answered(call);
  }
  // An `onStage` listener may have aborted the call.
  if (run.signal.aborted) {
    releaseHost();
    return answered(refusal('aborted', failureDetails.abortedBefore));
  }
  // The sheet's answer (or its host timeout) races a callback taken as lost: the first ends
  // the host side. The caller's abort ends the wait of this pay() at once, not the host side.
  return new Promise<CashierEnd>((resolve) => {
    const stopAbort = onAbort(run.signal, () =>
      resolve(answered(refusal('aborted', failureDetails.abortedDuring))),
    );
    const end = (cashierEnd: CashierEnd) => {
      stopAbort();
      stopWatching();
      releaseHost();
      resolve(cashierEnd);
    };
    const stopWatching = watchAppShow(host, resumeGraceMs, () => {
      stopSheet();
      end({ ended: 'lost', graceMs: resumeGraceMs });
    });
    const stopSheet = openSheet(call, (outcome) => end(answered(outcome)));
  });
}
