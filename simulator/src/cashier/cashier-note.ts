import type { CashierNote } from '../payments/order';
import type { CashierRequest } from './cashier';
import type { HostCallback } from './host-callbacks';

/** What the cashier answered, kept on the order for people reading the dashboard. */
export function cashierNote(
  request: CashierRequest,
  answer: HostCallback,
  at: number,
): CashierNote {
  return { api: request.api, action: request.action, errMsg: answer.errMsg, at };
}
