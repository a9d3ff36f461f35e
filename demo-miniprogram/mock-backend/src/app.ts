import fastify, { type FastifyInstance } from 'fastify';
import type { BackendContext } from './context';
import { installErrorHandling } from './errorHandling';
import { registerHealthRoute } from './routes/health';
import { registerLoginRoute } from './routes/login';
import { registerOrderRoutes } from './routes/orders';
import { registerPayNotifyRoute } from './routes/payNotify';
import { registerProductRoutes } from './routes/products';
import { registerSimCashierRoute } from './routes/simCashier';
import { registerSimFaultsRoute } from './routes/simFaults';
import { registerSimInspectRoutes } from './routes/simInspect';
import { registerSimRefundRoute } from './routes/simRefund';
import { registerVirtualNotifyRoute } from './routes/virtualNotify';

/** Largest request body accepted. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The fastify app with every route; not yet listening. */
export function createApp(context: BackendContext): FastifyInstance {
  const app = fastify({
    logger: context.config.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 512 },
    exposeHeadRoutes: false,
    // Wrong types are refused, not coerced; nothing is silently removed or defaulted.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
  installErrorHandling(app);
  registerHealthRoute(app);
  registerLoginRoute(app, context);
  registerProductRoutes(app);
  registerOrderRoutes(app, context);
  registerPayNotifyRoute(app, context);
  registerVirtualNotifyRoute(app, context);
  registerSimCashierRoute(app, context);
  registerSimInspectRoutes(app, context);
  registerSimRefundRoute(app, context);
  registerSimFaultsRoute(app, context);
  return app;
}
