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
  // Off only when asked: a host without storage functions is never called anyway.
  const storage = () => (persist !== false ? resolveHost(host) : undefined);
  const read = (): string[] => {
    try {
      const ids = storage()?.getStorageSync?.(PENDING_KEY);
      return (typeof ids === 'string' ? JSON.parse(ids) : ids).filter(
        (id: unknown) => typeof id === 'string' && id,
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
      const ids = read();
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
