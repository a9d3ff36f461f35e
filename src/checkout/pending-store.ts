import { type PaymentHost, resolveHost } from '../core/host';

/** The storage key of the pending order ids (a JSON array of strings). */
export const PENDING_KEY = 'miniprogram-pay:pending';

/** The ids of orders left pending, in the host's storage. A storage failure is ignored. */
export function createPendingStore(host: PaymentHost | undefined, persist: boolean | undefined) {
  const storage = () => {
    const target = resolveHost(host);
    return (persist ?? !!(target?.getStorageSync && target.setStorageSync)) ? target : undefined;
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
  return {
    read,
    /** Keeps `orderId` (`keep`) or forgets it; writes only when that changes the list. */
    update(orderId: string, keep: boolean) {
      try {
        const ids = read();
        if (keep !== ids.indexOf(orderId) >= 0) {
          const next = keep ? ids.concat(orderId) : ids.filter((id) => id !== orderId);
          storage()?.setStorageSync?.(PENDING_KEY, JSON.stringify(next));
        }
      } catch {}
    },
  };
}
