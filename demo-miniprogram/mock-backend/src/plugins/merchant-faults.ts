import fp from 'fastify-plugin';
import { MerchantFaults } from '../merchant/merchant-faults';

declare module 'fastify' {
  interface FastifyInstance {
    /** Planned merchant outages (`POST /sim/merchant-faults`). */
    readonly faults: MerchantFaults;
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('faults', new MerchantFaults());
  },
  { name: 'merchant-faults', fastify: '5.x' },
);
