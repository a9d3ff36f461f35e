import { type TProperties, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { describeError } from '../http/errors';
import type { Merchant } from '../merchant';
import { type Answer, PROTOCOLS, type Protocol, type Received } from '../notifications/answers';
import { handleB2bPush, handleVirtualPush } from '../notifications/mini-program-pushes';
import { handleV2Notification, handleV3Notification } from '../notifications/wechat-pay';

type Handle = (merchant: Merchant, request: Received) => Promise<Answer>;

const query = (properties: TProperties) => ({ querystring: Type.Object(properties) });

/** What WeChat sends the merchant, by route: its sender's protocol, its query, its handler. */
const ROUTES: readonly (readonly [string, Protocol, object, Handle])[] = [
  ['/pay/notify', 'v3', {}, handleV3Notification],
  ['/pay/transfer-notify', 'v3', {}, handleV3Notification],
  ['/pay/v2-notify', 'v2', {}, handleV2Notification],
  [
    '/pay/virtual-notify',
    'virtual',
    query({ pay_sig: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
    handleVirtualPush,
  ],
  [
    '/pay/b2b-notify',
    'b2b',
    query({
      signature: Type.String({ pattern: '^[0-9a-f]{40}$' }),
      timestamp: Type.String({ pattern: '^[0-9]{1,12}$' }),
      nonce: Type.String({ minLength: 1, maxLength: 64 }),
    }),
    handleB2bPush,
  ],
];

/** Sends an answer; fastify sends an object body as JSON. */
function send(reply: FastifyReply, answer: Answer) {
  if (answer.type) reply.type(answer.type);
  return reply.code(answer.status).send(answer.body);
}

/**
 * What WeChat sends the merchant: WeChat Pay's v3 notifications (`/pay/notify`,
 * `/pay/transfer-notify`) and v2's (`/pay/v2-notify`), virtual payment's pushes
 * (`/pay/virtual-notify`), B2b's message push (`/pay/b2b-notify`). Each route keeps its body as
 * the exact bytes received (signatures are over them) and answers, refusals included, in the
 * protocol its sender speaks.
 */
export async function notificationRoutes(app: FastifyInstance, merchant: Merchant): Promise<void> {
  for (const [path, protocol, schema, handle] of ROUTES) {
    app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
      scope.setErrorHandler((error, request, reply) => {
        const { status, code, message } = describeError(error);
        if (status >= 500) request.log.error(error);
        return send(reply, PROTOCOLS[protocol].fail(status, code, message));
      });
      scope.post(path, { schema }, async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const query = request.query as Record<string, string>;
        return send(reply, await handle(merchant, { headers: request.headers, query, body }));
      });
    });
  }
}
