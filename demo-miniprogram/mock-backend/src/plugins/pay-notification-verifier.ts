import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';
import { type VerifyNotificationResult, verifyNotification } from '../server-kit';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * `(headers, rawBody)` -> the server kit's `verifyNotification`: the verified, decrypted
     * notification, or a refusal with its status (400/401), code and message. The one way
     * the merchant trusts a notification.
     */
    readonly verifyPayNotification: (
      headers: IncomingHttpHeaders,
      rawBody: Buffer,
    ) => VerifyNotificationResult;
  }
}

export default fp(
  async (fastify) => {
    const { keys, config } = fastify;
    const options = {
      // Both keys, by serial, as a merchant holds them during WeChat Pay's migration to the
      // public key: notifications come signed with either.
      platformKeys: {
        [keys.platformSerial]: keys.platformPublicKey,
        [keys.wechatpayPublicKeyId]: keys.wechatpayPublicKey,
      },
      apiV3Key: keys.material.apiV3Key,
      now: config.now,
    };
    fastify.decorate('verifyPayNotification', (headers: IncomingHttpHeaders, rawBody: Buffer) =>
      verifyNotification({ headers, body: rawBody }, options),
    );
  },
  { name: 'pay-notification-verifier', dependencies: ['config', 'keys'], fastify: '5.x' },
);
