import fp from 'fastify-plugin';
import { journalDeliveries } from '../journal/delivery-entries';
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
    const notifier = new Notifier({
      retryDelaysMs: fastify.config.notifyRetryDelaysMs,
      observe: journalDeliveries(fastify.journal),
    });
    fastify.decorate('notifier', notifier);
    fastify.addHook('preClose', async () => notifier.close());
  },
  { name: 'notifier', dependencies: ['config', 'journal'], fastify: '5.x' },
);
