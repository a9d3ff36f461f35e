// --data-dir: merchants with their platform keys, orders, notifications owed and the clock
// survive a restart; the snapshot is written atomically (no temp file left).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSimulator } from '../../simulator/src/server';
import { advance, cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { get, registerMerchant, v3 } from './helpers/simulator';

let dataDir: string;
let receiver: Receiver;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'wechatpay-simulator-'));
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('restarts with the same merchants, keys, orders, clock and owed notifications', async () => {
  const first = await startSimulator({ dataDir });
  const merchant = await registerMerchant(first, { mchid: '1900001001' });
  const outTradeNo = newOutTradeNo();
  const prepayId = await createOrder(merchant, outTradeNo, receiver.url);
  await cashier(first, paymentParams(prepayId), 'pay', { notifyDelayMs: 3_600_000 });
  await advance(first, 600);
  const clockBefore = (await get(first, '/sim/clock')).body as { offsetMs: number };
  await first.close();
  expect(receiver.received).toHaveLength(0);
  expect((await fs.readdir(dataDir)).sort()).toEqual(['simulator.json']);

  const second = await startSimulator({ dataDir });
  try {
    const again = await registerMerchant(second, { mchid: '1900001001' });
    expect(again.registered).toEqual(merchant.registered);
    const clockAfter = (await get(second, '/sim/clock')).body as { offsetMs: number };
    expect(clockAfter.offsetMs).toBe(clockBefore.offsetMs);
    const query = await v3(again, 'get', `v3/pay/transactions/out-trade-no/${outTradeNo}`, {
      query: { mchid: again.mchid },
    });
    expect(query.data.trade_state).toBe('SUCCESS');
    await advance(second, 3600);
    expect(receiver.received).toHaveLength(1);
  } finally {
    await second.close();
  }
});

it('refuses to start on a file that is not its snapshot, saying so', async () => {
  const broken = await fs.mkdtemp(path.join(os.tmpdir(), 'wechatpay-simulator-'));
  await fs.writeFile(path.join(broken, 'simulator.json'), '{"not":"a snapshot"}');
  await expect(startSimulator({ dataDir: broken })).rejects.toThrow(
    /is not a snapshot of this simulator/,
  );
  await fs.rm(broken, { recursive: true, force: true });
});
