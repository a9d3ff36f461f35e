import { resolveHost } from '../core/host';
import { readConfig } from './config';
import { confirm } from './confirm';
import type { CheckoutConfig } from './options';
import { startPay } from './pay';
import { createPendingStore } from './pending-store';
import { resultDetails as say } from './result-details';
import { resumeOrder } from './resume-pending';
import { type CheckoutCore, quietRun, runCall } from './run-call';
import type { Checkout } from './types';

/**
 * Creates a checkout: `pay(input)` creates the order on your backend, opens the host's
 * cashier, then asks the backend until it says how the order ended. `paid` only ever comes
 * from the backend. Never rejects; only a bad `config` throws (a TypeError naming the option).
 *
 * @example
 * const checkout = createCheckout({ backend: httpBackend({ baseUrl: 'https://shop.example' }) })
 * const result = await checkout.pay({ productId: 'coffee-beans', quantity: 1 })
 * if (result.status === 'paid') wx.showToast({ title: 'Paid' })
 */
export function createCheckout(config: CheckoutConfig): Checkout {
  const settings = readConfig(config);
  const pending = createPendingStore(() => resolveHost(settings.host), {
    key: settings.pendingKey,
    persist: settings.persistPending,
  });
  const core: CheckoutCore = { settings, pending, running: 0 };
  return {
    pay: (input, options) =>
      runCall(core, options, () =>
        core.running > 0
          ? { status: 'failed', code: 'busy', detail: say.busyCheckout }
          : startPay(settings, input),
      ),
    confirm: (orderId, options) => runCall(core, options, () => (run) => confirm(run, orderId)),
    // No stages, and pay() is not blocked: a plain single query of each stored order.
    resumePending: async () => {
      const run = quietRun(settings);
      return Promise.all(pending.entries().map((entry) => resumeOrder(run, entry, pending)));
    },
  };
}
