import { verifySha256WithRsa } from '../crypto/rsa';
import { signError } from '../errors/wechat-error';
import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import { parseAuthorization } from './authorization';

/** A request as it arrived: the path with its query exactly as sent, and the body's bytes. */
export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: Buffer;
}

/** WeChat Pay refuses a timestamp more than this far from its clock (exactly 300 s passes). */
export const MAX_SKEW_SECONDS = 300;

/**
 * Verifies `Authorization` as WeChat Pay does: the merchant is registered, `serial_no` is its
 * certificate's, the timestamp within 5 minutes of the wall clock, and the signature
 * SHA256withRSA by the merchant's key over `method\nurl\ntimestamp\nnonce\nbody\n`. Answers
 * the merchant; throws 401 SIGN_ERROR saying what failed.
 */
export function verifyRequest(
  request: SignedRequest,
  registry: MerchantRegistry,
  wallNowMs: number,
): Merchant {
  const params = parseAuthorization(request.authorization);
  if (typeof params === 'string') throw signError(params);
  const merchant = registry.find(params.mchid);
  if (!merchant) {
    throw signError(
      `Merchant ${params.mchid} is not registered with the simulator; POST /sim/merchants first.`,
    );
  }
  if (params.serial_no.toUpperCase() !== merchant.record.merchantSerial.toUpperCase()) {
    throw signError(
      `serial_no ${params.serial_no} is not the serial of merchant ${params.mchid}'s certificate (${merchant.record.merchantSerial}); sign with the key of that certificate and send its serial.`,
    );
  }
  if (!/^[0-9]{1,12}$/.test(params.timestamp)) {
    throw signError(`timestamp must be Unix seconds; got ${JSON.stringify(params.timestamp)}.`);
  }
  const skew = Math.abs(Math.floor(wallNowMs / 1000) - Number(params.timestamp));
  if (skew > MAX_SKEW_SECONDS) {
    throw signError(
      `timestamp ${params.timestamp} is ${skew} s from the simulator's clock; WeChat Pay allows ${MAX_SKEW_SECONDS} s. Check the merchant server's clock.`,
    );
  }
  const message = Buffer.concat([
    Buffer.from(`${request.method}\n${request.url}\n${params.timestamp}\n${params.nonce_str}\n`),
    request.body,
    Buffer.from('\n'),
  ]);
  if (!verifySha256WithRsa(message, params.signature, merchant.publicKey)) {
    throw signError(
      `The signature does not verify with merchant ${params.mchid}'s public key over "${request.method}\\n${request.url}\\n${params.timestamp}\\n${params.nonce_str}\\n<body of ${request.body.length} bytes>\\n".`,
    );
  }
  return merchant;
}
