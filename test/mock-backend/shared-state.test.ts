// Mock backend README "Several instances": instances sharing a data directory merge what they
// write (record by record, one writer at a time), and leave each other's files alone.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  emptyState,
  type MerchantPaymentOrder,
} from '../../demo-miniprogram/mock-backend/src/storage/state';
import { StateSync } from '../../demo-miniprogram/mock-backend/src/storage/state-sync';
import { createOrder, orderStatus, startTestBackend } from './helpers/backend';

let dataDir: string;
const running: MockBackend[] = [];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mock-backend-state-'));
});

afterEach(async () => {
  for (const backend of running.splice(0)) await backend.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function instance(): Promise<MockBackend> {
  const backend = await startTestBackend({ memory: false, dataDir, activeQueryAfterMs: -1 });
  running.push(backend);
  return backend;
}

async function ordersInFile(): Promise<string[]> {
  const state = JSON.parse(await fs.readFile(path.join(dataDir, 'state.json'), 'utf8'));
  return state.orders.map((order: { orderId: string }) => order.orderId).sort();
}

/** A pid that no process has any more. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('could not start a process');
  return pid;
}

it('orders created at the same time on two instances are all kept, and each sees the other’s', async () => {
  const [a, b] = [await instance(), await instance()];
  const created = await Promise.all(
    Array.from({ length: 20 }, (_, i) => createOrder(i % 2 ? b : a, { productId: 'sticker' })),
  );
  const ids = created.map((order) => order.orderId).sort();
  expect(await ordersInFile()).toEqual(ids);
  for (const order of created) {
    expect((await orderStatus(a, order.orderId)).state).toBe('pending');
    expect((await orderStatus(b, order.orderId)).state).toBe('pending');
  }
  expect(await fs.readdir(dataDir)).toEqual(['state.json']);
});

it('takes over the lock of a process that is gone, and leaves no lock behind', async () => {
  await fs.writeFile(path.join(dataDir, 'state.json.lock'), String(deadPid()));
  const backend = await instance();
  const order = await createOrder(backend, { productId: 'mug' });
  expect(await ordersInFile()).toEqual([order.orderId]);
  expect(await fs.readdir(dataDir)).toEqual(['state.json']);
});

it('removes the temp files of a process that is gone, not those of a live one', async () => {
  const ours = `state.json.${process.pid}.0123abcd.tmp`;
  const theirs = `state.json.${deadPid()}.0123abcd.tmp`;
  for (const name of [ours, theirs]) await fs.writeFile(path.join(dataDir, name), '{');
  await instance();
  expect(await fs.readdir(dataDir)).toEqual([ours]);
});

describe('StateSync', () => {
  const order = (orderId: string, tradeState: string) =>
    ({
      kind: 'payment',
      orderId,
      tradeState,
      appliedNotificationIds: [],
    }) as unknown as MerchantPaymentOrder;

  it('takes the file’s version of what this instance did not change, in place; keeps its own changes', () => {
    const sync = new StateSync();
    const mine = emptyState();
    const untouched = order('A', 'NOTPAY');
    const changed = order('B', 'NOTPAY');
    mine.orders.set('A', untouched).set('B', changed);
    sync.markSynced(mine);
    changed.tradeState = 'CLOSED';

    const file = emptyState();
    file.orders.set('A', order('A', 'SUCCESS')).set('B', order('B', 'SUCCESS'));
    file.orders.set('C', order('C', 'NOTPAY'));
    sync.mergeFrom(mine, file);

    expect(mine.orders.get('A')).toBe(untouched);
    expect(untouched).toMatchObject({ tradeState: 'SUCCESS' });
    expect(mine.orders.get('B')).toMatchObject({ tradeState: 'CLOSED' });
    expect(mine.orders.get('C')).toMatchObject({ tradeState: 'NOTPAY' });
  });
});
