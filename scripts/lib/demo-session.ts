import * as path from 'node:path';
import { type BridgeWx, createBridgeWx } from './bridge-wx';
import { createDemoApp, type DemoApp, MINIPROGRAM_DIR, type PageHandle, waitFor } from './demo-app';

/** demo-miniprogram/miniprogram/config.js. */
export interface DemoConfig {
  baseUrl: string;
  useRealHost: boolean;
  checkout: {
    hostTimeoutMs?: number;
    resumeGraceMs?: number;
    confirm?: Record<string, number>;
  };
  sim: { notifyDelayMs?: number; dropNotify?: boolean };
}

/** The demo app running headless against a backend. */
export interface DemoSession {
  readonly app: DemoApp;
  readonly bridge: BridgeWx;
  /** The live config.js object: changes apply to the next launch (`sim` to the next payment). */
  readonly config: DemoConfig;
}

/**
 * Loads the demo's config.js and app.js with the bridge as `wx`, applies `overrides` to the
 * config and launches the app. Once per process.
 */
export async function startDemoSession(overrides: Partial<DemoConfig>): Promise<DemoSession> {
  const bridge = createBridgeWx();
  const config = require(path.join(MINIPROGRAM_DIR, 'config.js')) as DemoConfig;
  Object.assign(config, overrides);
  const app = createDemoApp(bridge);
  await app.launch();
  return { app, bridge, config };
}

/** The shop page, opened fresh with its products loaded. */
export async function openShop(session: DemoSession): Promise<PageHandle> {
  const { app } = session;
  try {
    while (app.current.route !== 'pages/shop/index') app.back();
  } catch {
    app.open('/pages/shop/index');
  }
  const shop = app.current;
  await waitFor(
    () => shop.has('#products .row') || shop.has('#error'),
    () => `shop: ${shop.text()}`,
  );
  if (shop.has('#error')) throw new Error(`[demo] the shop cannot load: ${shop.text('#error')}`);
  return shop;
}
