import type { Run } from '../run';
import { askBackend, type Confirmation, NOT_ASKED, type QueryMode } from './ask-backend';
import type { OrderCreation } from './create-order';
import type { CashierEnd } from './open-cashier';

/**
 * Step 3 of `pay()`: asks the backend how the order ended. After an `ok`, a timeout or a lost
 * callback the payment may have gone through: query until a final state. After a cancel or a
 * host failure, one query: a "cancel" is sometimes a payment that went through. When the host
 * was never reached, nothing can have been paid: no query.
 */
export function confirmPayment(
  run: Run,
  creation: OrderCreation,
  cashier: CashierEnd,
): Promise<Confirmation> {
  const mode = queryModeAfter(cashier);
  if (!creation.ok || mode === 'none') return Promise.resolve(NOT_ASKED);
  run.stage('confirming', creation.orderId);
  return askBackend(run, creation.orderId, mode);
}

function queryModeAfter(cashier: CashierEnd): QueryMode | 'none' {
  if (cashier.ended === 'not_opened') return 'none';
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
      // invalid_params, unsupported, busy, aborted: the host was never reached, or the
      // caller left; nothing to ask now.
      return 'none';
  }
}
