import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { MerchantKeys } from '../keys/merchant-keys';
import { createMemoryEvents } from '../kit';
import type { Order } from '../orders/order';
import type { Store } from './store';

interface Saved {
  readonly orders: Record<string, Order>;
  readonly sessions: Record<string, string>;
}

/**
 * One instance's store: maps in memory, and with `dataDir` a JSON file of them rewritten after
 * every change (a temporary file renamed over it, so a crash leaves the old file or the new
 * one), read at start; the keys in `keys.json` beside it.
 */
export async function openFileStore(dataDir: string | undefined): Promise<Store> {
  const statePath = dataDir && path.join(dataDir, 'merchant-server.json');
  const keysPath = dataDir && path.join(dataDir, 'keys.json');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const saved = statePath ? ((await readJson(statePath)) as Saved | undefined) : undefined;
  const orders = new Map(Object.entries(saved?.orders ?? {}));
  const sessions = new Map(Object.entries(saved?.sessions ?? {}));
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    if (!statePath) return Promise.resolve();
    const text = JSON.stringify({
      orders: Object.fromEntries(orders),
      sessions: Object.fromEntries(sessions),
    });
    const written = writing.then(() => writeAtomically(statePath, text));
    writing = written.catch(() => undefined);
    return written;
  };
  return {
    async keys(create) {
      const stored = keysPath ? ((await readJson(keysPath)) as Partial<MerchantKeys>) : undefined;
      if (stored) return stored;
      const created = await create();
      if (keysPath) await writeAtomically(keysPath, `${JSON.stringify(created, null, 2)}\n`);
      return created;
    },
    getOrder: async (orderId) => orders.get(orderId),
    async addOrder(order) {
      orders.set(order.orderId, order);
      await save();
    },
    async updateOrder(orderId, change) {
      const before = orders.get(orderId);
      if (!before) return undefined;
      const after = change(before) ?? before;
      if (after !== before) {
        orders.set(orderId, after);
        await save();
      }
      return { before, after };
    },
    getSessionKey: async (openid) => sessions.get(openid),
    async setSessionKey(openid, sessionKey) {
      sessions.set(openid, sessionKey);
      await save();
    },
    events: createMemoryEvents(),
    close: () => writing,
  };
}

async function readJson(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`[merchant-server] ${filePath} is not JSON; remove it to start afresh`);
  }
}

async function writeAtomically(filePath: string, text: string): Promise<void> {
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, filePath);
}
