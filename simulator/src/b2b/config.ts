import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import {
  type AppKeys,
  MESSAGE_PUSH_TOKEN,
  PUSH_URL,
  readAppKeys,
} from '../mini-program/config-rules';
import { Fields } from '../validation/fields';

/** `b2b` of `POST /sim/merchants`: the merchant's B2b payment (B2b门店助手) settings. */
export interface B2bConfig {
  /** The AppKeys the B2b console issues (they sign requestCommonPayment's paySig). */
  readonly appKeys: AppKeys;
  /** The mini program's message push URL, where `retail_pay_notify` goes; none without it. */
  readonly notifyUrl: string | undefined;
  /** The message push Token the pushes are signed with (required with notifyUrl). */
  readonly messagePushToken: string | undefined;
}

/** Reads `b2b`, refusing with 400 PARAM_ERROR naming the first wrong field. */
export function readB2bConfig(value: unknown): B2bConfig {
  const fields = Fields.of(value, 'b2b');
  fields.onlyKnown(['appKeys', 'notifyUrl', 'messagePushToken']);
  const config = {
    appKeys: readAppKeys(fields),
    notifyUrl: fields.optionalString('notifyUrl', PUSH_URL),
    messagePushToken: fields.optionalString('messagePushToken', MESSAGE_PUSH_TOKEN),
  };
  if (config.notifyUrl !== undefined && config.messagePushToken === undefined) {
    throw fields.error(
      'messagePushToken',
      'b2b.messagePushToken is required with b2b.notifyUrl: B2b pushes are signed with the message push Token.',
    );
  }
  return config;
}

const parsed = new WeakMap<object, B2bConfig | null>();

/** The merchant's B2b settings; undefined when it registered none. */
export function b2bOf(merchant: Merchant): B2bConfig | undefined {
  const { record } = merchant;
  let config = parsed.get(record);
  if (config === undefined) {
    config = readStored(record.extensions.b2b);
    parsed.set(record, config);
  }
  return config ?? undefined;
}

/** A stored object was checked at registration; a damaged snapshot reads as none. */
function readStored(value: unknown): B2bConfig | null {
  if (value === undefined) return null;
  try {
    return readB2bConfig(value);
  } catch {
    return null;
  }
}

/** The merchant `mchid` when it has B2b payment. */
export function b2bMerchant(
  merchants: MerchantRegistry,
  mchid: unknown,
): { merchant: Merchant; config: B2bConfig } | undefined {
  const merchant = typeof mchid === 'string' ? merchants.find(mchid) : undefined;
  const config = merchant && b2bOf(merchant);
  return merchant && config ? { merchant, config } : undefined;
}
