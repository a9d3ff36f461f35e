import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { describeError } from '../../http/describe-error';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { journalRefused } from '../../journal/order-entries';
import { isRefundResource, isTransaction } from '../../merchant/notifications/pay-resources';
import type { ApplyOutcome } from '../../merchant/order-book/apply-outcome';

function fail(message: string): { code: 'FAIL'; message: string } {
  return { code: 'FAIL', message };
}

/**
 * `POST /pay/notify`: the WeChat Pay v3 notification, verified by the server kit. 204 when
 * taken (duplicates included); 4xx/5xx `{ code: 'FAIL', message }` otherwise (the kit's refusal
 * keeps its status and message), so that WeChat retries.
 */
const payNotifyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  acceptRawBody(fastify);
  fastify.setErrorHandler((error, _request, reply) => {
    const described = describeError(error);
    return reply.code(described.status).send(fail(described.message));
  });
  fastify.post('/pay/notify', async (request, reply) => {
    if (fastify.faults.takePayNotifyFailure()) {
      return reply.code(500).send(fail('simulated merchant outage'));
    }
    const verified = fastify.verifyPayNotification(request.headers, rawBodyOf(request.body));
    if (!verified.ok) {
      journalRefused(fastify.journal, undefined, '/pay/notify', verified);
      return reply.code(verified.status).send(fail(verified.message));
    }
    const { event_type: eventType, id } = verified.notification;
    const outcome = await applyEvent(fastify, eventType, verified.resource, id);
    if (outcome.kind === 'rejected') return reply.code(outcome.status).send(fail(outcome.message));
    return reply.code(204).send();
  });
};

async function applyEvent(
  fastify: FastifyInstance,
  eventType: string,
  resource: unknown,
  notificationId: string,
): Promise<ApplyOutcome> {
  if (eventType === 'TRANSACTION.SUCCESS') {
    if (!isTransaction(resource)) {
      return { kind: 'rejected', status: 400, message: 'resource is not a Transaction' };
    }
    return fastify.orders.applyTransaction(resource, 'notify', notificationId);
  }
  if (eventType === 'REFUND.SUCCESS') {
    if (!isRefundResource(resource)) {
      return { kind: 'rejected', status: 400, message: 'resource is not a refund' };
    }
    return fastify.orders.applyRefund(resource, notificationId);
  }
  // Events this merchant does not handle are acknowledged so that WeChat stops sending them.
  return { kind: 'unchanged' };
}

export default payNotifyRoutes;
