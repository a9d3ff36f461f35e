// npm start: builds the library, builds the demo's npm (as DevTools "Build npm" does), starts
// the backend (the merchant server and the WeChat Pay simulator on one port) and says what to
// open in WeChat DevTools and what to click.
//   PORT=3000  the backend's port (config.js expects 3000)
//   BACKEND_HOST=0.0.0.0  listen on every interface, to pay from a phone on the same Wi-Fi
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/cjs/api';
import { buildDemoNpm, DEMO_DIR, MINIPROGRAM_DIR, ROOT } from './lib/build-demo-npm.mjs';

const port = Number(process.env.PORT || 3000);
const host = process.env.BACKEND_HOST || '127.0.0.1';
const require = createRequire(import.meta.url);
// What the demo itself says: its backend address and its simulated cashier's buttons.
const { baseUrl } = require(join(MINIPROGRAM_DIR, 'config.js'));
const { CASHIER_ITEMS, TRANSFER_ITEMS } = require(join(MINIPROGRAM_DIR, 'lib/sim-cashier-host.js'));

console.log('1/3 Building the library and the demo npm');
await buildDemoNpm({ log: (line) => console.log(`    ${line}`) });
console.log('    demo-miniprogram/miniprogram/miniprogram_npm/miniprogram-pay is ready\n');

console.log('2/3 Starting the backend: the merchant server and the WeChat Pay simulator');
register();
const { startBackend } = require(join(ROOT, 'scripts/lib/backend.ts'));
const dataDir = join(DEMO_DIR, '.data');
let backend;
try {
  backend = await startBackend({ port, host, dataDir });
} catch (error) {
  console.error(
    `    cannot listen on ${host}:${port}: ${error.message}\n` +
      '    Is another `npm start` or `npm run backend` running? Stop it, or use PORT=3001 npm start\n' +
      '    (then set baseUrl in demo-miniprogram/miniprogram/config.js to match).',
  );
  process.exit(1);
}
console.log(`    listening on ${backend.url} (state kept in ${dataDir})`);
const configPort = Number(new URL(baseUrl).port || 80);
if (configPort !== backend.port) {
  console.log(
    `    config.js's baseUrl is ${baseUrl}, but this backend listens on port ${backend.port}:\n` +
      `    set baseUrl in demo-miniprogram/miniprogram/config.js to ${backend.url}`,
  );
}
console.log(
  `    dashboard: ${backend.url}/ (WeChat Pay's side: transactions, notifications, requests, live)\n`,
);

const lanAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((address) => address && address.family === 'IPv4' && !address.internal)
  .map((address) => `http://${address.address}:${backend.port}`);

console.log(`3/3 Open the demo in WeChat DevTools
    1. WeChat DevTools > Import project (导入项目)
    2. Directory: ${DEMO_DIR}
    3. AppID: pick "Test account" (测试号), or keep the tourist AppID; the demo never calls the
       real WeChat Pay, a simulated cashier pays the orders at the WeChat Pay simulator.
    4. Open it. miniprogram_npm is already built; if DevTools asks, Tools > Build npm (构建 npm).
       Details > Local settings: "Do not verify valid domain names" (不校验合法域名) is on
       (project.config.json sets urlCheck: false), so http://127.0.0.1:${backend.port} is allowed.
    5. In the shop, pick a parameter profile, tap a product, tap "Pay".
    6. The simulated cashier is an action sheet: ${CASHIER_ITEMS.join(' / ')}.
       Watch the stages (creating the order, waiting for the payment, confirming), then the
       result. "My orders" lists the orders; pending ones are checked again at the next launch.
       "Cash out my rewards" pays you a merchant transfer: ${TRANSFER_ITEMS.join(' / ')}.
    7. Watch it happen on the dashboard, in your browser: ${backend.url}/
       WeChat Pay's side, live: every transaction with the cashier's answer, every notification
       attempt, every request the merchant server made and its verdict, buttons to deliver,
       drop or replay a notification, refund or close an order, the test clock, a sequence view.

    On a phone (preview / real-device debugging), 127.0.0.1 is the phone itself:
    ${host === '0.0.0.0' || host === '::' ? 'set' : 'restart with BACKEND_HOST=0.0.0.0 npm start and set'} baseUrl in demo-miniprogram/miniprogram/config.js to
    ${lanAddresses.length ? lanAddresses.join(' or ') : "your computer's LAN address"}

Press Ctrl-C to stop the backend.`);

const stop = () => {
  console.log('\nStopping the backend…');
  backend.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
