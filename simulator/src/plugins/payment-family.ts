import fp from 'fastify-plugin';
import type { B2bOrderRecord } from '../b2b/b2b-order';
import { B2bOrderBook } from '../b2b/b2b-order-book';
import { B2B_PUSH_CHANNEL, b2bPushChannel, pushB2bPayments } from '../b2b/push';
import { requestCommonPayment } from '../cashier/request-common-payment';
import { requestOrderPayment } from '../cashier/request-order-payment';
import { requestPluginPayment } from '../cashier/request-plugin-payment';
import { requestVirtualPayment } from '../cashier/request-virtual-payment';
import { AccessTokenBook, type AccessTokenRecord } from '../mini-program/access-tokens';
import { SessionBook, type SessionRecord } from '../mini-program/sessions';
import {
  pushVirtualPayments,
  VIRTUAL_PUSH_CHANNEL,
  virtualPushChannel,
} from '../virtual-payment/push';
import type { VirtualOrderRecord } from '../virtual-payment/virtual-order';
import { VirtualOrderBook } from '../virtual-payment/virtual-order-book';
import { provide } from './services';

declare module './services' {
  interface SimulatorServices {
    /** Users' login sessions (code2Session) and their session_keys. */
    readonly sessions: SessionBook;
    /** The mini programs' access tokens (`/cgi-bin/token`). */
    readonly accessTokens: AccessTokenBook;
    /** Virtual payment's orders. */
    readonly virtualOrders: VirtualOrderBook;
    /** B2b payment's orders. */
    readonly b2bOrders: B2bOrderBook;
  }
}

/**
 * The rest of the payment family beside requestPayment: the platform half of login, virtual
 * payment and B2b payment with their message pushes, and the cashier of
 * requestVirtualPayment, requestOrderPayment, requestCommonPayment and requestPluginPayment.
 */
export default fp(
  async (fastify) => {
    const { store, clock, journal, merchants, notifier, cashier } = fastify.sim;
    const { state } = store;
    const save = () => store.save();
    const now = () => clock.now();
    const sessions = new SessionBook({
      sessions: state.collection<SessionRecord>('sessions'),
      now,
      save,
      changed: (openid) => journal.changed('session', openid),
    });
    const accessTokens = new AccessTokenBook({
      tokens: state.collection<AccessTokenRecord>('accessTokens'),
      now,
      save,
    });
    const virtualOrders = new VirtualOrderBook({
      orders: state.collection<VirtualOrderRecord>('virtualOrders'),
      now,
      save,
      changed: (key) => journal.changed('virtual-order', key),
    });
    const b2bOrders = new B2bOrderBook({
      orders: state.collection<B2bOrderRecord>('b2bOrders'),
      now,
      save,
      changed: (key) => journal.changed('b2b-order', key),
    });
    notifier.registerChannel(VIRTUAL_PUSH_CHANNEL, virtualPushChannel(merchants, clock));
    notifier.registerChannel(B2B_PUSH_CHANNEL, b2bPushChannel(merchants, clock));
    pushVirtualPayments({ merchants, orders: virtualOrders, notifier, clock });
    pushB2bPayments({ merchants, orders: b2bOrders, notifier, clock });
    cashier.register('requestVirtualPayment', requestVirtualPayment);
    cashier.register('requestOrderPayment', requestOrderPayment);
    cashier.register('requestCommonPayment', requestCommonPayment);
    cashier.register('requestPluginPayment', requestPluginPayment);
    provide(fastify, 'sessions', sessions);
    provide(fastify, 'accessTokens', accessTokens);
    provide(fastify, 'virtualOrders', virtualOrders);
    provide(fastify, 'b2bOrders', b2bOrders);
  },
  {
    name: 'payment-family',
    dependencies: ['store', 'clock', 'journal', 'merchants', 'payments', 'cashier'],
    fastify: '5.x',
  },
);
