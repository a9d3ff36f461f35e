import type { FastifyPluginAsync } from 'fastify';
import { WX_ERRORS } from '../../mini-program/wx-api-error';
import type { Fields, StringRule } from '../../validation/fields';
import {
  isPaidVirtual,
  type VirtualOrderRecord,
  type VirtualRefund,
} from '../../virtual-payment/virtual-order';
import type { RefundVirtualOrder } from '../../virtual-payment/virtual-order-book';
import { XPAY_ERRORS } from '../../virtual-payment/xpay-errors';
import { verifyXpayRequest, type XpayRequest } from '../../virtual-payment/xpay-request';
import { paymentOrderView, refundOrderView } from '../../virtual-payment/xpay-views';

const ORDER_ID: StringRule = { maxBytes: 64 };
const REFUND_ORDER_ID: StringRule = {
  maxBytes: 32,
  minLength: 8,
  pattern: { test: /^[0-9A-Za-z_-]+$/, says: '8 to 32 of [0-9A-Za-z_-]' },
};
const DIGIT = (says: string): StringRule => ({
  maxBytes: 1,
  pattern: { test: /^[0-9]$/, says },
});

/**
 * Virtual payment's server APIs a merchant server calls, each with `?access_token=&pay_sig=`:
 * `query_order` (a payment order, or a refund by its refund_order_id), `refund_order`
 * (refunds part or all, then pushes `xpay_refund_notify`), `notify_provide_goods` (marks a
 * paid order delivered when its delivery push failed).
 */
const xpayRoutes: FastifyPluginAsync = async (fastify) => {
  const { virtualOrders, config } = fastify.sim;

  fastify.post('/xpay/query_order', async (request) => {
    const xpay = verifyXpayRequest(fastify, request);
    const openid = xpay.fields.requiredString('openid', { maxBytes: 128 });
    const { order, id } = orderOf(fastify, xpay);
    if (order.openid !== openid) throw XPAY_ERRORS.notFound(`${id} is not an order of ${openid}`);
    const refund = order.refunds.find((item) => [item.refundOrderId, item.wxRefundId].includes(id));
    const view = refund ? refundOrderView(order, refund) : paymentOrderView(order);
    return { errcode: 0, errmsg: 'ok', order: view };
  });

  fastify.post('/xpay/refund_order', async (request) => {
    const xpay = verifyXpayRequest(fastify, request);
    const { fields } = xpay;
    const openid = fields.requiredString('openid', { maxBytes: 128 });
    const refundOrderId = fields.requiredString('refund_order_id', REFUND_ORDER_ID);
    const leftFee = fields.requiredInteger('left_fee', 0, Number.MAX_SAFE_INTEGER);
    const refundFee = fields.requiredInteger('refund_fee', 1, Number.MAX_SAFE_INTEGER);
    const input = {
      refundOrderId,
      fee: refundFee,
      bizMeta: fields.optionalString('biz_meta', { maxBytes: 1024, minLength: 0 }) ?? '',
      reason: fields.requiredString('refund_reason', DIGIT('0 to 5')),
      from: fields.requiredString('req_from', DIGIT('1 to 3')),
    };
    const { order, id } = orderOf(fastify, xpay);
    if (order.openid !== openid) throw XPAY_ERRORS.notFound(`${id} is not an order of ${openid}`);
    const done = order.refunds.find((refund) => refund.refundOrderId === refundOrderId);
    if (done && done.fee !== refundFee) {
      throw XPAY_ERRORS.repeated(`refund_order_id ${refundOrderId} refunded ${done.fee} already`);
    }
    const refund = done ?? (await refundOf(order, input, leftFee));
    return {
      errcode: 0,
      errmsg: 'ok',
      refund_order_id: refund.refundOrderId,
      refund_wx_order_id: refund.wxRefundId,
      pay_order_id: order.outTradeNo,
      pay_wx_order_id: order.wxOrderId,
    };
  });

  fastify.post('/xpay/notify_provide_goods', async (request) => {
    const xpay = verifyXpayRequest(fastify, request);
    const { order, id } = orderOf(fastify, xpay);
    if (order.status !== 4 && !isPaidVirtual(order)) {
      throw WX_ERRORS.invalidArgs(`order ${id} is not paid (status ${order.status})`);
    }
    await virtualOrders.markDelivered(order);
    return { errcode: 0, errmsg: 'ok' };
  });

  /** Refunds a paid order whose left_fee the merchant knows; pushed after the default delay. */
  async function refundOf(
    order: VirtualOrderRecord,
    input: RefundVirtualOrder,
    leftFee: number,
  ): Promise<VirtualRefund> {
    if (!isPaidVirtual(order)) {
      throw WX_ERRORS.invalidArgs(
        `order ${order.outTradeNo} has nothing to refund (status ${order.status}, left_fee ${order.leftFee})`,
      );
    }
    if (leftFee !== order.leftFee) {
      throw XPAY_ERRORS.leftFeeMismatch(`left_fee of ${order.outTradeNo} is ${order.leftFee}`);
    }
    if (input.fee > leftFee) {
      throw WX_ERRORS.invalidArgs(`refund_fee must be at most left_fee ${order.leftFee}`);
    }
    return virtualOrders.refund(order, input, {
      delayMs: config.defaultNotifyDelayMs,
      drop: false,
    });
  }
};

/** The order `order_id` or `wx_order_id` names (exactly one of them), in the body's env. */
function orderOf(
  fastify: Parameters<FastifyPluginAsync>[0],
  xpay: XpayRequest,
): { order: VirtualOrderRecord; id: string } {
  const { fields, merchant, env } = xpay;
  const orderId = optionalId(fields, 'order_id');
  const wxOrderId = optionalId(fields, 'wx_order_id');
  if ((orderId === undefined) === (wxOrderId === undefined)) {
    throw WX_ERRORS.invalidArgs('send exactly one of order_id and wx_order_id');
  }
  const { virtualOrders } = fastify.sim;
  const id = (orderId ?? wxOrderId) as string;
  const order =
    orderId === undefined
      ? virtualOrders.findById(merchant.mchid, id)
      : (virtualOrders.find(merchant.mchid, id) ?? virtualOrders.findById(merchant.mchid, id));
  if (!order || order.env !== env) {
    throw XPAY_ERRORS.notFound(`no order ${id} in env ${env} of offerId ${xpay.config.offerId}`);
  }
  return { order, id };
}

function optionalId(fields: Fields, name: string): string | undefined {
  return fields.optionalString(name, ORDER_ID);
}

export default xpayRoutes;
