import { type PaymentHost, resolveHost } from '../core/host';
import type { CheckoutResult } from './types';

/** The storage key of the pending order ids (a JSON array of strings). */
export const PENDING_KEY = 'miniprogram-pay:pending';

/**
 * The ids of orders left pending, in the host's storage: `[read, remember]`. A storage failure
 * is ignored.
 */
export function createPendingStore(
  host: PaymentHost | undefined,
  persist: boolean | undefined,
): [read: () => string[], remember: (result: CheckoutResult) => CheckoutResult] {
  const storage = () => {
    const target = resolveHost(host);
    return (persist ?? (target?.getStorageSync && target.setStorageSync)) ? target : undefined;
  };
  const read = (): string[] => {
    try {
      const ids = storage()?.getStorageSync?.(PENDING_KEY);
      return (typeof ids === 'string' ? JSON.parse(ids) : ids).filter(
        (id: unknown) => id && typeof id === 'string',
      );
    } catch {
      return [];
    }
  };
  return [
    read,
    // Keeps the order of a `pending` result, forgets that of any other; writes only when that
    // changes the list. Returns `result`.
    (result) => {
      const { orderId } = result;
      const keep = result.status === 'pending';
      const ids = orderId ? read() : [];
      try {
        if (orderId && keep !== ids.indexOf(orderId) >= 0) {
          storage()?.setStorageSync?.(
            PENDING_KEY,
            JSON.stringify(keep ? ids.concat(orderId) : ids.filter((id) => id !== orderId)),
          );
        }
      } catch {}
      return result;
    },
  ];
}
