import fp from 'fastify-plugin';
import { localUrlOf } from '../http/local-url';
import { createNotificationSigner } from '../platform/notifications/notification-signer';
import { createSimulatedPlatform, type SimulatedPlatform } from '../platform/simulated-platform';

declare module 'fastify' {
  interface FastifyInstance {
    /** The simulated WeChat: login, WeChat Pay, virtual payment and the cashier. */
    readonly platform: SimulatedPlatform;
  }
}

/** The simulated platform; its notifications go to this very server. */
export default fp(
  async (fastify) => {
    const { config, store, keys, notifier, journal } = fastify;
    const platform = createSimulatedPlatform({
      state: store.state,
      commit: () => store.commit(),
      keys,
      config,
      notifier,
      journal,
      notificationSigner: createNotificationSigner(keys, config.notifySigning),
      merchantBaseUrl: () => localUrlOf(fastify.server, config.host),
    });
    fastify.decorate('platform', platform);
  },
  {
    name: 'platform',
    dependencies: ['config', 'store', 'keys', 'notifier', 'journal'],
    fastify: '5.x',
  },
);
