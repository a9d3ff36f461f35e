import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastify from 'fastify';
import type { BackendConfig } from './config/options';
import { clientErrorHandler } from './http/client-errors';
import errorHandling from './http/error-handling';
import { frameworkErrors } from './http/framework-errors';
import configPlugin from './plugins/config';
import dashboardPlugin from './plugins/dashboard';
import journalPlugin from './plugins/journal';
import keysPlugin from './plugins/keys';
import merchantFaultsPlugin from './plugins/merchant-faults';
import notifierPlugin from './plugins/notifier';
import orderBookPlugin from './plugins/order-book';
import orderStatusPlugin from './plugins/order-status';
import orderWatchPlugin from './plugins/order-watch';
import payNotificationVerifierPlugin from './plugins/pay-notification-verifier';
import platformPlugin from './plugins/platform';
import storePlugin from './plugins/store';
import loginRoutes from './routes/api/login';
import orderRoutes from './routes/api/orders';
import productRoutes from './routes/api/products';
import dashboardActionRoutes from './routes/dashboard/actions';
import dashboardEventRoutes from './routes/dashboard/events';
import dashboardPageRoutes from './routes/dashboard/page';
import healthRoutes from './routes/health';
import b2bNotifyRoutes from './routes/pay/b2b-notify';
import payNotifyRoutes from './routes/pay/notify';
import transferNotifyRoutes from './routes/pay/transfer-notify';
import virtualNotifyRoutes from './routes/pay/virtual-notify';
import cashierRoutes from './routes/sim/cashier';
import inspectRoutes from './routes/sim/inspect';
import merchantFaultsRoutes from './routes/sim/merchant-faults';
import refundRoutes from './routes/sim/refund';

/** Largest request body accepted. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Longest path segment (`:orderId`) the router takes. */
export const MAX_PARAM_LENGTH = 512;

/**
 * The fastify app: the shared services as plugins (each names what it depends on), then the
 * routes. Not yet listening; `ready()` loads the store and the keys.
 */
export function createApp(config: BackendConfig) {
  const app = fastify({
    logger: config.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    exposeHeadRoutes: false,
    // Refusals made before a route runs answer { error: { code, message } } too.
    frameworkErrors: frameworkErrors(MAX_PARAM_LENGTH),
    clientErrorHandler,
    // Generating RSA keys on a busy machine can take seconds.
    pluginTimeout: 60_000,
    // Wrong types are refused, not coerced; nothing is silently removed or defaulted.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.register(errorHandling);

  // Shared services.
  app.register(configPlugin, { config });
  app.register(journalPlugin);
  app.register(storePlugin);
  app.register(keysPlugin);
  app.register(notifierPlugin);
  app.register(platformPlugin);
  app.register(orderWatchPlugin);
  app.register(orderBookPlugin);
  app.register(orderStatusPlugin);
  app.register(merchantFaultsPlugin);
  app.register(payNotificationVerifierPlugin);
  app.register(dashboardPlugin);

  // The merchant server.
  app.register(healthRoutes);
  app.register(loginRoutes);
  app.register(productRoutes);
  app.register(orderRoutes);
  app.register(payNotifyRoutes);
  app.register(virtualNotifyRoutes);
  app.register(transferNotifyRoutes);
  app.register(b2bNotifyRoutes);

  // The simulated platform's own controls.
  app.register(cashierRoutes);
  app.register(inspectRoutes);
  app.register(refundRoutes);
  app.register(merchantFaultsRoutes);

  // The live dashboard (GET /).
  app.register(dashboardPageRoutes);
  app.register(dashboardEventRoutes);
  app.register(dashboardActionRoutes);
  return app;
}
