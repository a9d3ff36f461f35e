// The demo's backend: the WeChat Pay simulator and the demo's merchant server answering on one
// port, each app its own (its routes, its error shapes), the merchant reaching the simulator
// over HTTP at that port like any merchant. What composes the two lives here, not in either.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildMerchantApp } from '../../demo-miniprogram/merchant-server/src/app';
import {
  type MerchantServerOptions,
  resolveConfig as resolveMerchantConfig,
} from '../../demo-miniprogram/merchant-server/src/config/options';
import { clientErrorHandler } from '../../demo-miniprogram/merchant-server/src/http/errors';
import { createMerchant, type Merchant } from '../../demo-miniprogram/merchant-server/src/merchant';
import { DEMO_OPENID } from '../../demo-miniprogram/merchant-server/src/orders/create-order';
import { buildSimulatorApp } from '../../simulator/src/app';
import {
  type PlatformPrivateKeys,
  resolveConfig as resolveSimulatorConfig,
} from '../../simulator/src/config/options';
import { RETRY_SCHEDULE_MS } from '../../simulator/src/notifications/retry-schedule';

/** Options of {@link startBackend}: the merchant server's, and the simulator's that matter here. */
export interface BackendOptions
  extends Omit<MerchantServerOptions, 'simulatorUrl' | 'dataDir' | 'memory'> {
  /** Both keep their state in it across a restart (the simulator's and the merchant's files). */
  readonly dataDir?: string;
  /** The platform's private keys (the simulator's). @default made at the merchant's registration */
  readonly platformKeys?: PlatformPrivateKeys;
  /** How long the simulator waits before a notification when the cashier says none. @default 0 */
  readonly defaultNotifyDelayMs?: number;
}

/** The running backend. */
export interface Backend {
  /** e.g. `http://127.0.0.1:3000`: the merchant's routes and the simulator's, and the dashboard. */
  readonly url: string;
  readonly port: number;
  readonly merchant: Merchant;
  /** Answers held status requests, closes both apps and every connection. Idempotent. */
  close(): Promise<void>;
}

/** The merchant's paths; every other one is the simulator's (WeChat Pay, /sim/*, the dashboard). */
const MERCHANT_PATH =
  /^\/(?:health$|api\/|pay\/(?:notify|transfer-notify|v2-notify|virtual-notify|b2b-notify)$)/;
/** The dashboard's Close of a transaction: `mchid|sub_mchid|out_trade_no`. */
const DASHBOARD_CLOSE = /^\/dashboard\/transactions\/([^/]+)\/close$/;

/**
 * Starts the simulator and the merchant server on one port. The dashboard's Close of one of
 * the merchant's orders goes through the merchant's own close route (as a person closing it in
 * the merchant's admin would): the order closes at both, where the simulator alone would close
 * only its transaction, WeChat Pay telling the merchant nothing of a close.
 */
export async function startBackend(options: BackendOptions = {}): Promise<Backend> {
  const { platformKeys, defaultNotifyDelayMs, dataDir, ...merchantOptions } = options;
  const simulator = buildSimulatorApp(
    resolveSimulatorConfig({
      ...(platformKeys ? { platformKeys } : {}),
      ...(defaultNotifyDelayMs === undefined ? {} : { defaultNotifyDelayMs }),
      ...(dataDir === undefined ? {} : { dataDir }),
    }),
  );
  const config = resolveMerchantConfig({
    ...merchantOptions,
    ...(dataDir === undefined || options.redisUrl !== undefined ? {} : { dataDir }),
  });
  const merchant = await createMerchant(config);
  const merchantApp = buildMerchantApp(merchant);
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const close = request.method === 'POST' ? DASHBOARD_CLOSE.exec(path) : null;
    if (request.method === 'GET' && path === '/sim/config') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(demoConfig()));
    } else if (close) {
      void closeFromDashboard(close[1] ?? '', response).then((handled) => {
        if (!handled) simulator.routing(request, response);
      });
    } else if (MERCHANT_PATH.test(path)) merchantApp.routing(request, response);
    else simulator.routing(request, response);
  });
  server.on('clientError', clientErrorHandler);
  /** The merchant closes its own orders; whether this one was its own. */
  const closeFromDashboard = async (key: string, response: ServerResponse): Promise<boolean> => {
    const [mchid, , outTradeNo = ''] = safeDecode(key).split('|');
    if (mchid !== config.mchId || !(await merchant.store.getOrder(outTradeNo))) return false;
    const reply = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    try {
      const closeUrl = `${url}/api/orders/${encodeURIComponent(outTradeNo)}/close`;
      const answer = await fetch(closeUrl, { method: 'POST' });
      const body = await answer.json();
      if (answer.ok) reply(200, { order: body });
      else reply(answer.status, { code: body.error.code, message: body.error.message });
    } catch (error) {
      reply(502, { code: 'MERCHANT_UNREACHABLE', message: (error as Error).message });
    }
    return true;
  };
  /**
   * `GET /sim/config`: what the demo's tests and tools read of the two, (the simulator has no such
   * route of its own).
   */
  const demoConfig = () => ({
    appId: config.appId,
    mchId: config.mchId,
    offerId: config.offerId,
    virtualPaymentEnv: config.virtualPaymentEnv,
    defaultOpenid: DEMO_OPENID,
    merchantSerial: merchant.keys.merchantSerial,
    platformSerial: merchant.platform.keys.certificate.serial,
    wechatpayPublicKeyId: merchant.platform.keys.publicKey.id,
    notifySigning: config.notifySigning,
    activeQueryAfterMs: config.activeQueryAfterMs,
    defaultNotifyDelayMs: defaultNotifyDelayMs ?? 0,
    notifyRetryDelaysMs: RETRY_SCHEDULE_MS,
  });
  let url = '';
  try {
    await Promise.all([simulator.ready(), merchantApp.ready()]);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    await merchant.connect(url, url);
  } catch (error) {
    await Promise.allSettled([merchantApp.close(), simulator.close(), merchant.close()]);
    server.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    port: (server.address() as AddressInfo).port,
    merchant,
    close: () => {
      closing ??= (async () => {
        // Held status requests are answered first; then every connection goes.
        await merchantApp.close();
        await simulator.close();
        await merchant.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      })();
      return closing;
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
