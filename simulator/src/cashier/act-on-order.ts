import type { OrderRecord } from '../payments/order';
import type { SimulatorServices } from '../plugins/services';
import type { CashierRequest } from './cashier';
import type { HostCallback } from './host-callbacks';

/** The words a cashier delivers for the user's three choices. */
export interface ActionAnswers {
  ok(): HostCallback;
  cancel(): HostCallback;
  failed(): HostCallback;
}

/**
 * Does what the user chose with an order every check has passed: cancel leaves it unpaid,
 * fail records the failure, pay records the payment and notifies the merchant as planned.
 */
export async function actOnOrder(
  order: OrderRecord,
  request: CashierRequest,
  sim: SimulatorServices,
  answers: ActionAnswers,
): Promise<HostCallback> {
  switch (request.action) {
    case 'cancel':
      return answers.cancel();
    case 'fail':
      await sim.orders.fail(order);
      return answers.failed();
    case 'pay':
      await sim.orders.pay(order, request.plan);
      return answers.ok();
  }
}
