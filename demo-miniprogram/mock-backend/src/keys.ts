import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
} from 'node:crypto';
import * as path from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomicFile';
import { newSecret } from './ids';

/** Every secret the mock backend uses. Test data: never commit real ones. */
export interface MockBackendKeys {
  /** PKCS#8 PEM; signs paySign (API v3). Its public key is served at /sim/merchant-key. */
  readonly merchantPrivateKeyPem: string;
  /** PKCS#8 PEM; the simulated platform signs notifications with it. */
  readonly platformPrivateKeyPem: string;
  /** 32 characters; encrypts notification resources (AEAD_AES_256_GCM). */
  readonly apiV3Key: string;
  /** API v2 key for MD5 / HMAC-SHA256 paySign. */
  readonly v2ApiKey: string;
  /** Virtual payment AppKey for env 0 (production). */
  readonly virtualAppKeyProduction: string;
  /** Virtual payment AppKey for env 1 (sandbox). */
  readonly virtualAppKeySandbox: string;
}

export type MockBackendKeyInput = Partial<MockBackendKeys>;

/** Environment variables read by `npm run backend` (a PEM may use literal `\n`). */
export const KEY_ENVIRONMENT_VARIABLES: Readonly<Record<keyof MockBackendKeys, string>> = {
  merchantPrivateKeyPem: 'MOCK_BACKEND_MERCHANT_PRIVATE_KEY',
  platformPrivateKeyPem: 'MOCK_BACKEND_PLATFORM_PRIVATE_KEY',
  apiV3Key: 'MOCK_BACKEND_APIV3_KEY',
  v2ApiKey: 'MOCK_BACKEND_V2_API_KEY',
  virtualAppKeyProduction: 'MOCK_BACKEND_APPKEY_PRODUCTION',
  virtualAppKeySandbox: 'MOCK_BACKEND_APPKEY_SANDBOX',
};

const KEY_NAMES = Object.keys(KEY_ENVIRONMENT_VARIABLES) as (keyof MockBackendKeys)[];
const KEYS_FILE = 'keys.json';

/** Keys ready for use: parsed key objects, public keys and certificate-like serials. */
export interface LoadedKeys {
  readonly material: MockBackendKeys;
  readonly merchantPrivateKey: KeyObject;
  readonly merchantPublicKey: KeyObject;
  readonly merchantPublicKeyPem: string;
  readonly merchantSerial: string;
  readonly platformPrivateKey: KeyObject;
  readonly platformPublicKey: KeyObject;
  readonly platformSerial: string;
  appKeyForEnv(env: 0 | 1): string;
}

export function keyInputFromEnvironment(env: NodeJS.ProcessEnv): MockBackendKeyInput {
  const input: Partial<Record<keyof MockBackendKeys, string>> = {};
  for (const name of KEY_NAMES) {
    const value = env[KEY_ENVIRONMENT_VARIABLES[name]];
    if (value) input[name] = value.replace(/\\n/g, '\n');
  }
  return input;
}

/**
 * Keys in order of precedence: `provided`, then `<dataDir>/keys.json`, then freshly generated.
 * Generated keys are written to the data directory (provided ones never are).
 */
export async function resolveKeys(
  provided: MockBackendKeyInput,
  dataDir: string | undefined,
): Promise<LoadedKeys> {
  const stored = dataDir ? await readStoredKeys(dataDir) : {};
  const known = { ...stored, ...definedFields(provided) };
  const generated = await generateMissing(known);
  if (dataDir && Object.keys(generated).length > 0) {
    await writeFileAtomic(
      path.join(dataDir, KEYS_FILE),
      `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`,
    );
  }
  return loadKeys({ ...known, ...generated } as MockBackendKeys);
}

/** Generates a complete key set (two RSA 2048 pairs: a few hundred ms). */
export async function generateKeys(): Promise<MockBackendKeys> {
  return (await generateMissing({})) as MockBackendKeys;
}

export function loadKeys(material: MockBackendKeys): LoadedKeys {
  for (const name of KEY_NAMES) {
    if (typeof material[name] !== 'string' || material[name].length === 0) {
      throw new TypeError(`[mock-backend] key ${name} is missing`);
    }
  }
  if (Buffer.byteLength(material.apiV3Key, 'utf8') !== 32) {
    throw new TypeError('[mock-backend] apiV3Key must be 32 bytes');
  }
  const merchantPrivateKey = parsePrivateKey(material.merchantPrivateKeyPem, 'merchant');
  const platformPrivateKey = parsePrivateKey(material.platformPrivateKeyPem, 'platform');
  const merchantPublicKey = createPublicKey(merchantPrivateKey);
  const platformPublicKey = createPublicKey(platformPrivateKey);
  return {
    material,
    merchantPrivateKey,
    merchantPublicKey,
    merchantPublicKeyPem: merchantPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    merchantSerial: serialOf(merchantPublicKey),
    platformPrivateKey,
    platformPublicKey,
    platformSerial: serialOf(platformPublicKey),
    appKeyForEnv: (env) =>
      env === 0 ? material.virtualAppKeyProduction : material.virtualAppKeySandbox,
  };
}

/** A stand-in for a certificate serial number: 40 uppercase hex characters. */
function serialOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

function parsePrivateKey(pem: string, owner: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new TypeError('not an RSA key');
    return key;
  } catch {
    throw new TypeError(`[mock-backend] the ${owner} private key is not an RSA private key PEM`);
  }
}

async function readStoredKeys(dataDir: string): Promise<MockBackendKeyInput> {
  const filePath = path.join(dataDir, KEYS_FILE);
  const text = await readFileIfExists(filePath);
  if (text === undefined) return {};
  try {
    return definedFields(JSON.parse(text) as MockBackendKeyInput);
  } catch {
    throw new Error(`[mock-backend] ${filePath} is not valid JSON; remove it to generate new keys`);
  }
}

function definedFields(input: MockBackendKeyInput): MockBackendKeyInput {
  const result: Partial<Record<keyof MockBackendKeys, string>> = {};
  for (const name of KEY_NAMES) {
    const value = input[name];
    if (typeof value === 'string' && value.length > 0) result[name] = value;
  }
  return result;
}

async function generateMissing(known: MockBackendKeyInput): Promise<MockBackendKeyInput> {
  const [merchantPrivateKeyPem, platformPrivateKeyPem] = await Promise.all([
    known.merchantPrivateKeyPem ? undefined : generateRsaPrivateKeyPem(),
    known.platformPrivateKeyPem ? undefined : generateRsaPrivateKeyPem(),
  ]);
  const generated: Partial<Record<keyof MockBackendKeys, string>> = {
    merchantPrivateKeyPem,
    platformPrivateKeyPem,
    apiV3Key: known.apiV3Key ? undefined : newSecret(),
    v2ApiKey: known.v2ApiKey ? undefined : newSecret(),
    virtualAppKeyProduction: known.virtualAppKeyProduction ? undefined : newSecret(),
    virtualAppKeySandbox: known.virtualAppKeySandbox ? undefined : newSecret(),
  };
  return definedFields(generated);
}

function generateRsaPrivateKeyPem(): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey)),
    );
  });
}
