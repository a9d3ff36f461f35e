import { ApiError } from '../../http/api-error';
import { notifyPlanOf } from '../../schemas/sim';
import type { MerchantOrder } from '../../storage/state';
import type { OrderBook } from './order-book';
import type { OrderStatusView } from './order-view';
import { isWeChatPayOrder } from './state-rules';

/**
 * Closes an unpaid order at the platform, after one last query; refused once paid. A transfer
 * is cancelled: its bill ends CANCELLED (closed) while it still waits for the user.
 */
export async function closeOrder(book: OrderBook, order: MerchantOrder): Promise<OrderStatusView> {
  await book.queryPlatform(order);
  const state = book.stateOf(order);
  // A failed transfer has ended at the platform: there is nothing left to cancel.
  if (state === 'closed' || (order.kind === 'transfer' && state === 'failed')) {
    return book.view(order);
  }
  if (state === 'paid' || state === 'refunded') {
    const done = order.kind === 'transfer' ? 'received' : state;
    throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} is ${done}`);
  }
  const outcome = await closeAtPlatform(book, order);
  if (outcome === 'paid') {
    await book.queryPlatform(order);
    throw new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} was paid meanwhile`);
  }
  if (isWeChatPayOrder(order)) order.tradeState = 'CLOSED';
  else if (order.kind === 'virtual') order.virtualStatus = 6;
  else if (order.kind === 'common') order.payStatus = 'ORDER_CLOSE';
  else order.billState = 'CANCELLED';
  order.confirmedBy = 'merchant';
  await book.changed(order, undefined);
  return book.view(order);
}

async function closeAtPlatform(
  book: OrderBook,
  order: MerchantOrder,
): Promise<'closed' | 'paid' | 'unknown'> {
  const { platform, config } = book.deps;
  switch (order.kind) {
    case 'virtual':
      return platform.virtualPayment.close(order.orderId, order);
    case 'common':
      return platform.b2bPayment.close(order.orderId, {
        openid: order.openid,
        env: order.env,
        mchid: config.mchId,
      });
    case 'transfer': {
      const outcome = await platform.transfers.cancel(order.orderId, notifyPlanOf({}, config));
      return outcome === 'finished' ? 'paid' : 'closed';
    }
    default:
      return platform.wechatPay.close(order.orderId);
  }
}
