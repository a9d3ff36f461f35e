import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';

interface FaultsBody {
  readonly failPayNotifies?: number;
  readonly failVirtualNotifies?: number;
}

const faultsBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    failPayNotifies: { type: 'integer', minimum: 0, maximum: 1000 },
    failVirtualNotifies: { type: 'integer', minimum: 0, maximum: 1000 },
  },
} as const;

/**
 * `POST /sim/merchant-faults`: the merchant answers the next N notifications of a kind with
 * 500, to watch the platform retry. Answers the counts now in force.
 */
export function registerSimFaultsRoute(app: FastifyInstance, context: BackendContext): void {
  app.post<{ Body: FaultsBody }>(
    '/sim/merchant-faults',
    { schema: { body: faultsBodySchema } },
    async (request) => {
      const { faults } = context;
      if (request.body.failPayNotifies !== undefined) {
        faults.failPayNotifies = request.body.failPayNotifies;
      }
      if (request.body.failVirtualNotifies !== undefined) {
        faults.failVirtualNotifies = request.body.failVirtualNotifies;
      }
      return {
        failPayNotifies: faults.failPayNotifies,
        failVirtualNotifies: faults.failVirtualNotifies,
      };
    },
  );
}
