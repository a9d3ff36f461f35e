import { createCipheriv, createPublicKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(__dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');

/** WeChat Pay's documentation key (merchant 1900007291): the published v3 vector's signer. */
export const DOC_PRIVATE_KEY = read('vectors/wechatpay-doc-test-key.pem');
export const DOC_PUBLIC_KEY = createPublicKey(DOC_PRIVATE_KEY);

/** A platform certificate and its key. */
export const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
export const CERT_PEM = read('server/platform-cert.pem');
export const CERT_PRIVATE_KEY = read('server/platform-cert-key.pem');

/** A WeChat Pay public key (SPKI PEM) and its key. */
export const PUB_KEY_ID = 'PUB_KEY_ID_0114232024052300000011112222';
export const PUB_KEY_PEM = read('server/wechatpay-public-key.pem');
export const PUB_KEY_PRIVATE_KEY = read('server/wechatpay-public-key-private.pem');

export const API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';

/** Both kinds at once, as during WeChat Pay's migration to the public key. */
export const PLATFORM_KEYS = { [CERT_SERIAL]: CERT_PEM, [PUB_KEY_ID]: PUB_KEY_PEM };

export const TRANSACTION = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  out_trade_no: 'MP20240101120000000001',
  transaction_id: '1217752501201407033233368018',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  attach: '',
  success_time: '2018-06-08T10:34:56+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
};

/**
 * A notification built with node:crypto alone (not with the kit), as WeChat Pay sends it:
 * body with the AES-256-GCM resource, headers signed over `timestamp\nnonce\nbody\n`.
 */
export function rawNotification(
  options: {
    timestamp?: number;
    serial?: string;
    privateKey?: string;
    apiV3Key?: string;
    plaintext?: string;
    nonce?: string;
    associatedData?: string;
    body?: (resource: Record<string, string>) => unknown;
  } = {},
): { headers: Record<string, string>; body: string } {
  const {
    timestamp = Math.floor(Date.now() / 1000),
    serial = PUB_KEY_ID,
    privateKey = PUB_KEY_PRIVATE_KEY,
    apiV3Key = API_V3_KEY,
    plaintext = JSON.stringify(TRANSACTION),
    nonce = 'fdasflkja484',
    associatedData = 'transaction',
  } = options;
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  const sealed = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const resource = {
    original_type: 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
  const notification = options.body
    ? options.body(resource)
    : {
        id: 'EV-2018022511223320873',
        create_time: '2015-05-20T13:29:35+08:00',
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource,
      };
  const body = JSON.stringify(notification);
  const headerNonce = 'Bmri7Pn4v7oWUf4PnBHkt7fTFL3kavo8';
  const message = `${timestamp}\n${headerNonce}\n${body}\n`;
  return {
    body,
    headers: {
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': headerNonce,
      'Wechatpay-Signature': sign('sha256', Buffer.from(message), privateKey).toString('base64'),
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    },
  };
}
