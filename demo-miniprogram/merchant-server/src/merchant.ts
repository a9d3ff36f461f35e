import { MAX_STATUS_WAIT_MS, type MerchantConfig, simulatorUrlOf } from './config/options';
import { type LoadedKeys, resolveKeys } from './keys/merchant-keys';
import { createOrderWatch, type OrderWatch } from './kit';
import { viewOf } from './orders/order';
import { openStore, type Store } from './storage/store';
import { MiniProgramApi } from './wechat/mini-program-api';
import { type PlatformKeys, register } from './wechat/registration';
import { WeChatPay } from './wechat/wechat-pay';

/** WeChat, as the merchant reaches it once registered. */
export interface Platform {
  /** WeChat Pay's APIs, through wechatpay-axios-plugin. */
  readonly pay: WeChatPay;
  /** WeChat's mini program server APIs. */
  readonly api: MiniProgramApi;
  /** What notifications are verified with: the platform certificate and the public key. */
  readonly keys: PlatformKeys;
  /** The merchant's own URL, where WeChat Pay sends notifications (`notify_url`). */
  readonly ownUrl: string;
}

/** The merchant's services: what every route and order rule works with. */
export interface Merchant {
  readonly config: MerchantConfig;
  readonly keys: LoadedKeys;
  readonly store: Store;
  /** The kit's order watch: status requests wait on it; every change calls `changed`. */
  readonly watch: OrderWatch;
  /** WeChat; throws until `connect` registered the merchant. */
  readonly platform: Platform;
  /** Registers with the simulator at `simulatorUrl` and readies the calls to it. */
  connect(simulatorUrl: string, ownUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** The merchant's services, not listening yet; `connect` registers with WeChat Pay. */
export async function createMerchant(config: MerchantConfig): Promise<Merchant> {
  const store = await openStore(config);
  try {
    const keys = await resolveKeys(config.keys, store);
    const watch = createOrderWatch({
      getOrder: async (orderId) => {
        const order = await store.getOrder(orderId);
        return order && { ...viewOf(order) };
      },
      events: store.events,
      maxWaitMs: MAX_STATUS_WAIT_MS,
    });
    let platform: Platform | undefined;
    return {
      config,
      keys,
      store,
      watch,
      get platform(): Platform {
        if (!platform)
          throw new Error('[merchant-server] the merchant is not registered with WeChat Pay yet');
        return platform;
      },
      async connect(simulatorUrl, ownUrl) {
        const baseUrl = simulatorUrlOf(simulatorUrl);
        const platformKeys = await register(baseUrl, config, keys, ownUrl);
        platform = {
          pay: new WeChatPay(baseUrl, config, keys, platformKeys),
          api: new MiniProgramApi(baseUrl, config, keys),
          keys: platformKeys,
          ownUrl,
        };
      },
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
