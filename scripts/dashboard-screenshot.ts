// The dashboard's picture in docs/backend.md: the demo's backend in memory (the merchant server
// and the WeChat Pay simulator, whose dashboard it is), a few orders in different states and
// kinds (paid, refunded by the dashboard's Refund, closed by its Close through the merchant, a
// notification held back, a refused signature, a trade-component order, a received cash-out,
// an API v2 order), taken in Debian's Chromium.
//   npx tsx scripts/dashboard-screenshot.ts [out.png]   (default docs/dashboard.png)
import * as path from 'node:path';
import { startBackend } from './lib/backend';
import { launchBrowser } from './lib/chromium';

const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'docs', 'dashboard.png'));
const CASHIER_API: Record<string, string> = {
  payment: 'requestPayment',
  virtual: 'requestVirtualPayment',
  order: 'requestOrderPayment',
  transfer: 'requestMerchantTransfer',
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const backend = await startBackend({ port: 0, activeQueryAfterMs: -1 });
  const browser = await launchBrowser();
  try {
    const post = async (route: string, body?: object) => {
      const response = await fetch(`${backend.url}${route}`, {
        method: 'POST',
        ...(body
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      });
      return response.json();
    };
    const { mchId } = backend.merchant.config;
    const row = (orderId: string) =>
      `/dashboard/transactions/${encodeURIComponent(`${mchId}||${orderId}`)}`;
    /** Creates an order and pays it at the simulator's cashier (as `openid`, when given). */
    const pay = async (
      productId: string,
      options: { profile?: string; openid?: string; dropNotify?: boolean } = {},
    ) => {
      const { profile, openid, dropNotify } = options;
      const order = await post('/api/orders', { productId, profile, openid });
      const api = CASHIER_API[order.kind] ?? 'requestPayment';
      await post('/sim/cashier', { api, params: order.params, action: 'pay', openid, dropNotify });
      return order;
    };
    const { openid } = await post('/api/login', { code: 'screenshot' });
    const closed = await post('/api/orders', { productId: 'sticker', quantity: 2 });
    await post(`${row(closed.orderId)}/close`);
    const refunded = await pay('coffee-beans');
    await pause(300);
    await post(`${row(refunded.orderId)}/refund`);
    await post('/sim/clock/advance', { seconds: 2 });
    await pay('sticker', { profile: 'wechat-v2-hmac', dropNotify: true });
    const refused = await post('/api/orders', { productId: 'coins-60', openid });
    const paySig = refused.params.paySig as string;
    await post('/sim/cashier', {
      api: 'requestVirtualPayment',
      params: { ...refused.params, paySig: `${paySig[0] === 'a' ? 'b' : 'a'}${paySig.slice(1)}` },
      action: 'pay',
    });
    await pay('cash-out', { openid });
    await pay('shop-tote');
    await pay('mug');
    await pause(500);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${backend.url}/`);
    await pause(1000);
    await page.screenshot({ path: out, fullPage: true });
    console.log(`dashboard screenshot written to ${out}`);
  } finally {
    await browser.close();
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
