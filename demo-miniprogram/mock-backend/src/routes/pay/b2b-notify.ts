import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { safeEqual } from '../../domain/safe-equal';
import { errorBody } from '../../http/api-error';
import { describeError } from '../../http/describe-error';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { claimedOrderOfPush, journalRefused } from '../../journal/order-entries';
import { isWithinClockWindow } from '../../merchant/notifications/clock-window';
import { readB2bPush } from '../../merchant/notifications/family-resources';
import { B2B_NOTIFY_PATH, messagePushSignature } from '../../platform/notifications/b2b-push';
import { MessagePushQuery } from '../../schemas/pay';

/**
 * `POST /pay/b2b-notify?signature=&timestamp=&nonce=`: the B2b payment result, a message push
 * (消息推送, plaintext JSON) of event `retail_pay_notify`. The query's `signature` must be
 * sha1 of the Token, timestamp and nonce sorted and joined, `timestamp` within 300 s. Answers
 * `success` (plain text); a refusal is 4xx `{ error: { code, message } }`, and the platform
 * retries anything but `success`.
 */
const b2bNotifyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  acceptRawBody(fastify);
  fastify.setErrorHandler((error, _request, reply) => {
    const described = describeError(error);
    return reply.code(described.status).send(errorBody(described.code, described.message));
  });
  fastify.post(
    B2B_NOTIFY_PATH,
    { schema: { querystring: MessagePushQuery } },
    async (request, reply) => {
      if (fastify.faults.takeVirtualNotifyFailure()) {
        return reply.code(500).send(errorBody('MERCHANT_OUTAGE', 'simulated merchant outage'));
      }
      const { signature, timestamp, nonce } = request.query;
      const { keys, config, orders, journal } = fastify;
      const rawBody = rawBodyOf(request.body);
      const refuse = (status: number, code: string, message: string) => {
        journalRefused(journal, claimedOrderOfPush(rawBody), B2B_NOTIFY_PATH, { status, message });
        return reply.code(status).send(errorBody(code, message));
      };
      const expected = messagePushSignature(keys.material.messagePushToken, timestamp, nonce);
      if (!safeEqual(signature, expected)) {
        return refuse(
          401,
          'BAD_SIGNATURE',
          'signature is not sha1 of the Token, timestamp and nonce',
        );
      }
      if (!isWithinClockWindow(Number(timestamp), config.now())) {
        return refuse(401, 'STALE_PUSH', 'timestamp is more than 5 minutes away from now');
      }
      const read = readB2bPush(rawBody, config.appId);
      if (!read.ok) return refuse(400, 'BAD_PUSH', read.message);
      const outcome = await orders.applyB2bReport(read.report, 'notify', read.notificationId);
      if (outcome.kind === 'rejected') {
        return reply.code(outcome.status).send(errorBody('PUSH_REJECTED', outcome.message));
      }
      return reply.type('text/plain').send('success');
    },
  );
};

export default b2bNotifyRoutes;
