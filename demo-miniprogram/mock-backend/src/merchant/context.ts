import type { LoadedKeys } from '../keys';
import type { BackendConfig } from '../options';
import type { SimulatedPlatform } from '../platform/simulatedPlatform';
import type { BackendState } from '../state';
import type { OrderWaiters } from './orderWaiters';

/** What the merchant server works with; it reaches WeChat only through `platform`. */
export interface MerchantContext {
  readonly state: BackendState;
  readonly commit: () => Promise<void>;
  readonly keys: LoadedKeys;
  readonly config: BackendConfig;
  readonly platform: SimulatedPlatform;
  readonly waiters: OrderWaiters;
}
