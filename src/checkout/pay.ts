import type { CheckoutSettings } from './config';
import type { Run } from './run';
import type { CallStart } from './run-call';
import { creationFailed, payResult } from './steps/build-result';
import { createOrder } from './steps/create-order';
import { type Cashier, takeCashier } from './steps/open-cashier';
import { pollAfterCashier } from './steps/poll-after-cashier';
import type { CheckoutResult } from './types';

/**
 * Starts a `pay()`: takes its cashier first, and is refused at once, creating nothing, when
 * no cashier can open on the host.
 */
export function startPay(settings: CheckoutSettings, input: unknown): CallStart {
  const cashier = takeCashier(settings);
  return 'status' in cashier ? cashier : (run) => pay(run, cashier, input);
}

/** `pay()`: create the order, open the cashier, ask the backend how it ended, build the result. */
async function pay(run: Run, cashier: Cashier, input: unknown): Promise<CheckoutResult> {
  try {
    const created = await createOrder(run, input);
    if (!created.ok) return creationFailed(created);
    const order = created.value;
    const end = await cashier.open(run, order);
    const poll = await pollAfterCashier(run, order.orderId, end);
    return payResult(order, end, poll, run.settings.pollSchedule.deadlineMs);
  } finally {
    cashier.dismiss();
  }
}
