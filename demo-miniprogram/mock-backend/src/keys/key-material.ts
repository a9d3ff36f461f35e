/** Every secret the mock backend uses. Test data: never commit real ones. */
export interface MockBackendKeys {
  /** PKCS#8 PEM; signs paySign (API v3). Its public key is served at /sim/merchant-key. */
  readonly merchantPrivateKeyPem: string;
  /** PKCS#8 PEM; the platform certificate's key: signs notifications in `certificate` mode. */
  readonly platformPrivateKeyPem: string;
  /**
   * PKCS#8 PEM; the private half of the WeChat Pay public key (`PUB_KEY_ID_…`): signs
   * notifications in `public-key` mode.
   */
  readonly wechatpayPublicKeyPrivateKeyPem: string;
  /** 32 characters; encrypts notification resources (AEAD_AES_256_GCM). */
  readonly apiV3Key: string;
  /** API v2 key for MD5 / HMAC-SHA256 paySign. */
  readonly v2ApiKey: string;
  /** Virtual payment AppKey for env 0 (production). */
  readonly virtualAppKeyProduction: string;
  /** Virtual payment AppKey for env 1 (sandbox). */
  readonly virtualAppKeySandbox: string;
  /**
   * The mini program's message push Token (消息推送): signs the pushes the platform sends to
   * `/pay/b2b-notify` (`signature = sha1(sort(token, timestamp, nonce))`).
   */
  readonly messagePushToken: string;
}

export type MockBackendKeyInput = Partial<MockBackendKeys>;

/** Environment variables read by `npm run backend` (a PEM may use literal `\n`). */
export const KEY_ENVIRONMENT_VARIABLES: Readonly<Record<keyof MockBackendKeys, string>> = {
  merchantPrivateKeyPem: 'MOCK_BACKEND_MERCHANT_PRIVATE_KEY',
  platformPrivateKeyPem: 'MOCK_BACKEND_PLATFORM_PRIVATE_KEY',
  wechatpayPublicKeyPrivateKeyPem: 'MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY',
  apiV3Key: 'MOCK_BACKEND_APIV3_KEY',
  v2ApiKey: 'MOCK_BACKEND_V2_API_KEY',
  virtualAppKeyProduction: 'MOCK_BACKEND_APPKEY_PRODUCTION',
  virtualAppKeySandbox: 'MOCK_BACKEND_APPKEY_SANDBOX',
  messagePushToken: 'MOCK_BACKEND_MESSAGE_PUSH_TOKEN',
};

export const KEY_NAMES = Object.keys(KEY_ENVIRONMENT_VARIABLES) as (keyof MockBackendKeys)[];

/** The RSA private keys among {@link KEY_NAMES} (slow to generate). */
export const RSA_KEY_NAMES: readonly (keyof MockBackendKeys)[] = [
  'merchantPrivateKeyPem',
  'platformPrivateKeyPem',
  'wechatpayPublicKeyPrivateKeyPem',
];

export function keyInputFromEnvironment(env: NodeJS.ProcessEnv): MockBackendKeyInput {
  const input: Partial<Record<keyof MockBackendKeys, string>> = {};
  for (const name of KEY_NAMES) {
    const value = env[KEY_ENVIRONMENT_VARIABLES[name]];
    if (value) input[name] = value.replace(/\\n/g, '\n');
  }
  return input;
}

/** The known key fields of `input` that are non-empty strings; anything else is dropped. */
export function definedKeyFields(input: MockBackendKeyInput): MockBackendKeyInput {
  const result: Partial<Record<keyof MockBackendKeys, string>> = {};
  for (const name of KEY_NAMES) {
    const value = input[name];
    if (typeof value === 'string' && value.length > 0) result[name] = value;
  }
  return result;
}
