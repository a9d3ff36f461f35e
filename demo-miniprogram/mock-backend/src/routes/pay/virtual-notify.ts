import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeError } from '../../http/describe-error';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { claimedOrderOfPush, journalRefused } from '../../journal/order-entries';
import { openVirtualPush } from '../../merchant/notifications/open-virtual-push';
import { VIRTUAL_NOTIFY_PATH } from '../../platform/notifications/virtual-push';
import { VirtualNotifyQuery } from '../../schemas/pay';

const SUCCESS = { ErrCode: 0, ErrMsg: 'success' } as const;

function failure(message: string): { ErrCode: number; ErrMsg: string } {
  return { ErrCode: -1, ErrMsg: message };
}

/**
 * `POST /pay/virtual-notify?pay_sig=<hex>`: the virtual payment pushes
 * (`xpay_goods_deliver_notify`, `xpay_coin_pay_notify`, `xpay_refund_notify`).
 * `pay_sig = hmac_sha256(AppKey of the body's Env, "/pay/virtual-notify&" + raw body)`.
 * Answers `{ ErrCode: 0, ErrMsg: 'success' }`; anything else makes the platform retry.
 */
const virtualNotifyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  acceptRawBody(fastify);
  fastify.setErrorHandler((error, _request, reply) => {
    const described = describeError(error);
    return reply.code(described.status).send(failure(described.message));
  });
  fastify.post(
    VIRTUAL_NOTIFY_PATH,
    { schema: { querystring: VirtualNotifyQuery } },
    async (request, reply) => {
      if (fastify.faults.takeVirtualNotifyFailure()) {
        return reply.code(500).send(failure('simulated merchant outage'));
      }
      const { keys, config, orders } = fastify;
      const opened = openVirtualPush(
        rawBodyOf(request.body),
        request.query.pay_sig,
        keys,
        config.now(),
      );
      if (!opened.ok) {
        const claimed = claimedOrderOfPush(rawBodyOf(request.body));
        journalRefused(fastify.journal, claimed, VIRTUAL_NOTIFY_PATH, opened);
        return reply.code(opened.status).send(failure(opened.message));
      }
      const outcome = await orders.applyVirtualReport(
        opened.report,
        'notify',
        opened.notificationId,
      );
      if (outcome.kind === 'rejected') {
        return reply.code(outcome.status).send(failure(outcome.message));
      }
      return SUCCESS;
    },
  );
};

export default virtualNotifyRoutes;
