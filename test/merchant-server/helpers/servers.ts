import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  type MerchantServer,
  type MerchantServerOptions,
  startMerchantServer,
} from '../../../demo-miniprogram/merchant-server/src/server';
import { type Simulator, startSimulator } from '../../../simulator/src/server';

const FIXTURES = path.join(__dirname, '../../fixtures/server');

/** The merchant's test keys: fixed, so that no test pays for RSA key generation. */
export const TEST_KEYS = {
  // WeChat Pay's documentation key (merchant 1900007291), a published test key.
  merchantPrivateKeyPem: readFileSync(
    path.join(FIXTURES, '../vectors/wechatpay-doc-test-key.pem'),
    'utf8',
  ),
  apiV3Key: 'ApiV3KeyOfTheDemoMerchant0123456',
  v2ApiKey: 'ApiV2KeyOfTheDemoMerchant0123456',
  virtualAppKeyProduction: 'AppKeyProductionOfTheDemo0123456',
  virtualAppKeySandbox: 'AppKeySandboxOfTheDemoMerchant01',
  messagePushToken: 'MessagePushTokenOfTheDemo0123456',
  appSecret: 'AppSecretOfTheDemoMiniProgram012',
};

/** A simulator on a free port, with the fixture platform keys (no key generation). */
export function startTestSimulator(): Promise<Simulator> {
  return startSimulator({
    platformKeys: {
      certificatePrivateKey: readFileSync(path.join(FIXTURES, 'platform-cert-key.pem'), 'utf8'),
      publicKeyPrivateKey: readFileSync(path.join(FIXTURES, 'wechatpay-public-key-private.pem'), 'utf8'),
    },
  });
}

/** The merchant server against `simulator`, in memory, with the test keys. */
export function startTestMerchant(
  simulator: { url: string },
  options: MerchantServerOptions = {},
): Promise<MerchantServer> {
  return startMerchantServer({ simulatorUrl: simulator.url, keys: TEST_KEYS, ...options });
}
