import type { Fields, StringRule } from '../validation/fields';

/** An AppKey of virtual payment or B2b payment (WeChat's are 32 letters and digits). */
export const APP_KEY: StringRule = {
  maxBytes: 64,
  pattern: { test: /^[\x21-\x7e]+$/, says: '1 to 64 printable ASCII characters' },
};

/** Where the platform pushes messages (the mini program's message push URL). */
export const PUSH_URL: StringRule = {
  maxBytes: 2048,
  pattern: { test: /^https?:\/\/\S+$/, says: 'an http(s) URL' },
};

/** The message push Token, as the mini program console takes it: 3 to 32 letters or digits. */
export const MESSAGE_PUSH_TOKEN: StringRule = {
  maxBytes: 32,
  minLength: 3,
  pattern: { test: /^[0-9A-Za-z]+$/, says: '3 to 32 letters or digits' },
};

/** An environment of virtual and B2b payment: 0 production (现网), 1 sandbox (沙箱). */
export type PaymentEnv = 0 | 1;

/** The AppKey of each environment, as the console shows them. */
export interface AppKeys {
  /** env 0. */
  readonly production: string;
  /** env 1. */
  readonly sandbox: string;
}

/** `appKeys: { production, sandbox }` of a registration object. */
export function readAppKeys(fields: Fields): AppKeys {
  const keys = fields.requiredObject('appKeys');
  keys.onlyKnown(['production', 'sandbox']);
  return {
    production: keys.requiredString('production', APP_KEY),
    sandbox: keys.requiredString('sandbox', APP_KEY),
  };
}

export function appKeyOf(keys: AppKeys, env: PaymentEnv): string {
  return env === 0 ? keys.production : keys.sandbox;
}
