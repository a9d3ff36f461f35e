import fastify, { type FastifyInstance } from 'fastify';
import type { SimulatorConfig } from './config/options';
import dashboardPlugin from './dashboard/plugin';
import { clientErrorHandler, refuseConnect, refuseExpectation } from './errors/client-errors';
import errorHandling, { answerError } from './errors/error-handling';
import { newRequestId } from './lib/ids';
import cashierPlugin from './plugins/cashier';
import clockPlugin from './plugins/clock';
import configPlugin from './plugins/config';
import journalPlugin from './plugins/journal';
import merchantsPlugin from './plugins/merchants';
import paymentFamilyPlugin from './plugins/payment-family';
import paymentsPlugin from './plugins/payments';
import storePlugin from './plugins/store';
import transfersPlugin from './plugins/transfers';
import v2Plugin from './plugins/v2';
import dashboardActionRoutes from './routes/dashboard/actions';
import dashboardEventRoutes from './routes/dashboard/events';
import dashboardPageRoutes from './routes/dashboard/page';
import cashierRoutes from './routes/sim/cashier';
import clockRoutes from './routes/sim/clock';
import inspectRoutes from './routes/sim/inspect';
import merchantRoutes from './routes/sim/merchants';
import notificationRoutes from './routes/sim/notifications';
import paymentFamilyRoutes from './routes/sim/payment-family';
import simRefundRoutes from './routes/sim/refunds';
import simTransferRoutes from './routes/sim/transfers';
import v2Routes from './routes/v2';
import v3Routes from './routes/v3';
import wxRoutes from './routes/wx';
import { useStrictJsonBodies } from './validation/json-text';

/** Largest request body: WeChat Pay's requests are a few KB. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Longest path segment (an out_trade_no is 32, an out_refund_no 64). */
export const MAX_PARAM_LENGTH = 256;

/**
 * The simulator as a fastify instance, not yet listening: the services as plugins (each
 * naming what it depends on), then the routes, WeChat Pay's under their own scopes.
 */
export function buildSimulatorApp(config: SimulatorConfig): FastifyInstance {
  const app = fastify({
    logger: config.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    exposeHeadRoutes: false,
    genReqId: () => newRequestId(),
    requestIdHeader: false,
    // Refusals made before a route runs are WeChat-shaped too.
    frameworkErrors: answerError,
    clientErrorHandler,
    // Generating the platform's RSA keys on a busy machine can take seconds.
    pluginTimeout: 60_000,
    // A request without Host is served (like HTTP/1.0's), not refused by node with a bare 400.
    http: { requireHostHeader: false },
  });
  // What node would answer itself (a bare 417, a closed socket) is refused WeChat-shaped.
  app.server.on('checkExpectation', refuseExpectation);
  app.server.on('connect', refuseConnect);

  app.register(errorHandling);
  useStrictJsonBodies(app);

  // Services.
  app.register(configPlugin, { config });
  app.register(storePlugin);
  app.register(clockPlugin);
  app.register(journalPlugin);
  app.register(merchantsPlugin);
  app.register(paymentsPlugin);
  app.register(cashierPlugin);
  app.register(v2Plugin);
  app.register(transfersPlugin);
  app.register(paymentFamilyPlugin);
  // Before the routes: it watches their answers.
  app.register(dashboardPlugin);

  // WeChat Pay's APIs.
  app.register(v3Routes);
  app.register(v2Routes, { prefix: '/pay' });
  app.register(wxRoutes);

  // The simulator's own controls.
  app.register(merchantRoutes);
  app.register(clockRoutes);
  app.register(cashierRoutes);
  app.register(notificationRoutes);
  app.register(simRefundRoutes);
  app.register(simTransferRoutes);
  app.register(inspectRoutes);
  app.register(paymentFamilyRoutes);

  // The dashboard at GET /.
  app.register(dashboardPageRoutes);
  app.register(dashboardEventRoutes);
  app.register(dashboardActionRoutes);
  return app;
}
