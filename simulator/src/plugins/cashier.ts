import fp from 'fastify-plugin';
import { Cashier } from '../cashier/cashier';
import { requestPayment } from '../cashier/request-payment';
import { provide } from './services';

/**
 * The host's cashier, a table of host APIs: requestPayment here; the other host APIs (virtual
 * payment, order payment, B2b, plugin payment, merchant transfer) register beside it.
 */
export default fp(
  async (fastify) => {
    const cashier = new Cashier();
    cashier.register('requestPayment', requestPayment);
    provide(fastify, 'cashier', cashier);
  },
  { name: 'cashier', dependencies: ['payments'], fastify: '5.x' },
);
