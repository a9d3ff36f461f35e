import type { KeyObject } from 'node:crypto';
import { parseRsaPublicKey } from '../crypto/rsa';
import { describeValue } from '../lib/json';
import { Fields, type StringRule } from '../validation/fields';
import { checkExtension } from './extension-checks';
import { SIGNING_MODES, type SigningMode, type SubMerchant } from './merchant';

/** What `POST /sim/merchants` takes, checked. */
export interface Registration {
  readonly mchid: string;
  readonly appids: readonly string[];
  readonly merchantSerial: string;
  readonly merchantPublicKeyPem: string;
  readonly merchantPublicKey: KeyObject;
  readonly apiV3Key: string;
  readonly apiV2Key: string | undefined;
  readonly signing: SigningMode;
  readonly subMerchants: readonly SubMerchant[];
  readonly refundNotifyUrl: string | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** Objects of later parts: each checked by its part (extension-checks.ts), stored as given. */
export const EXTENSION_FIELDS = ['virtualPayment', 'b2b', 'transfer', 'appSecrets'] as const;

const FIELDS = [
  'mchid',
  'appids',
  'merchantSerial',
  'merchantPublicKey',
  'apiV3Key',
  'apiV2Key',
  'signing',
  'subMerchants',
  'refundNotifyUrl',
  ...EXTENSION_FIELDS,
];

export const MCHID: StringRule = {
  maxBytes: 32,
  pattern: { test: /^[0-9A-Za-z_-]+$/, says: 'a merchant id of [0-9A-Za-z_-]' },
};
const APPID: StringRule = {
  maxBytes: 32,
  pattern: { test: /^[0-9A-Za-z_-]+$/, says: 'an AppID of [0-9A-Za-z_-]' },
};
const SERIAL: StringRule = {
  maxBytes: 64,
  pattern: { test: /^[0-9A-Za-z]+$/, says: 'a certificate serial (hex)' },
};
const KEY_32: StringRule = {
  maxBytes: 32,
  minLength: 32,
  pattern: { test: /^[\x21-\x7e]{32}$/, says: '32 printable ASCII characters' },
};

/** Reads a registration, refusing with 400 PARAM_ERROR naming the first wrong field. */
export function readRegistration(body: unknown): Registration {
  const fields = Fields.of(body, 'body');
  fields.onlyKnown(FIELDS);
  const publicKeyPem = fields.requiredString('merchantPublicKey', { maxBytes: 16_384 });
  const merchantPublicKey = parseRsaPublicKey(publicKeyPem);
  if (typeof merchantPublicKey === 'string') {
    throw fields.error('merchantPublicKey', `merchantPublicKey ${merchantPublicKey}.`);
  }
  const extensions: Record<string, unknown> = {};
  for (const name of EXTENSION_FIELDS) {
    if (!fields.has(name)) continue;
    checkExtension(name, fields);
    extensions[name] = fields.raw(name);
  }
  return {
    mchid: fields.requiredString('mchid', MCHID),
    appids: fields.requiredStringList('appids', APPID, 1),
    merchantSerial: fields.requiredString('merchantSerial', SERIAL),
    merchantPublicKeyPem: publicKeyPem,
    merchantPublicKey,
    apiV3Key: fields.requiredString('apiV3Key', KEY_32),
    apiV2Key: fields.optionalString('apiV2Key', KEY_32),
    signing: fields.optionalChoice('signing', SIGNING_MODES) ?? 'public-key',
    subMerchants: subMerchantsOf(fields),
    refundNotifyUrl: fields.optionalString('refundNotifyUrl', {
      maxBytes: 256,
      pattern: { test: /^https?:\/\/\S+$/, says: 'an http(s) URL' },
    }),
    extensions,
  };
}

function subMerchantsOf(fields: Fields): SubMerchant[] {
  const value = fields.raw('subMerchants');
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw fields.error(
      'subMerchants',
      `subMerchants must be an array of { mchid, appids? }; got ${describeValue(value)}.`,
    );
  }
  return value.map((item: unknown, index) => {
    const sub = Fields.of(item, `subMerchants[${index}]`);
    sub.onlyKnown(['mchid', 'appids']);
    return {
      mchid: sub.requiredString('mchid', MCHID),
      appids: sub.has('appids') ? sub.requiredStringList('appids', APPID, 0) : [],
    };
  });
}
