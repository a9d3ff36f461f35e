import fp from 'fastify-plugin';
import { Dashboard } from '../dashboard/dashboard';
import { EventStreams } from '../dashboard/event-stream';
import { OrderItems } from '../dashboard/order-items';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live dashboard's model and its open event streams. */
    readonly dashboard: Dashboard;
    readonly dashboardStreams: EventStreams;
  }
}

/** Event streams end when the server closes, so that closing does not wait for them. */
export default fp(
  async (fastify) => {
    const { journal, orders, notifier, platform, config } = fastify;
    const dashboard = new Dashboard(journal, [
      new OrderItems({ orders, notifier, platform, journal, config }),
    ]);
    const streams = new EventStreams(dashboard);
    fastify.decorate('dashboard', dashboard);
    fastify.decorate('dashboardStreams', streams);
    fastify.addHook('preClose', async () => streams.close());
  },
  {
    name: 'dashboard',
    dependencies: ['config', 'journal', 'order-book', 'notifier', 'platform'],
    fastify: '5.x',
  },
);
