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

/** An order of a book that keeps the cashier's last answer (virtual payment, B2b). */
interface NotedOrder {
  lastCashier?: CashierNote;
}

/**
 * Keeps the cashier's answer on `order` and saves it through `book`, for people reading the
 * dashboard; resolves the answer, for the cashier to deliver.
 */
export async function noteCashier<Order extends NotedOrder>(
  book: { saved(order: Order): Promise<void> },
  order: Order,
  request: CashierRequest,
  answer: HostCallback,
  at: number,
): Promise<HostCallback> {
  order.lastCashier = cashierNote(request, answer, at);
  await book.saved(order);
  return answer;
}
