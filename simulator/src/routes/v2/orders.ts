import { isWeChatError } from '../../errors/wechat-error';
import { isPaid, type OrderRecord } from '../../payments/order';
import type { SimulatorServices } from '../../plugins/services';
import type { V2Fieldset } from '../../v2/answers';
import { institutionIds } from '../../v2/institution';
import { orderQueryResult } from '../../v2/order-view';
import { resultFail, returnFail, type V2ErrorCode } from '../../v2/refusal';
import { readUnifiedOrder } from '../../v2/unified-order';
import type { V2Request } from '../../v2/v2-request';

/** The order book's refusals of a creation, as API v2's error codes. */
const CREATE_REFUSALS: Readonly<Record<string, V2ErrorCode>> = {
  OUT_TRADE_NO_USED: 'OUT_TRADE_NO_USED',
  ORDERPAID: 'ORDERPAID',
  ORDER_CLOSED: 'ORDERCLOSED',
};

/**
 * `POST /pay/unifiedorder`: the order and its prepay_id; the same order sent again answers
 * its prepay_id (a new one after 2 hours), another order with its out_trade_no
 * OUT_TRADE_NO_USED, a paid one ORDERPAID, a closed one ORDERCLOSED.
 */
export async function unifiedOrder(
  request: V2Request,
  sim: SimulatorServices,
): Promise<V2Fieldset> {
  const { order, note } = readUnifiedOrder(request);
  let created: { order: OrderRecord; prepayId: string };
  try {
    created = await sim.orders.create(order);
  } catch (error) {
    const code = isWeChatError(error) ? CREATE_REFUSALS[error.code] : undefined;
    if (code === undefined || !isWeChatError(error)) throw error;
    throw resultFail(code, error.message);
  }
  await sim.v2Orders.keep(created.order.key, note);
  return { result_code: 'SUCCESS', trade_type: 'JSAPI', prepay_id: created.prepayId };
}

/** `POST /pay/orderquery` by transaction_id, else out_trade_no: the order's trade_state. */
export async function orderQuery(request: V2Request, sim: SimulatorServices): Promise<V2Fieldset> {
  const { subMchid } = institutionIds(request);
  request.fields.required('nonce_str', { maxBytes: 32 });
  const transactionId = request.fields.optional('transaction_id', { maxBytes: 32 });
  const outTradeNo = request.fields.optional('out_trade_no', { maxBytes: 32 });
  const { mchid } = request.merchant;
  let order: OrderRecord | undefined;
  if (transactionId !== undefined)
    order = sim.orders.findByTransactionId(mchid, subMchid, transactionId);
  else if (outTradeNo !== undefined) order = sim.orders.find(mchid, subMchid, outTradeNo);
  else
    throw returnFail(
      'LACK_PARAMS',
      'transaction_id or out_trade_no is required: which order to query.',
    );
  if (!order) {
    const which =
      transactionId !== undefined
        ? `transaction_id ${transactionId} (an order has one only once paid)`
        : `out_trade_no ${outTradeNo}`;
    throw resultFail(
      'ORDERNOTEXIST',
      `sub-merchant ${subMchid} of ${mchid} has no order with ${which}.`,
    );
  }
  return orderQueryResult(order);
}

/** `POST /pay/closeorder`: an unpaid order becomes CLOSED; a paid or closed one is refused. */
export async function closeOrder(request: V2Request, sim: SimulatorServices): Promise<V2Fieldset> {
  const { subMchid } = institutionIds(request);
  request.fields.required('nonce_str', { maxBytes: 32 });
  const outTradeNo = request.fields.required('out_trade_no', { maxBytes: 32 });
  const { mchid } = request.merchant;
  const order = sim.orders.find(mchid, subMchid, outTradeNo);
  if (!order) {
    throw resultFail(
      'ORDERNOTEXIST',
      `sub-merchant ${subMchid} of ${mchid} has no order with out_trade_no ${outTradeNo}.`,
    );
  }
  if (isPaid(order)) {
    throw resultFail(
      'ORDERPAID',
      `order ${outTradeNo} is paid; it cannot be closed (refund it instead).`,
    );
  }
  if (order.tradeState === 'CLOSED') {
    throw resultFail('ORDERCLOSED', `order ${outTradeNo} is closed already.`);
  }
  await sim.orders.close(order);
  return { result_code: 'SUCCESS', result_msg: 'OK' };
}
