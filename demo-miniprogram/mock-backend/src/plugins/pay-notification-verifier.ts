import fp from 'fastify-plugin';
import {
  createPayNotificationVerifier,
  type PayNotificationVerifier,
} from '../merchant/notifications/verify-pay-notification';

declare module 'fastify' {
  interface FastifyInstance {
    /** `(headers, rawBody)` -> the verified, decrypted notification, or a refusal. */
    readonly verifyPayNotification: PayNotificationVerifier;
  }
}

export default fp(
  async (fastify) => {
    const { keys, config } = fastify;
    fastify.decorate('verifyPayNotification', createPayNotificationVerifier(keys, config.now));
  },
  { name: 'pay-notification-verifier', dependencies: ['config', 'keys'], fastify: '5.x' },
);
