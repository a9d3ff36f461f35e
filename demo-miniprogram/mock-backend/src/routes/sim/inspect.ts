import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliveriesQuery } from '../../schemas/sim';

/** Read-only views of the simulation for tests and the demo. */
const inspectRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config, keys, notifier } = fastify;

  /** The merchant's RSA public key (SPKI PEM), to verify paySign with. */
  fastify.get('/sim/merchant-key', async (_request, reply) =>
    reply.type('application/x-pem-file').send(keys.merchantPublicKeyPem),
  );

  /** The identifiers a client or test needs to check what it receives. */
  fastify.get('/sim/config', async () => ({
    appId: config.appId,
    mchId: config.mchId,
    offerId: config.offerId,
    virtualPaymentEnv: config.virtualPaymentEnv,
    defaultOpenid: config.defaultOpenid,
    merchantSerial: keys.merchantSerial,
    platformSerial: keys.platformSerial,
    wechatpayPublicKeyId: keys.wechatpayPublicKeyId,
    notifySigning: config.notifySigning,
    activeQueryAfterMs: config.activeQueryAfterMs,
    defaultNotifyDelayMs: config.defaultNotifyDelayMs,
    notifyRetryDelaysMs: config.notifyRetryDelaysMs,
  }));

  /** Notifications the platform sent or owes, with every attempt; `?orderId=` filters. */
  fastify.get('/sim/deliveries', { schema: { querystring: DeliveriesQuery } }, async (request) => {
    const { orderId } = request.query;
    const deliveries = notifier.deliveries();
    return {
      deliveries:
        orderId === undefined
          ? deliveries
          : deliveries.filter((delivery) => delivery.orderId === orderId),
    };
  });
};

export default inspectRoutes;
