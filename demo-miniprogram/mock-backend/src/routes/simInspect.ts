import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';

/** Read-only views of the simulation for tests and the demo. */
export function registerSimInspectRoutes(app: FastifyInstance, context: BackendContext): void {
  /** The merchant's RSA public key (SPKI PEM), to verify paySign with. */
  app.get('/sim/merchant-key', async (_request, reply) =>
    reply.type('application/x-pem-file').send(context.keys.merchantPublicKeyPem),
  );

  /** The identifiers a client or test needs to check what it receives. */
  app.get('/sim/config', async () => {
    const { config, keys } = context;
    return {
      appId: config.appId,
      mchId: config.mchId,
      offerId: config.offerId,
      virtualPaymentEnv: config.virtualPaymentEnv,
      defaultOpenid: config.defaultOpenid,
      merchantSerial: keys.merchantSerial,
      platformSerial: keys.platformSerial,
      activeQueryAfterMs: config.activeQueryAfterMs,
      defaultNotifyDelayMs: config.defaultNotifyDelayMs,
      notifyRetryDelaysMs: config.notifyRetryDelaysMs,
    };
  });

  /** Notifications the platform sent or owes, with every attempt; `?orderId=` filters. */
  app.get<{ Querystring: { orderId?: string } }>(
    '/sim/deliveries',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { orderId: { type: 'string', maxLength: 64 } },
        },
      },
    },
    async (request) => {
      const { orderId } = request.query;
      const deliveries = context.notifier.deliveries();
      return {
        deliveries:
          orderId === undefined
            ? deliveries
            : deliveries.filter((delivery) => delivery.orderId === orderId),
      };
    },
  );
}
