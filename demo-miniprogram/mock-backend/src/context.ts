import type { LoadedKeys } from './keys';
import type { MerchantFaults } from './merchant/faults';
import type { OrderBook } from './merchant/orderBook';
import type { OrderStatusService } from './merchant/orderStatus';
import type { OrderWaiters } from './merchant/orderWaiters';
import type { BackendConfig } from './options';
import type { Notifier } from './platform/notifier';
import type { SimulatedPlatform } from './platform/simulatedPlatform';
import type { StateStore } from './store';

/** Everything the routes need. */
export interface BackendContext {
  readonly config: BackendConfig;
  readonly keys: LoadedKeys;
  readonly store: StateStore;
  readonly platform: SimulatedPlatform;
  readonly notifier: Notifier;
  readonly orders: OrderBook;
  readonly orderStatus: OrderStatusService;
  readonly waiters: OrderWaiters;
  readonly faults: MerchantFaults;
}
