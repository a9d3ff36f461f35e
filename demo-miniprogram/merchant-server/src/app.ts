import fastify, { type FastifyInstance } from 'fastify';
import errorHandling from './http/error-handling';
import { clientErrorHandler, frameworkErrors } from './http/errors';
import type { Merchant } from './merchant';
import { notificationRoutes } from './routes/notifications';
import { orderStatusRoutes } from './routes/order-status';
import { shopRoutes } from './routes/shop';

const BODY_LIMIT_BYTES = 64 * 1024;

/** Longest path segment (`:orderId`) the router takes. */
const MAX_PARAM_LENGTH = 512;

/**
 * The merchant server's fastify app, not listening yet: the shop's routes, the status route,
 * the notification routes; every refusal `{ error: { code, message } }` but the notification
 * routes', which answer in their senders' protocols.
 */
export function buildMerchantApp(merchant: Merchant): FastifyInstance {
  const app = fastify({
    logger: merchant.config.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    exposeHeadRoutes: false,
    // Held status requests are answered before (preClose); then no socket keeps it open.
    forceCloseConnections: true,
    frameworkErrors: frameworkErrors(MAX_PARAM_LENGTH),
    clientErrorHandler,
    // Wrong types are refused, not coerced; nothing is silently removed or defaulted.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
  app.register(errorHandling);
  app.register(async (scope) => shopRoutes(scope, merchant));
  app.register(async (scope) => orderStatusRoutes(scope, merchant));
  app.register(async (scope) => notificationRoutes(scope, merchant));
  return app;
}
