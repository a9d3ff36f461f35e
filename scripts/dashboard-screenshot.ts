// The dashboard's picture in docs/mock-backend.md: a mock backend in memory, a few orders in
// different states and kinds (paid, refunded, closed, a notification held back, a refused
// signature, a trade-component order, a received cash-out), two timelines and one sequence open,
// taken in Debian's Chromium.
//   npx tsx scripts/dashboard-screenshot.ts [out.png]   (default docs/dashboard.png)
import * as path from 'node:path';
import { startMockBackend } from '../demo-miniprogram/mock-backend/src/server';
import { launchBrowser } from './lib/chromium';

const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'docs', 'dashboard.png'));
const CASHIER_API = {
  payment: 'requestPayment',
  virtual: 'requestVirtualPayment',
  order: 'requestOrderPayment',
  transfer: 'requestMerchantTransfer',
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const backend = await startMockBackend({ memory: true, activeQueryAfterMs: -1 });
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
    /** Creates an order and pays it at the simulated cashier (as `openid`, when given). */
    const pay = async (
      productId: string,
      options: { profile?: string; openid?: string; dropNotify?: boolean } = {},
    ) => {
      const { profile, openid, dropNotify } = options;
      const order = await post('/api/orders', { productId, profile, openid });
      const api = CASHIER_API[order.kind as keyof typeof CASHIER_API];
      await post('/sim/cashier', { api, params: order.params, action: 'pay', openid, dropNotify });
      return order;
    };
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${backend.url}/`);

    const closed = await post('/api/orders', { productId: 'sticker', quantity: 2 });
    await post(`/dashboard/orders/${closed.orderId}/close`);
    const refunded = await pay('coins-300', { profile: 'tcmpp' });
    await pause(400);
    await post(`/dashboard/orders/${refunded.orderId}/refund`);
    await pay('coffee-beans', { profile: 'wechat-v2-hmac', dropNotify: true });
    const refused = await post('/api/orders', { productId: 'coins-60' });
    const paySig = refused.params.paySig as string;
    await post('/sim/cashier', {
      api: 'requestVirtualPayment',
      params: { ...refused.params, paySig: `${paySig[0] === 'a' ? 'b' : 'a'}${paySig.slice(1)}` },
      action: 'pay',
    });
    const { openid } = await post('/api/login', { code: 'screenshot' });
    await pay('cash-out', { openid });
    await pay('shop-tote');
    const paid = await pay('mug');
    await fetch(`${backend.url}/api/orders/${paid.orderId}?waitMs=5000`);
    await pause(300);

    for (const id of [paid.orderId, refused.orderId]) {
      await page
        .getByRole('rowgroup', { name: `Order ${id}` })
        .getByRole('button', { name: 'Timeline' })
        .click();
    }
    const row = page.getByRole('rowgroup', { name: `Order ${paid.orderId}` });
    await row.getByRole('button', { name: 'Sequence' }).click();
    await page.getByRole('region', { name: `Sequence of ${paid.orderId}` }).waitFor();
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
