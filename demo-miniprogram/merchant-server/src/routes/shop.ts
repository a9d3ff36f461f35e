import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Merchant } from '../merchant';
import { CATALOGUE } from '../orders/catalogue';
import { closeOrder } from '../orders/close-order';
import { createOrder } from '../orders/create-order';
import type { Profile } from '../orders/order';
import { refundOrder } from '../orders/refund-order';

const PROFILES = [
  'wechat-v3',
  'wechat-v2-md5',
  'wechat-v2-hmac',
  'psp',
  'wechat',
  'tcmpp',
] as const;
const TOKEN = Type.String({ minLength: 1, maxLength: 128 });
export const ORDER_ID_PARAMS = Type.Object({
  orderId: Type.String({ minLength: 1, maxLength: 64 }),
});
const NEW_ORDER = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 64 }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  openid: Type.Optional(TOKEN),
  profile: Type.Optional(Type.Unsafe<Profile>({ type: 'string', enum: PROFILES })),
});

/**
 * The shop's routes: the catalogue and the login stand-in are the demo's; creating, closing
 * and refunding orders are what a merchant's server does.
 */
export async function shopRoutes(fastify: FastifyInstance, merchant: Merchant): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/health', async () => ({ ok: true }));

  app.get('/api/products', async () => ({ products: CATALOGUE }));

  /** `wx.login`'s code -> `/sns/jscode2session`; the session_key stays here (it signs payments). */
  app.post('/api/login', { schema: { body: Type.Object({ code: TOKEN }) } }, async (request) => {
    const session = await merchant.platform.api.code2Session(request.body.code);
    await merchant.store.setSessionKey(session.openid, session.session_key);
    return { openid: session.openid };
  });

  app.post('/api/orders', { schema: { body: NEW_ORDER } }, async (request, reply) => {
    const prepared = await createOrder(merchant, {
      ...request.body,
      quantity: request.body.quantity ?? 1,
    });
    return reply.code(201).send(prepared);
  });

  app.post('/api/orders/:orderId/close', { schema: { params: ORDER_ID_PARAMS } }, async (request) =>
    closeOrder(merchant, request.params.orderId),
  );

  /** The merchant's admin refunds a paid order; the notification then marks it refunded. */
  app.post(
    '/api/orders/:orderId/refund',
    { schema: { params: ORDER_ID_PARAMS } },
    async (request) => {
      const { orderId } = request.params;
      const { out_refund_no, status } = await refundOrder(merchant, orderId);
      return { orderId, refund: { out_refund_no, status } };
    },
  );
}
