import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MockBackendKeys } from '../../../demo-miniprogram/mock-backend/src/keys/key-material';
import { loadKeys } from '../../../demo-miniprogram/mock-backend/src/keys/load-keys';
import { generateKeys } from '../../../demo-miniprogram/mock-backend/src/keys/resolve-keys';
import { writeFileAtomic } from '../../../demo-miniprogram/mock-backend/src/storage/atomic-file';

const CACHE_FILE = path.join(os.tmpdir(), 'miniprogram-pay-mock-backend-test-keys-v2.json');

let cached: Promise<MockBackendKeys> | undefined;

/**
 * A key set generated once and cached in the OS temp directory, so that test files do not
 * each pay for RSA key generation. Throwaway test keys only.
 */
export function testKeys(): Promise<MockBackendKeys> {
  cached ??= readOrGenerate();
  return cached;
}

async function readOrGenerate(): Promise<MockBackendKeys> {
  try {
    const keys = JSON.parse(await fs.readFile(CACHE_FILE, 'utf8')) as MockBackendKeys;
    loadKeys(keys);
    return keys;
  } catch {
    const keys = await generateKeys();
    await writeFileAtomic(CACHE_FILE, JSON.stringify(keys));
    return keys;
  }
}
