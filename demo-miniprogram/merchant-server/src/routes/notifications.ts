import type { FastifyInstance, FastifyReply } from 'fastify';
import { describeError, errorBody } from '../http/errors';
import type { Merchant } from '../merchant';
import {
  handleB2bPush,
  handleVirtualPush,
  type PushAnswer,
} from '../notifications/mini-program-pushes';
import { handleV2Notification } from '../notifications/v2-notification';
import { handleWeChatPayNotification } from '../notifications/wechat-pay-notification';

type Protocol = 'wechat-pay' | 'v2' | 'virtual' | 'b2b';

/** A refusal (the signature, the body, an error) in the protocol of the route's sender. */
function refuse(
  reply: FastifyReply,
  protocol: Protocol,
  status: number,
  code: string,
  message: string,
) {
  reply.code(status);
  switch (protocol) {
    case 'wechat-pay':
      return reply.send({ code: 'FAIL', message });
    case 'v2':
      return reply
        .type('text/xml')
        .send(
          `<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[${message.replace(/]]>/g, '')}]]></return_msg></xml>`,
        );
    case 'virtual':
      return reply.send({ ErrCode: -1, ErrMsg: message });
    case 'b2b':
      return reply.send(errorBody(code, message));
  }
}

/**
 * What WeChat sends the merchant, each route in the protocol its sender speaks, each body
 * verified over its exact bytes (a scope that keeps bodies raw): WeChat Pay's v3
 * notifications (`/pay/notify`, `/pay/transfer-notify`) and v2's (`/pay/v2-notify`), virtual
 * payment's pushes (`/pay/virtual-notify`), B2b's message push (`/pay/b2b-notify`).
 */
export async function notificationRoutes(app: FastifyInstance, merchant: Merchant): Promise<void> {
  const pushAnswer = (reply: FastifyReply, protocol: Protocol, answer: PushAnswer, ok: unknown) =>
    answer.ok
      ? reply.send(ok)
      : refuse(reply, protocol, answer.status, answer.code, answer.message);

  await rawScope(app, 'wechat-pay', (scope) => {
    for (const path of ['/pay/notify', '/pay/transfer-notify']) {
      scope.post(path, async (request, reply) => {
        const answer = await handleWeChatPayNotification(merchant, {
          headers: request.headers,
          body: raw(request.body),
        });
        return reply.code(answer.status).send(answer.body);
      });
    }
  });

  await rawScope(app, 'v2', (scope) => {
    scope.post('/pay/v2-notify', async (request, reply) => {
      const answer = await handleV2Notification(merchant, raw(request.body));
      return reply.code(answer.status).type('text/xml').send(answer.xml);
    });
  });

  await rawScope(app, 'virtual', (scope) => {
    scope.post<{ Querystring: { pay_sig: string } }>(
      '/pay/virtual-notify',
      {
        schema: {
          querystring: {
            type: 'object',
            required: ['pay_sig'],
            properties: { pay_sig: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
          },
        },
      },
      async (request, reply) => {
        const answer = await handleVirtualPush(merchant, request.query.pay_sig, raw(request.body));
        return pushAnswer(reply, 'virtual', answer, { ErrCode: 0, ErrMsg: 'success' });
      },
    );
  });

  await rawScope(app, 'b2b', (scope) => {
    scope.post<{ Querystring: { signature: string; timestamp: string; nonce: string } }>(
      '/pay/b2b-notify',
      {
        schema: {
          querystring: {
            type: 'object',
            required: ['signature', 'timestamp', 'nonce'],
            properties: {
              signature: { type: 'string', pattern: '^[0-9a-f]{40}$' },
              timestamp: { type: 'string', pattern: '^[0-9]{1,12}$' },
              nonce: { type: 'string', minLength: 1, maxLength: 64 },
            },
          },
        },
      },
      async (request, reply) => {
        const answer = await handleB2bPush(merchant, request.query, raw(request.body));
        return pushAnswer(
          reply.type(answer.ok ? 'text/plain' : 'application/json'),
          'b2b',
          answer,
          'success',
        );
      },
    );
  });
}

const raw = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

/** A scope whose bodies stay raw bytes and whose refusals speak `protocol`. */
function rawScope(
  app: FastifyInstance,
  protocol: Protocol,
  routes: (scope: FastifyInstance) => void,
) {
  return app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      const { status, code, message } = describeError(error);
      if (status >= 500) request.log.error(error);
      return refuse(reply, protocol, status, code, message);
    });
    routes(scope);
  });
}
