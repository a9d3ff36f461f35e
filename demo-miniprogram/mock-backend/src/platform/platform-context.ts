import type { BackendConfig } from '../config/options';
import type { Journal } from '../journal/journal';
import type { LoadedKeys } from '../keys/load-keys';
import type { BackendState } from '../storage/state';
import type { NotificationSigner } from './notifications/notification-signer';
import type { Notifier } from './notifications/notifier';

/** What the simulated platform works with. */
export interface PlatformContext {
  readonly state: BackendState;
  readonly commit: () => Promise<void>;
  readonly keys: LoadedKeys;
  readonly config: BackendConfig;
  readonly notifier: Notifier;
  /** Where the platform records the refunds it makes (the dashboard reads it). */
  readonly journal: Journal;
  /** The key each v3 notification request is signed with. */
  readonly notificationSigner: NotificationSigner;
  /** The merchant server notifications go to, e.g. `http://127.0.0.1:3000`. */
  readonly merchantBaseUrl: () => string;
}

/** When (and whether) the platform tells the merchant. */
export interface NotifyPlan {
  readonly delayMs: number;
  readonly drop: boolean;
}
