import fp from 'fastify-plugin';
import { Notifier } from '../platform/notifications/notifier';

declare module 'fastify' {
  interface FastifyInstance {
    /** The platform's outgoing notifications, with WeChat's retries. */
    readonly notifier: Notifier;
  }
}

/** Notifications still owed are dropped when the server closes. */
export default fp(
  async (fastify) => {
    const notifier = new Notifier({ retryDelaysMs: fastify.config.notifyRetryDelaysMs });
    fastify.decorate('notifier', notifier);
    fastify.addHook('preClose', async () => notifier.close());
  },
  { name: 'notifier', dependencies: ['config'], fastify: '5.x' },
);
