import type { FastifyPluginAsync } from 'fastify';
import { authenticatedMerchant } from '../../auth/v3-auth';
import { requireHeaderMchid } from '../../v3/mchid';
import { lookupOrder } from '../../v3/order-lookup';
import { readDirectOrder } from '../../v3/order-request';
import { transactionView } from '../../v3/transaction-view';
import { Fields } from '../../validation/fields';

interface OutTradeNoParams {
  readonly out_trade_no: string;
}

/**
 * A direct merchant's JSAPI orders: create (the same parameters again answer the order's
 * prepay_id), query by out_trade_no or transaction_id (`?mchid=`), close (204).
 */
const transactionRoutes: FastifyPluginAsync = async (fastify) => {
  const { orders } = fastify.sim;

  /** `?mchid=` of a query: required, and the signing merchant's. */
  const queryMchid = (query: unknown, mchid: string): void => {
    const fields = Fields.of(query, 'query', 'query');
    requireHeaderMchid(fields.requiredString('mchid', { maxBytes: 32 }), mchid, 'mchid', 'query');
  };

  fastify.post('/v3/pay/transactions/jsapi', async (request) => {
    const merchant = authenticatedMerchant(request);
    const { prepayId } = await orders.create(readDirectOrder(request.body, merchant));
    return { prepay_id: prepayId };
  });

  fastify.get<{ Params: OutTradeNoParams }>(
    '/v3/pay/transactions/out-trade-no/:out_trade_no',
    async (request) => {
      const merchant = authenticatedMerchant(request);
      queryMchid(request.query, merchant.mchid);
      return transactionView(
        lookupOrder(orders, merchant.mchid, undefined, { outTradeNo: request.params.out_trade_no }),
      );
    },
  );

  fastify.get<{ Params: { transaction_id: string } }>(
    '/v3/pay/transactions/id/:transaction_id',
    async (request) => {
      const merchant = authenticatedMerchant(request);
      queryMchid(request.query, merchant.mchid);
      return transactionView(
        lookupOrder(orders, merchant.mchid, undefined, {
          transactionId: request.params.transaction_id,
        }),
      );
    },
  );

  fastify.post<{ Params: OutTradeNoParams }>(
    '/v3/pay/transactions/out-trade-no/:out_trade_no/close',
    async (request, reply) => {
      const merchant = authenticatedMerchant(request);
      const fields = Fields.of(request.body, 'body');
      requireHeaderMchid(fields.requiredString('mchid', { maxBytes: 32 }), merchant.mchid, 'mchid');
      await orders.close(
        lookupOrder(orders, merchant.mchid, undefined, { outTradeNo: request.params.out_trade_no }),
      );
      return reply.code(204).send();
    },
  );
};

export default transactionRoutes;
