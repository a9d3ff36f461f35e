import type { FastifyInstance } from 'fastify';
import type { Merchant } from '../merchant';
import { CATALOGUE } from '../orders/catalogue';
import { closeOrder } from '../orders/close-order';
import { createOrder } from '../orders/create-order';
import type { Profile } from '../orders/order';
import { refundOrder } from '../orders/refund-order';

const PROFILES = ['wechat-v3', 'wechat-v2-md5', 'wechat-v2-hmac', 'psp', 'wechat', 'tcmpp'];
const TOKEN = { type: 'string', minLength: 1, maxLength: 128 };
export const ORDER_ID_PARAMS = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string', minLength: 1, maxLength: 64 } },
};

/**
 * The shop's routes: the catalogue and the login stand-in are the demo's; creating, closing
 * and refunding orders are what a merchant's server does.
 */
export async function shopRoutes(app: FastifyInstance, merchant: Merchant): Promise<void> {
  app.get('/health', async () => ({ ok: true }));

  app.get('/api/products', async () => ({ products: CATALOGUE }));

  /** `wx.login`'s code -> `/sns/jscode2session`; the session_key stays here (it signs payments). */
  app.post<{ Body: { code: string } }>(
    '/api/login',
    { schema: { body: { type: 'object', required: ['code'], properties: { code: TOKEN } } } },
    async (request) => {
      const session = await merchant.platform.api.code2Session(request.body.code);
      await merchant.store.setSessionKey(session.openid, session.session_key);
      return { openid: session.openid };
    },
  );

  app.post<{ Body: { productId: string; quantity?: number; openid?: string; profile?: Profile } }>(
    '/api/orders',
    {
      schema: {
        body: {
          type: 'object',
          required: ['productId'],
          properties: {
            productId: { type: 'string', minLength: 1, maxLength: 64 },
            quantity: { type: 'integer', minimum: 1, maximum: 99 },
            openid: TOKEN,
            profile: { type: 'string', enum: PROFILES },
          },
        },
      },
    },
    async (request, reply) => {
      const prepared = await createOrder(merchant, {
        ...request.body,
        quantity: request.body.quantity ?? 1,
      });
      return reply.code(201).send(prepared);
    },
  );

  app.post<{ Params: { orderId: string } }>(
    '/api/orders/:orderId/close',
    { schema: { params: ORDER_ID_PARAMS } },
    async (request) => closeOrder(merchant, request.params.orderId),
  );

  /** The merchant's admin refunds a paid order; the notification then marks it refunded. */
  app.post<{ Params: { orderId: string } }>(
    '/api/orders/:orderId/refund',
    { schema: { params: ORDER_ID_PARAMS } },
    async (request) => {
      const refund = await refundOrder(merchant, request.params.orderId);
      return {
        orderId: request.params.orderId,
        refund: { out_refund_no: refund.out_refund_no, status: refund.status },
      };
    },
  );
}
