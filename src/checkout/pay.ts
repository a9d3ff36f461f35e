import type { Run } from './run';
import { buildResult } from './steps/build-result';
import { confirmPayment } from './steps/confirm-payment';
import { createOrder } from './steps/create-order';
import { openCashier } from './steps/open-cashier';
import type { CheckoutResult } from './types';

/** `pay()`: create the order, open the cashier, confirm with the backend, build the result. */
export async function pay(run: Run, input: unknown): Promise<CheckoutResult> {
  const creation = await createOrder(run, input);
  const cashier = await openCashier(run, creation);
  const confirmation = await confirmPayment(run, creation, cashier);
  return buildResult(creation, cashier, confirmation, run.settings.confirm);
}
