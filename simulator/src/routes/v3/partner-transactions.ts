import type { FastifyPluginAsync } from 'fastify';
import { authenticatedMerchant } from '../../auth/v3-auth';
import type { Merchant } from '../../merchants/merchant';
import { requireHeaderMchid } from '../../v3/mchid';
import { lookupOrder } from '../../v3/order-lookup';
import { readPartnerOrder } from '../../v3/order-request';
import { transactionView } from '../../v3/transaction-view';
import { Fields } from '../../validation/fields';

const MCHID = { maxBytes: 32 };

/** `sp_mchid` (the signer's) and `sub_mchid` of a query or a body. */
function partnerIds(fields: Fields, merchant: Merchant, location: 'body' | 'query'): string {
  requireHeaderMchid(
    fields.requiredString('sp_mchid', MCHID),
    merchant.mchid,
    'sp_mchid',
    location,
  );
  return fields.requiredString('sub_mchid', MCHID);
}

/**
 * A service provider's JSAPI orders for its sub-merchants (institution mode): create, query by
 * out_trade_no or transaction_id (`?sp_mchid=&sub_mchid=`), close (204).
 */
const partnerTransactionRoutes: FastifyPluginAsync = async (fastify) => {
  const { orders } = fastify.sim;
  const base = '/v3/pay/partner/transactions';

  fastify.post(`${base}/jsapi`, async (request) => {
    const merchant = authenticatedMerchant(request);
    const { prepayId } = await orders.create(readPartnerOrder(request.body, merchant));
    return { prepay_id: prepayId };
  });

  fastify.get<{ Params: { out_trade_no: string } }>(
    `${base}/out-trade-no/:out_trade_no`,
    async (request) => {
      const merchant = authenticatedMerchant(request);
      const subMchid = partnerIds(Fields.of(request.query, 'query', 'query'), merchant, 'query');
      return transactionView(
        lookupOrder(orders, merchant.mchid, subMchid, { outTradeNo: request.params.out_trade_no }),
      );
    },
  );

  fastify.get<{ Params: { transaction_id: string } }>(
    `${base}/id/:transaction_id`,
    async (request) => {
      const merchant = authenticatedMerchant(request);
      const subMchid = partnerIds(Fields.of(request.query, 'query', 'query'), merchant, 'query');
      return transactionView(
        lookupOrder(orders, merchant.mchid, subMchid, {
          transactionId: request.params.transaction_id,
        }),
      );
    },
  );

  fastify.post<{ Params: { out_trade_no: string } }>(
    `${base}/out-trade-no/:out_trade_no/close`,
    async (request, reply) => {
      const merchant = authenticatedMerchant(request);
      const subMchid = partnerIds(Fields.of(request.body, 'body'), merchant, 'body');
      await orders.close(
        lookupOrder(orders, merchant.mchid, subMchid, { outTradeNo: request.params.out_trade_no }),
      );
      return reply.code(204).send();
    },
  );
};

export default partnerTransactionRoutes;
