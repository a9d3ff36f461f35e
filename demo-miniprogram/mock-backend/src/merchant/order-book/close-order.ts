import { ApiError } from '../../http/api-error';
import type { MerchantOrder } from '../../storage/state';
import type { OrderBook } from './order-book';
import type { OrderStatusView } from './order-view';

/** Closes an unpaid order at the platform, after one last query; refused once paid. */
export async function closeOrder(book: OrderBook, order: MerchantOrder): Promise<OrderStatusView> {
  await book.queryPlatform(order);
  const state = book.stateOf(order);
  if (state === 'closed') return book.view(order);
  if (state === 'paid' || state === 'refunded') {
    throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} is ${state}`);
  }
  const { platform } = book.deps;
  const outcome =
    order.kind === 'payment'
      ? await platform.wechatPay.close(order.orderId)
      : await platform.virtualPayment.close(order.orderId, order);
  if (outcome === 'paid') {
    await book.queryPlatform(order);
    throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} was paid meanwhile`);
  }
  if (order.kind === 'payment') order.tradeState = 'CLOSED';
  else order.virtualStatus = 6;
  order.confirmedBy = 'merchant';
  await book.changed(order, undefined);
  return book.view(order);
}
