import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MerchantFaultsBody } from '../../schemas/sim';

/**
 * `POST /sim/merchant-faults`: the merchant answers the next N notifications of a kind with
 * 500, to watch the platform retry. Answers the counts now in force.
 */
const merchantFaultsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/sim/merchant-faults',
    { schema: { body: MerchantFaultsBody } },
    async (request) => {
      const { faults } = fastify;
      const { failPayNotifies, failVirtualNotifies } = request.body;
      if (failPayNotifies !== undefined) faults.failPayNotifies = failPayNotifies;
      if (failVirtualNotifies !== undefined) faults.failVirtualNotifies = failVirtualNotifies;
      return {
        failPayNotifies: faults.failPayNotifies,
        failVirtualNotifies: faults.failVirtualNotifies,
      };
    },
  );
};

export default merchantFaultsRoutes;
