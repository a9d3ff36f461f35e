import fp from 'fastify-plugin';
import type { DeliveryRecord } from '../notifications/delivery';
import { Notifier } from '../notifications/notifier';
import { notifyPayments } from '../notifications/payment-notifications';
import { probeChannel } from '../notifications/probe';
import { v3Channel } from '../notifications/v3-notification';
import type { OrderRecord } from '../payments/order';
import { OrderBook } from '../payments/order-book';
import type { RefundRecord } from '../payments/refund';
import { RefundBook } from '../payments/refund-book';
import { provide } from './services';

/** Orders, refunds and the notifications that tell merchants about them. */
export default fp(
  async (fastify) => {
    const { config, store, clock, scheduler, journal, merchants } = fastify.sim;
    const { state } = store;
    const save = () => store.save();
    const now = () => clock.now();
    const notifier = new Notifier({
      deliveries: state.collection<DeliveryRecord>('notifications'),
      scheduler,
      clock,
      save,
      changed: (id) => journal.changed('notification', id),
      timeoutMs: config.notifyTimeoutMs,
      keep: config.journalLimit,
    });
    notifier.registerChannel('v3', v3Channel(merchants, clock));
    notifier.registerChannel('probe', probeChannel(merchants, clock));
    const orders = new OrderBook({
      orders: state.collection<OrderRecord>('orders'),
      now,
      save,
      changed: (id) => journal.changed('order', id),
    });
    const refunds = new RefundBook({
      refunds: state.collection<RefundRecord>('refunds'),
      orders,
      scheduler,
      now,
      save,
      changed: (id) => journal.changed('refund', id),
      delayMs: config.refundDelayMs,
    });
    notifyPayments({ merchants, orders, refunds, notifier, wallNow: () => clock.wallNow() });
    provide(fastify, 'notifier', notifier);
    fastify.addHook('preClose', async () => notifier.close());
    provide(fastify, 'orders', orders);
    provide(fastify, 'refunds', refunds);
  },
  {
    name: 'payments',
    dependencies: ['config', 'store', 'clock', 'journal', 'merchants'],
    fastify: '5.x',
  },
);
