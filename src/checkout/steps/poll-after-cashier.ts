import type { Run } from '../run';
import type { CashierEnd } from './open-cashier';
import { type OrderPoll, type PollMode, pollOrder } from './poll-order';

/**
 * Step 3 of `pay()`: asks the backend how the order ended. After an `ok`, a timeout or a lost
 * callback the payment may have gone through: query until a final state. After a cancel or a
 * host failure, one query: a "cancel" is sometimes a payment that went through. When the host
 * was never reached, nothing can have been paid: no query (undefined).
 */
export async function pollAfterCashier(
  run: Run,
  orderId: string,
  cashier: CashierEnd,
): Promise<OrderPoll | undefined> {
  const mode = pollModeAfter(cashier);
  if (!mode) return undefined;
  run.stage('confirming', orderId);
  return pollOrder(run, orderId, mode);
}

function pollModeAfter(cashier: CashierEnd): PollMode | undefined {
  if (cashier.ended === 'lost') return 'until_final';
  const { outcome } = cashier;
  if (outcome.status === 'ok') return 'until_final';
  if (outcome.status === 'cancelled') return 'once';
  switch (outcome.code) {
    case 'timeout':
      return 'until_final';
    case 'host_error':
      return 'once';
    default:
      // invalid_params, unsupported, aborted: the host was never reached, or the caller left;
      // nothing to ask now.
      return undefined;
  }
}
