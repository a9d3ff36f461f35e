import { ApiError } from '../http/errors';
import type { TransferBill } from '../kit';
import type { Merchant } from '../merchant';
import { WeChatPayError } from '../wechat/wechat-pay';
import { changed } from './apply-report';
import { mayMove, type Order, type OrderView, stateOf, viewOf } from './order';
import { BILLS, queryOrder } from './query-order';

/** The merchant's order, or 404 ORDER_NOT_FOUND. */
export async function requireOrder(merchant: Merchant, orderId: string): Promise<Order> {
  const order = await merchant.store.getOrder(orderId);
  if (!order)
    throw new ApiError(
      404,
      'ORDER_NOT_FOUND',
      `no order ${orderId} on this server (an in-memory server forgets its orders when it restarts: --data-dir or --redis keeps them)`,
    );
  return order;
}

const alreadyPaid = (order: Order, how: string) =>
  new ApiError(409, 'ORDER_ALREADY_PAID', `order ${order.orderId} ${how}`);

/**
 * Closes an unpaid order, after one last query (a payment whose notification is late must not
 * be closed): at WeChat Pay (`…/close`, v2 `/pay/closeorder`), B2b's `closeb2border`, a
 * transfer's bill cancelled while it waits for the user. Virtual payment has no close API:
 * a virtual order closes here, and a late push for it changes nothing. 409 ORDER_ALREADY_PAID
 * once paid (a transfer: received).
 */
export async function closeOrder(merchant: Merchant, orderId: string): Promise<OrderView> {
  await queryOrder(merchant, orderId);
  const order = await requireOrder(merchant, orderId);
  const state = stateOf(order);
  // A failed transfer has ended at WeChat Pay: there is nothing left to cancel.
  if (state === 'closed' || (order.kind === 'transfer' && state === 'failed')) return viewOf(order);
  if (state === 'paid' || state === 'refunded')
    throw alreadyPaid(order, `is ${order.kind === 'transfer' ? 'received' : state}`);
  let closedAs: string | number;
  try {
    closedAs = await closeAtPlatform(merchant, order);
  } catch (error) {
    // Paid meanwhile, WeChat Pay refuses to close it: the query says so.
    await queryOrder(merchant, orderId);
    if (stateOf(await requireOrder(merchant, orderId)) === 'paid')
      throw alreadyPaid(order, 'was paid meanwhile');
    throw error;
  }
  const updated = await merchant.store.updateOrder(orderId, (current) =>
    mayMove(current, closedAs) ? { ...current, status: closedAs } : undefined,
  );
  if (updated && updated.after !== updated.before) await changed(merchant, orderId);
  const after = updated?.after ?? order;
  if (stateOf(after) === 'paid') throw alreadyPaid(order, 'was paid meanwhile');
  return viewOf(after);
}

/** Closes the order at the platform; the state it is then in. */
async function closeAtPlatform(merchant: Merchant, order: Order): Promise<string | number> {
  const { pay } = merchant.platform;
  switch (order.kind) {
    case 'virtual':
      return 6;
    case 'common':
      await merchant.platform.api.b2b('/retail/B2b/closeb2border', order.orderId);
      return 'ORDER_CLOSE';
    case 'transfer':
      return (await pay.v3<TransferBill>('POST', `${BILLS}/out-bill-no/${order.orderId}/cancel`))
        .state;
    default:
      if (order.api === 'v2') {
        await pay.v2('/pay/closeorder', { out_trade_no: order.orderId });
      } else {
        const path = `/v3/pay/transactions/out-trade-no/${order.orderId}/close`;
        await pay.v3('POST', path, { mchid: merchant.config.mchId }).catch((error: unknown) => {
          // Never opened at WeChat Pay's cashier: nothing to close there.
          if (!(error instanceof WeChatPayError && error.code === 'ORDER_NOT_EXIST')) throw error;
        });
      }
      return 'CLOSED';
  }
}
