import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeError } from '../../http/describe-error';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { journalRefused } from '../../journal/order-entries';
import { isTransferBillResource } from '../../merchant/notifications/family-resources';
import { TRANSFER_NOTIFY_PATH } from '../../platform/merchant-transfer';

function fail(message: string): { code: 'FAIL'; message: string } {
  return { code: 'FAIL', message };
}

/**
 * `POST /pay/transfer-notify`: a transfer bill's MCHTRANSFER.BILL.FINISHED (SUCCESS, FAIL or
 * CANCELLED), a WeChat Pay v3 notification verified and decrypted by the server kit, as
 * `/pay/notify`. 204 when taken (duplicates included); 4xx/5xx `{ code: 'FAIL', message }`.
 */
const transferNotifyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  acceptRawBody(fastify);
  fastify.setErrorHandler((error, _request, reply) => {
    const described = describeError(error);
    return reply.code(described.status).send(fail(described.message));
  });
  fastify.post(TRANSFER_NOTIFY_PATH, async (request, reply) => {
    if (fastify.faults.takePayNotifyFailure()) {
      return reply.code(500).send(fail('simulated merchant outage'));
    }
    const verified = fastify.verifyPayNotification(request.headers, rawBodyOf(request.body));
    if (!verified.ok) {
      journalRefused(fastify.journal, undefined, TRANSFER_NOTIFY_PATH, verified);
      return reply.code(verified.status).send(fail(verified.message));
    }
    const { event_type: eventType, id } = verified.notification;
    // Events this merchant does not handle are acknowledged so that WeChat stops sending them.
    if (eventType !== 'MCHTRANSFER.BILL.FINISHED') return reply.code(204).send();
    if (!isTransferBillResource(verified.resource)) {
      return reply.code(400).send(fail('resource is not a transfer bill'));
    }
    const outcome = await fastify.orders.applyTransferBill(verified.resource, 'notify', id);
    if (outcome.kind === 'rejected') return reply.code(outcome.status).send(fail(outcome.message));
    return reply.code(204).send();
  });
};

export default transferNotifyRoutes;
