import type { PaymentHost } from '../../core/host';

/**
 * Calls `onLost` once `graceMs` have passed since the app came back to the foreground
 * (`wx.onAppShow`), unless stopped first; returns the function that stops. A host without
 * `onAppShow` and `offAppShow`, or whose `onAppShow` throws, is not listened to: the cashier
 * still opens, and the host timeout bounds the wait for a lost callback.
 */
export function watchAppShow(host: PaymentHost, graceMs: number, onLost: () => void): () => void {
  let onAppShow: PaymentHost['onAppShow'];
  let offAppShow: PaymentHost['offAppShow'];
  try {
    ({ onAppShow, offAppShow } = host);
  } catch {
    return () => {};
  }
  if (typeof onAppShow !== 'function' || typeof offAppShow !== 'function') return () => {};
  const unlisten = offAppShow;
  let stopped = false;
  let grace: ReturnType<typeof setTimeout> | undefined;
  const listener = () => {
    if (!stopped && grace === undefined) grace = setTimeout(onLost, graceMs);
  };
  try {
    onAppShow.call(host, listener);
  } catch {
    return () => {};
  }
  return () => {
    stopped = true;
    clearTimeout(grace);
    try {
      unlisten.call(host, listener);
    } catch {
      // The listener stays registered, but does nothing once stopped.
    }
  };
}
