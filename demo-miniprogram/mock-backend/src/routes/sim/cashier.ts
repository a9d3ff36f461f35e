import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CashierBody, notifyPlanOf } from '../../schemas/sim';

/**
 * `POST /sim/cashier`: plays the host's cashier sheet. 200 with the callback object a host
 * would deliver, refusals included; 4xx only when this request itself is malformed.
 */
const cashierRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/sim/cashier', { schema: { body: CashierBody } }, async (request) => {
    const { body } = request;
    const cashierRequest = {
      params: body.params,
      openid: body.openid,
      action: body.action,
      plan: notifyPlanOf(body, fastify.config),
    };
    const { cashier } = fastify.platform;
    return body.api === 'requestPayment'
      ? cashier.requestPayment(cashierRequest)
      : cashier.requestVirtualPayment(cashierRequest);
  });
};

export default cashierRoutes;
