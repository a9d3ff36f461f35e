// The hosts of the property tests: a fake host whose members may throw when read, and a
// count of the sheets open at once.
import type { PaymentHost } from 'miniprogram-pay';

/** Host members whose getter may throw. */
export const HOST_MEMBERS = [
  'requestPayment',
  'requestVirtualPayment',
  'canIUse',
  'onAppShow',
  'offAppShow',
  'getStorageSync',
  'setStorageSync',
] as const;

/** The fake host behind a Proxy whose getter for `member` throws. */
export function withThrowingGetter<T extends object>(host: T, member: string | undefined): T {
  if (!member) return host;
  return new Proxy(host, {
    get(target, key, receiver) {
      if (key === member) throw new Error(`${member} getter broke`);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Counts the fake cashier's sheets open at once (from opening to their first answer). */
export function countOpenSheets(host: PaymentHost) {
  const counter = { open: 0, max: 0 };
  for (const api of ['requestPayment', 'requestVirtualPayment'] as const) {
    const open = host[api] as ((options: Record<string, unknown>) => unknown) | undefined;
    if (!open) continue;
    (host as Record<string, unknown>)[api] = (
      options: Record<string, (result: unknown) => void>,
    ) => {
      counter.open++;
      counter.max = Math.max(counter.max, counter.open);
      let closed = false;
      const close = () => {
        if (!closed) counter.open--;
        closed = true;
      };
      const answer = (name: string) => (result: unknown) => {
        close();
        options[name]?.(result);
      };
      try {
        const returned = open({
          ...options,
          success: answer('success'),
          fail: answer('fail'),
          complete: answer('complete'),
        });
        // A promisified host answers through the promise it returns.
        (returned as Promise<unknown> | undefined)?.then?.(close, close);
        return returned;
      } catch (error) {
        close();
        throw error;
      }
    };
  }
  return counter;
}
