import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { cashierAnswer, cashierSubject } from '../../journal/cashier-entries';
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
    const { api, action } = body;
    const { delayMs, drop } = cashierRequest.plan;
    const orderId = cashierSubject(fastify.platform, api, body.params);
    fastify.journal.record(orderId, {
      type: 'cashier',
      api,
      action,
      notifyDelayMs: delayMs,
      dropNotify: drop,
    });
    // One method per host API, named as the API.
    const callback = await cashier[api](cashierRequest);
    fastify.journal.record(orderId, cashierAnswer(api, action, callback));
    return callback;
  });
};

export default cashierRoutes;
