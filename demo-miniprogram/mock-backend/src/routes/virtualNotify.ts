import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { describeError } from '../errorHandling';
import { openVirtualPush } from '../merchant/virtualNotification';
import { VIRTUAL_NOTIFY_PATH } from '../platform/virtualPush';
import { acceptRawBody, rawBodyOf } from './rawBody';

const querySchema = {
  type: 'object',
  required: ['pay_sig'],
  properties: { pay_sig: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

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
export function registerVirtualNotifyRoute(app: FastifyInstance, context: BackendContext): void {
  app.register(async (scope) => {
    acceptRawBody(scope);
    scope.setErrorHandler((error, _request, reply) => {
      const described = describeError(error);
      return reply.code(described.status).send(failure(described.message));
    });
    scope.post<{ Querystring: { pay_sig: string } }>(
      VIRTUAL_NOTIFY_PATH,
      { schema: { querystring: querySchema } },
      async (request, reply) => {
        if (context.faults.takeVirtualNotifyFailure()) {
          return reply.code(500).send(failure('simulated merchant outage'));
        }
        const opened = openVirtualPush(
          rawBodyOf(request.body),
          request.query.pay_sig,
          context.keys,
          context.config.now(),
        );
        if (!opened.ok) return reply.code(opened.status).send(failure(opened.message));
        const outcome = await context.orders.applyVirtualReport(
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
  });
}
