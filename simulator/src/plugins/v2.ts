import fp from 'fastify-plugin';
import { type V2OrderNote, V2OrderNotes } from '../v2/order-notes';
import { notifyV2Payments, V2_CHANNEL, v2Channel } from '../v2/payment-notification';
import { provide } from './services';

declare module './services' {
  interface SimulatorServices {
    /** What API v2 keeps of its orders (the sign type its notification is signed with). */
    readonly v2Orders: V2OrderNotes;
  }
}

/** API v2 (WeChat Pay Global's institution mode): its order notes and XML notifications. */
export default fp(
  async (fastify) => {
    const { store, merchants, orders, notifier } = fastify.sim;
    const notes = new V2OrderNotes(store.state.collection<V2OrderNote>('v2Orders'), () =>
      store.save(),
    );
    notifier.registerChannel(V2_CHANNEL, v2Channel());
    notifyV2Payments({ merchants, orders, notifier, notes });
    provide(fastify, 'v2Orders', notes);
  },
  { name: 'v2', dependencies: ['store', 'merchants', 'payments'], fastify: '5.x' },
);
