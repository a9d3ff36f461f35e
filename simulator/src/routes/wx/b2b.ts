import type { FastifyPluginAsync } from 'fastify';
import { b2bInvalid, b2bOrderView, verifyB2bRequest } from '../../b2b/b2b-api';
import type { StringRule } from '../../validation/fields';

const OUT_TRADE_NO: StringRule = {
  maxBytes: 32,
  minLength: 6,
  pattern: { test: /^[0-9A-Za-z_\-*]+$/, says: '6 to 32 of [0-9A-Za-z_-*]' },
};
const ORDER_ID: StringRule = { maxBytes: 32 };

/**
 * B2b payment's server APIs a merchant server calls, each with `?access_token=&pay_sig=`:
 * `getorder` and `closeb2border` (an order waiting for payment becomes ORDER_CLOSE; one no
 * cashier opened yet is kept closed, so that a later requestCommonPayment is refused), both
 * by `out_trade_no` or `order_id`.
 */
const b2bRoutes: FastifyPluginAsync = async (fastify) => {
  const { b2bOrders } = fastify.sim;

  fastify.post('/retail/B2b/getorder', async (request) => {
    const { merchant, fields } = verifyB2bRequest(fastify, request);
    const outTradeNo = fields.optionalString('out_trade_no', OUT_TRADE_NO);
    const orderId = fields.optionalString('order_id', ORDER_ID);
    if (outTradeNo === undefined && orderId === undefined) {
      throw b2bInvalid('out_trade_no和order_id不能同时为空');
    }
    const order =
      outTradeNo !== undefined
        ? b2bOrders.find(merchant.mchid, outTradeNo)
        : b2bOrders.findByOrderId(merchant.mchid, orderId ?? '');
    if (!order) throw b2bInvalid('订单不存在');
    return b2bOrderView(order);
  });

  fastify.post('/retail/B2b/closeb2border', async (request) => {
    const { merchant, appid, fields } = verifyB2bRequest(fastify, request);
    const orderId = fields.optionalString('order_id', ORDER_ID);
    const outTradeNo =
      fields.optionalString('out_trade_no', OUT_TRADE_NO) ??
      (orderId === undefined
        ? undefined
        : b2bOrders.findByOrderId(merchant.mchid, orderId)?.outTradeNo);
    if (outTradeNo === undefined) {
      throw b2bInvalid(orderId === undefined ? 'out_trade_no和order_id不能同时为空' : '订单不存在');
    }
    const outcome = await b2bOrders.close(merchant.mchid, outTradeNo, { appid });
    if (outcome === 'paid') throw b2bInvalid('订单已支付,不能关闭');
    return { errcode: 0, errmsg: 'ok' };
  });
};

export default b2bRoutes;
