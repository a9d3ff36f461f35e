import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomInt,
} from 'node:crypto';
import { promisify } from 'node:util';

/** The demo merchant's secrets. Test data: never commit real ones. */
export interface MerchantKeys {
  /** PKCS#8 PEM: signs requests to WeChat Pay and `paySign` (API v3). */
  readonly merchantPrivateKeyPem: string;
  /** 32 characters: decrypts v3 notifications. */
  readonly apiV3Key: string;
  /** 32 characters: signs API v2 requests and `paySign`, verifies v2 notifications. */
  readonly v2ApiKey: string;
  /** Virtual payment's AppKey of env 0 (B2b payment signs with the same here). */
  readonly virtualAppKeyProduction: string;
  /** Virtual payment's AppKey of env 1. */
  readonly virtualAppKeySandbox: string;
  /** The mini program's message push Token: signs the B2b pushes. */
  readonly messagePushToken: string;
  /** The mini program's AppSecret: `/sns/jscode2session` and the access_token. */
  readonly appSecret: string;
}

export type MerchantKeyInput = Partial<MerchantKeys>;

/** Where `npm run backend` reads each key (a PEM may use literal `\n`). */
export const KEY_ENVIRONMENT_VARIABLES: Readonly<Record<keyof MerchantKeys, string>> = {
  merchantPrivateKeyPem: 'MOCK_BACKEND_MERCHANT_PRIVATE_KEY',
  apiV3Key: 'MOCK_BACKEND_APIV3_KEY',
  v2ApiKey: 'MOCK_BACKEND_V2_API_KEY',
  virtualAppKeyProduction: 'MOCK_BACKEND_APPKEY_PRODUCTION',
  virtualAppKeySandbox: 'MOCK_BACKEND_APPKEY_SANDBOX',
  messagePushToken: 'MOCK_BACKEND_MESSAGE_PUSH_TOKEN',
  appSecret: 'MOCK_BACKEND_APP_SECRET',
};

const KEY_NAMES = Object.keys(KEY_ENVIRONMENT_VARIABLES) as (keyof MerchantKeys)[];
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function keysFromEnvironment(env: NodeJS.ProcessEnv): MerchantKeyInput {
  const given = KEY_NAMES.map((name) => [name, env[KEY_ENVIRONMENT_VARIABLES[name]]] as const);
  return Object.fromEntries(
    given.filter(([, value]) => value).map(([name, value]) => [name, value?.replace(/\\n/g, '\n')]),
  );
}

/**
 * The merchant's keys: those given (never stored), else the stored ones, else generated and
 * stored (the first instance's are then every instance's).
 */
export async function resolveKeys(
  given: MerchantKeyInput,
  store: { keys(create: () => Promise<MerchantKeyInput>): Promise<MerchantKeyInput> },
): Promise<LoadedKeys> {
  const stored = await store.keys(() => missingKeys(given));
  const known = { ...stored, ...given };
  return loadKeys({ ...known, ...(await missingKeys(known)) } as MerchantKeys);
}

/** The keys `known` lacks, generated (an RSA-2048 pair takes a few hundred ms). */
async function missingKeys(known: MerchantKeyInput): Promise<MerchantKeyInput> {
  const secret = () => Array.from({ length: 32 }, () => ALPHANUMERIC[randomInt(62)]).join('');
  const missing = KEY_NAMES.filter((name) => known[name] === undefined);
  const generated = Object.fromEntries(missing.map((name) => [name, secret()]));
  if (missing.includes('merchantPrivateKeyPem')) {
    generated.merchantPrivateKeyPem = (
      await promisify(generateKeyPair)('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      })
    ).privateKey;
  }
  return generated;
}

export interface LoadedKeys {
  readonly material: MerchantKeys;
  readonly merchantPrivateKey: KeyObject;
  readonly merchantPublicKeyPem: string;
  /** Stands for the merchant certificate's serial: 40 hex characters of the public key. */
  readonly merchantSerial: string;
  appKeyOf(env: 0 | 1): string;
}

/** Parses a key set; throws naming a malformed key. */
function loadKeys(material: MerchantKeys): LoadedKeys {
  let merchantPrivateKey: KeyObject;
  try {
    merchantPrivateKey = createPrivateKey(material.merchantPrivateKeyPem);
  } catch {
    throw new TypeError('[merchant-server] the merchant private key is not a private key PEM');
  }
  for (const name of ['apiV3Key', 'v2ApiKey'] as const) {
    if (!/^[\x21-\x7e]{32}$/.test(material[name]))
      throw new TypeError(`[merchant-server] ${name} must be 32 printable ASCII characters`);
  }
  const publicKey = createPublicKey(merchantPrivateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    material,
    merchantPrivateKey,
    merchantPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    merchantSerial: createHash('sha1').update(der).digest('hex').toUpperCase(),
    appKeyOf: (env) =>
      env === 0 ? material.virtualAppKeyProduction : material.virtualAppKeySandbox,
  };
}
