import type { PaymentHost } from '../core/host';
import type { CheckoutResult } from './types';

/** An order left pending, and when it was first stored (ms since 1970). */
export interface PendingEntry {
  readonly orderId: string;
  readonly storedAt: number;
}

/** The orders left pending, kept in the host's storage for `resumePending()`. */
export interface PendingStore {
  /** The stored orders, with the changes storage could not take yet. */
  entries(): PendingEntry[];
  /**
   * Keeps the order of a `pending` result, forgets that of any other. Once the backend gave
   * an order a final state (or said it does not know it), no later `pending` answer stores it
   * again: answers about one order must not undo each other.
   */
  record(result: CheckoutResult): void;
  /** Forgets an order for good. */
  forget(orderId: string): void;
}

/**
 * The store lives under `key` as a JSON array of `{ orderId, storedAt }` (plain id strings,
 * from older versions, are read too). A read that fails is never followed by a write: the
 * changes wait in memory until storage reads again, so nothing it could not read is lost.
 * Storage failures never reach a payment.
 */
export function createPendingStore(
  hostOf: () => PaymentHost | undefined,
  { key, persist }: { key: string; persist: boolean },
): PendingStore {
  /** Changes not written yet: an order kept since a time, or forgotten (`undefined`). */
  const unsaved = new Map<string, number | undefined>();
  const settled = new Set<string>();

  /** The stored items, or undefined when storage cannot be read. */
  const read = (): unknown[] | undefined => {
    try {
      const stored = persist ? hostOf()?.getStorageSync?.(key) : undefined;
      // wx answers '' for a key never written.
      if (stored === '' || stored === undefined || stored === null) return [];
      const list: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
      return Array.isArray(list) ? list : undefined;
    } catch {
      return undefined;
    }
  };
  /** The stored items with the unsaved changes; old plain ids get `storedAt` now. */
  const merged = (stored: unknown[]): Array<unknown | PendingEntry> => {
    const now = Date.now();
    let items = stored.map((item) =>
      typeof item === 'string' && item ? { orderId: item, storedAt: now } : item,
    );
    for (const [orderId, storedAt] of unsaved) {
      const others = items.filter((item) => idOf(item) !== orderId);
      if (storedAt === undefined) items = others;
      else if (others.length === items.length) items = items.concat({ orderId, storedAt });
    }
    return items;
  };
  const change = (orderId: string, storedAt: number | undefined) => {
    unsaved.set(orderId, storedAt);
    const stored = read();
    if (!persist || !stored) return;
    try {
      const next = JSON.stringify(merged(stored));
      if (next !== JSON.stringify(stored)) hostOf()?.setStorageSync?.(key, next);
      unsaved.clear();
    } catch {
      // Kept in memory: the next change writes it.
    }
  };

  return {
    entries() {
      const entries: PendingEntry[] = [];
      for (const item of merged(read() ?? [])) {
        const orderId = idOf(item);
        const storedAt = (item as PendingEntry | null)?.storedAt;
        if (orderId)
          entries.push({ orderId, storedAt: typeof storedAt === 'number' ? storedAt : Date.now() });
      }
      return entries;
    },
    record(result) {
      const { orderId } = result;
      if (!orderId) return;
      if (result.status !== 'pending') {
        const final =
          result.status === 'paid' ||
          (result.status === 'failed' && (result.order || result.code === 'order_unknown'));
        if (final) settled.add(orderId);
        change(orderId, undefined);
      } else if (!settled.has(orderId)) change(orderId, Date.now());
    },
    forget(orderId) {
      settled.add(orderId);
      change(orderId, undefined);
    },
  };
}

function idOf(item: unknown): string | undefined {
  const orderId =
    typeof item === 'object' && item !== null ? (item as PendingEntry).orderId : undefined;
  return typeof orderId === 'string' && orderId ? orderId : undefined;
}
