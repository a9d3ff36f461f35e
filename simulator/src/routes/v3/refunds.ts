import type { FastifyPluginAsync } from 'fastify';
import { authenticatedMerchant } from '../../auth/v3-auth';
import { WeChatError } from '../../errors/wechat-error';
import { lookupOrder } from '../../v3/order-lookup';
import { readRefundRequest, subMchidOf } from '../../v3/refund-request';
import { refundView } from '../../v3/refund-view';
import { Fields } from '../../validation/fields';

/**
 * Domestic refunds: `POST /v3/refund/domestic/refunds` answers the Refund (PROCESSING; the same
 * request again answers the same refund), `GET …/refunds/{out_refund_no}` queries it
 * (`?sub_mchid=` for a service provider).
 */
const refundRoutes: FastifyPluginAsync = async (fastify) => {
  const { orders, refunds } = fastify.sim;

  fastify.post('/v3/refund/domestic/refunds', async (request) => {
    const merchant = authenticatedMerchant(request);
    const asked = readRefundRequest(request.body, merchant);
    const order = lookupOrder(orders, merchant.mchid, asked.refund.subMchid, asked.order);
    return refundView(await refunds.create(asked.refund, order));
  });

  fastify.get<{ Params: { out_refund_no: string } }>(
    '/v3/refund/domestic/refunds/:out_refund_no',
    async (request) => {
      const merchant = authenticatedMerchant(request);
      const subMchid = subMchidOf(Fields.of(request.query, 'query', 'query'), merchant);
      const refund = refunds.find(merchant.mchid, subMchid, request.params.out_refund_no);
      if (!refund) {
        throw new WeChatError(
          404,
          'RESOURCE_NOT_EXISTS',
          `There is no refund with out_refund_no ${request.params.out_refund_no} for merchant ${subMchid ?? merchant.mchid}.`,
        );
      }
      return refundView(refund);
    },
  );
};

export default refundRoutes;
