import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeError } from '../http/errors';
import type { Merchant } from '../merchant';
import { type Answer, PROTOCOLS, type Protocol } from '../notifications/answers';
import { handleB2bPush, handleVirtualPush } from '../notifications/mini-program-pushes';
import { handleV2Notification, handleV3Notification } from '../notifications/wechat-pay';

type Handle = (merchant: Merchant, request: FastifyRequest, body: Buffer) => Promise<Answer>;

const v3: Handle = (merchant, request, body) =>
  handleV3Notification(merchant, { headers: request.headers, body });
const query = (properties: Record<string, object>) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
});

/** What WeChat sends the merchant, by route: its sender's protocol, its query, its handler. */
const ROUTES: readonly (readonly [string, Protocol, object | undefined, Handle])[] = [
  ['/pay/notify', 'v3', undefined, v3],
  ['/pay/transfer-notify', 'v3', undefined, v3],
  [
    '/pay/v2-notify',
    'v2',
    undefined,
    (merchant, _request, body) => handleV2Notification(merchant, body),
  ],
  [
    '/pay/virtual-notify',
    'virtual',
    query({ pay_sig: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
    (merchant, request, body) =>
      handleVirtualPush(merchant, (request.query as { pay_sig: string }).pay_sig, body),
  ],
  [
    '/pay/b2b-notify',
    'b2b',
    query({
      signature: { type: 'string', pattern: '^[0-9a-f]{40}$' },
      timestamp: { type: 'string', pattern: '^[0-9]{1,12}$' },
      nonce: { type: 'string', minLength: 1, maxLength: 64 },
    }),
    (merchant, request, body) =>
      handleB2bPush(
        merchant,
        request.query as { signature: string; timestamp: string; nonce: string },
        body,
      ),
  ],
];

/**
 * What WeChat sends the merchant: WeChat Pay's v3 notifications (`/pay/notify`,
 * `/pay/transfer-notify`) and v2's (`/pay/v2-notify`), virtual payment's pushes
 * (`/pay/virtual-notify`), B2b's message push (`/pay/b2b-notify`). Each route keeps its body as
 * the exact bytes received (signatures are over them) and answers, refusals included, in the
 * protocol its sender speaks.
 */
export async function notificationRoutes(app: FastifyInstance, merchant: Merchant): Promise<void> {
  for (const [path, protocol, querystring, handle] of ROUTES) {
    app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
      scope.setErrorHandler((error, request, reply) => {
        const { status, code, message } = describeError(error);
        if (status >= 500) request.log.error(error);
        const answer = PROTOCOLS[protocol].fail(status, code, message);
        return reply
          .code(answer.status)
          .type(answer.type ?? 'application/json')
          .send(answer.body);
      });
      scope.post(path, { schema: querystring ? { querystring } : {} }, async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const answer = await handle(merchant, request, body);
        if (answer.type) reply.type(answer.type);
        return reply.code(answer.status).send(answer.body);
      });
    });
  }
}
