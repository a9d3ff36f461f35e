import type { FastifyPluginAsync } from 'fastify';
import { runTransactionAction } from '../../dashboard/actions';
import { TRANSACTION_ACTIONS, type TransactionAction } from '../../dashboard/dashboard';

/**
 * `POST /dashboard/transactions/:key/<action>`: the buttons of a transaction's row
 * (deliver-notification, drop-notification, replay-notification, refund, close), `:key` being
 * the order's key (`mchid|sub_mchid|out_trade_no`). 200 `{ transaction }`, the row afterwards;
 * 404 for an unknown order; 400 INVALID_REQUEST when the button does not apply now.
 */
const dashboardActionRoutes: FastifyPluginAsync = async (fastify) => {
  const { sim } = fastify;
  for (const action of Object.keys(TRANSACTION_ACTIONS) as TransactionAction[]) {
    fastify.post<{ Params: { key: string } }>(
      `/dashboard/transactions/:key/${action}`,
      async (request) => {
        const { model } = sim.dashboard;
        await runTransactionAction(sim, model, request.params.key, action);
        const order = model.order(request.params.key);
        return { transaction: order && model.transactionRow(order) };
      },
    );
  }
};

export default dashboardActionRoutes;
