import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createOrderStatusRoute } from '../kit';
import type { Merchant } from '../merchant';
import { queryOrder } from '../orders/query-order';
import { ORDER_ID_PARAMS } from './shop';

/**
 * `GET /api/orders/:orderId?waitMs=N`: the kit's status route. It answers the order at once
 * unless it is pending, then holds the answer (long-poll, through the order watch) until it
 * changes or the wait ends; with the active query, a pending order is queried at WeChat Pay at
 * its first status request (`activeQueryAfterMs` 0), at most once per `activeQueryIntervalMs`.
 * Closing the server answers every held request at once.
 */
export async function orderStatusRoutes(app: FastifyInstance, merchant: Merchant): Promise<void> {
  const { activeQueryAfterMs: afterMs, activeQueryIntervalMs: intervalMs } = merchant.config;
  const query = async (orderId: string) => void (await queryOrder(merchant, orderId));
  const route = createOrderStatusRoute({
    watch: merchant.watch,
    activeQuery: afterMs < 0 ? undefined : { afterMs, intervalMs, query },
    onError: (error) =>
      console.error(`[merchant-server] the status route: ${(error as Error).message}`),
  });
  // Closing answers the held requests, and waits for their answers to be written.
  const closing = new AbortController();
  const answering = new Set<Promise<unknown>>();
  app.addHook('preClose', async () => {
    closing.abort();
    await Promise.allSettled(answering);
  });

  // Digits only: `1e3`, `-1` or `0x10` are refused, not coerced.
  const waitMs = Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' }));
  const schema = { params: ORDER_ID_PARAMS, querystring: Type.Object({ waitMs }) };
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get('/api/orders/:orderId', { schema }, async (request, reply) => {
      const left = new AbortController();
      const onClose = () => reply.raw.writableFinished || left.abort();
      reply.raw.once('close', onClose);
      const answered = route
        .answer({
          orderId: request.params.orderId,
          waitMs: request.query.waitMs,
          signal: AbortSignal.any([left.signal, closing.signal]),
        })
        .then(({ status, body }) =>
          reply.code(status).header('cache-control', 'no-store').send(body),
        )
        .finally(() => {
          reply.raw.removeListener('close', onClose);
          answering.delete(answered);
        });
      answering.add(answered);
      return answered;
    });
}
