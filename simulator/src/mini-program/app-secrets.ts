import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import { Fields, type StringRule } from '../validation/fields';

const APP_SECRET: StringRule = {
  maxBytes: 64,
  pattern: { test: /^[\x21-\x7e]+$/, says: '1 to 64 printable ASCII characters' },
};

/**
 * `appSecrets` of `POST /sim/merchants`: `{ [appid]: AppSecret }` for AppIDs the merchant
 * registers (its own or a sub-merchant's), refusing with 400 PARAM_ERROR naming the first
 * wrong one.
 */
export function readAppSecrets(
  value: unknown,
  appids: readonly string[],
): Readonly<Record<string, string>> {
  const fields = Fields.of(value, 'appSecrets');
  const secrets: Record<string, string> = {};
  for (const appid of Object.keys(value as object)) {
    if (!appids.includes(appid)) {
      throw fields.error(
        appid,
        `appSecrets.${appid} names an AppID this registration does not have; its AppIDs are ${appids.join(', ')}.`,
      );
    }
    secrets[appid] = fields.requiredString(appid, APP_SECRET);
  }
  return secrets;
}

/** Every AppID a merchant registers: its own and its sub-merchants'. */
export function appidsOf(merchant: Merchant): string[] {
  const { appids, subMerchants } = merchant.record;
  return [...appids, ...subMerchants.flatMap((sub) => sub.appids)];
}

/** What the platform makes of an AppID and AppSecret (jscode2session, access tokens). */
export type AppCredentialVerdict = 'valid' | 'unknown-appid' | 'wrong-secret';

/**
 * Whether `secret` is the AppSecret of `appid`: the AppID must be registered by a merchant;
 * when a merchant registered an AppSecret for it the secret must be that one, else any secret
 * is taken (the simulator cannot know a secret nobody told it).
 */
export function checkAppCredentials(
  merchants: MerchantRegistry,
  appid: string,
  secret: string,
): AppCredentialVerdict {
  let registered = false;
  const secrets: string[] = [];
  for (const merchant of merchants.list()) {
    if (!appidsOf(merchant).includes(appid)) continue;
    registered = true;
    const stored = secretsOf(merchant)[appid];
    if (typeof stored === 'string') secrets.push(stored);
  }
  if (!registered) return 'unknown-appid';
  return secrets.length === 0 || secrets.includes(secret) ? 'valid' : 'wrong-secret';
}

function secretsOf(merchant: Merchant): Readonly<Record<string, unknown>> {
  const value = merchant.record.extensions.appSecrets;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
