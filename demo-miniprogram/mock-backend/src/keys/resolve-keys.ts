import { generateKeyPair } from 'node:crypto';
import * as path from 'node:path';
import { newSecret } from '../domain/ids';
import { readFileIfExists, writeFileAtomic } from '../storage/atomic-file';
import {
  definedKeyFields,
  KEY_NAMES,
  type MockBackendKeyInput,
  type MockBackendKeys,
  RSA_KEY_NAMES,
} from './key-material';
import { type LoadedKeys, loadKeys } from './load-keys';

const KEYS_FILE = 'keys.json';

/**
 * Keys in order of precedence: `provided`, then `<dataDir>/keys.json`, then freshly generated.
 * Generated keys are written to the data directory (provided ones never are).
 */
export async function resolveKeys(
  provided: MockBackendKeyInput,
  dataDir: string | undefined,
): Promise<LoadedKeys> {
  const stored = dataDir ? await readStoredKeys(dataDir) : {};
  const known = { ...stored, ...definedKeyFields(provided) };
  const generated = await generateMissing(known);
  if (dataDir && Object.keys(generated).length > 0) {
    await writeFileAtomic(
      path.join(dataDir, KEYS_FILE),
      `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`,
    );
  }
  return loadKeys({ ...known, ...generated } as MockBackendKeys);
}

/** Generates a complete key set (RSA 2048 pairs: a few hundred ms). */
export async function generateKeys(): Promise<MockBackendKeys> {
  return (await generateMissing({})) as MockBackendKeys;
}

async function readStoredKeys(dataDir: string): Promise<MockBackendKeyInput> {
  const filePath = path.join(dataDir, KEYS_FILE);
  const text = await readFileIfExists(filePath);
  if (text === undefined) return {};
  try {
    return definedKeyFields(JSON.parse(text) as MockBackendKeyInput);
  } catch {
    throw new Error(`[mock-backend] ${filePath} is not valid JSON; remove it to generate new keys`);
  }
}

async function generateMissing(known: MockBackendKeyInput): Promise<MockBackendKeyInput> {
  const missing = KEY_NAMES.filter((name) => !known[name]);
  const values = await Promise.all(
    missing.map((name) =>
      RSA_KEY_NAMES.includes(name) ? generateRsaPrivateKeyPem() : newSecret(),
    ),
  );
  return Object.fromEntries(missing.map((name, index) => [name, values[index]]));
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
