import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import { describeError } from '../errorHandling';
import type { ApplyOutcome } from '../merchant/orderBook';
import {
  isRefundResource,
  isTransaction,
  openPayNotification,
  type PayNotificationHeaders,
} from '../merchant/payNotification';
import { acceptRawBody, rawBodyOf } from './rawBody';

const headersSchema = {
  type: 'object',
  required: ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial'],
  properties: {
    'wechatpay-timestamp': { type: 'string', pattern: '^[0-9]{1,12}$' },
    'wechatpay-nonce': { type: 'string', minLength: 1, maxLength: 64 },
    'wechatpay-signature': { type: 'string', minLength: 1, maxLength: 1024 },
    'wechatpay-serial': { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

function fail(message: string): { code: 'FAIL'; message: string } {
  return { code: 'FAIL', message };
}

/**
 * `POST /pay/notify`: the WeChat Pay v3 notification. 204 when taken (duplicates included);
 * 4xx/5xx `{ code: 'FAIL', message }` otherwise, so that WeChat retries.
 */
export function registerPayNotifyRoute(app: FastifyInstance, context: BackendContext): void {
  app.register(async (scope) => {
    acceptRawBody(scope);
    scope.setErrorHandler((error, _request, reply) => {
      const described = describeError(error);
      return reply.code(described.status).send(fail(described.message));
    });
    scope.post<{ Headers: PayNotificationHeaders }>(
      '/pay/notify',
      { schema: { headers: headersSchema } },
      async (request, reply) => {
        if (context.faults.takePayNotifyFailure()) {
          return reply.code(500).send(fail('simulated merchant outage'));
        }
        const opened = openPayNotification(
          rawBodyOf(request.body),
          request.headers,
          context.keys,
          context.config.now(),
        );
        if (!opened.ok) return reply.code(opened.status).send(fail(opened.message));
        const outcome = await applyEvent(context, opened.eventType, opened.resource, opened.id);
        if (outcome.kind === 'rejected')
          return reply.code(outcome.status).send(fail(outcome.message));
        return reply.code(204).send();
      },
    );
  });
}

async function applyEvent(
  context: BackendContext,
  eventType: string,
  resource: unknown,
  notificationId: string,
): Promise<ApplyOutcome> {
  if (eventType === 'TRANSACTION.SUCCESS') {
    if (!isTransaction(resource)) {
      return { kind: 'rejected', status: 400, message: 'resource is not a Transaction' };
    }
    return context.orders.applyTransaction(resource, 'notify', notificationId);
  }
  if (eventType === 'REFUND.SUCCESS') {
    if (!isRefundResource(resource)) {
      return { kind: 'rejected', status: 400, message: 'resource is not a refund' };
    }
    return context.orders.applyRefund(resource, notificationId);
  }
  // Events this merchant does not handle are acknowledged so that WeChat stops sending them.
  return { kind: 'unchanged' };
}
