import { verifyNotification } from 'miniprogram-pay/server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../scripts/lib/chromium';
import type { Simulator } from '../../../simulator/src/server';
import { openDashboard } from './dashboard-page';
import { createOrder, newOutTradeNo, paymentParams } from './flow';
import { type Receiver, startReceiver } from './receiver';
import { API_V3_KEY, registerMerchant, startTestSimulator, type TestMerchant } from './simulator';

/** A simulator, a merchant's notify_url, the merchant's SDK, and the dashboard in Chromium. */
export interface DashboardScene {
  readonly browser: Browser;
  readonly simulator: Simulator;
  readonly receiver: Receiver;
  readonly merchant: TestMerchant;
  readonly page: Page;
  /** Every URL the page asked for. */
  readonly requests: string[];
  /** Every uncaught error of the page. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function startDashboardScene(mchid: string): Promise<DashboardScene> {
  const browser = await launchBrowser();
  const simulator = await startTestSimulator();
  const receiver = await startReceiver();
  const merchant = await registerMerchant(simulator, { mchid });
  const { page, requests, errors } = await openDashboard(browser, simulator);
  return {
    browser,
    simulator,
    receiver,
    merchant,
    page,
    requests,
    errors,
    close: async () => {
      await page.close();
      await browser.close();
      await receiver.close();
      await simulator.close();
    },
  };
}

/** An order made through the merchant's SDK: its out_trade_no and wx.requestPayment's params. */
export async function newOrder(scene: DashboardScene) {
  const outTradeNo = newOutTradeNo('DASH');
  const prepayId = await createOrder(scene.merchant, outTradeNo, scene.receiver.url);
  return { outTradeNo, params: paymentParams(prepayId) };
}

/** The notifications the merchant received about `outTradeNo`, verified and decrypted. */
export function notificationsAbout(scene: DashboardScene, outTradeNo: string) {
  const { platformCertificate, publicKey } = scene.merchant.registered;
  const platformKeys = {
    [platformCertificate.serial]: platformCertificate.pem,
    [publicKey.id]: publicKey.pem,
  };
  return scene.receiver.received
    .map((received) => {
      const result = verifyNotification(
        { headers: received.headers, body: received.body },
        { platformKeys, apiV3Key: API_V3_KEY },
      );
      if (!result.ok) throw new Error(`a notification does not verify: ${result.message}`);
      return {
        id: result.notification.id,
        eventType: result.notification.event_type,
        resource: result.resource as Record<string, unknown>,
      };
    })
    .filter((notification) => notification.resource.out_trade_no === outTradeNo);
}
