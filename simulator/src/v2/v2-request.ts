import { isV2SignType, type V2SignType, v2SignatureValid } from '../crypto/v2-sign';
import type { Merchant } from '../merchants/merchant';
import type { MerchantRegistry } from '../merchants/registry';
import { returnFail } from './refusal';
import { V2Fields } from './v2-fields';
import { parseV2Xml } from './xml';

/** An API v2 request whose signature verified. */
export interface V2Request {
  readonly merchant: Merchant;
  readonly fields: V2Fields;
  /** `sign_type`, MD5 when absent: the answer is signed the same way. */
  readonly signType: V2SignType;
  /** The merchant's API v2 key, which signs both ways. */
  readonly key: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and verifies an API v2 request as WeChat Pay does: a non-empty UTF-8 body, flat XML,
 * a registered `mch_id` with an API v2 key, and `sign` (MD5 or HMAC-SHA256 per `sign_type`)
 * over the other non-empty fields with that key. Throws `return_code` FAIL saying what failed.
 */
export function readV2Request(raw: Buffer, merchants: MerchantRegistry): V2Request {
  if (raw.length === 0) {
    throw returnFail('POST_DATA_EMPTY', 'the body is empty; POST the parameters as XML.');
  }
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw returnFail('NOT_UTF8', 'the body is not UTF-8; WeChat Pay takes UTF-8 XML only.');
  }
  const reading = parseV2Xml(text);
  if (!reading.ok) {
    throw returnFail(
      'XML_FORMAT_ERROR',
      `the body is not API v2 XML (<xml><name><![CDATA[value]]></name>…</xml>): ${reading.reason}.`,
    );
  }
  const fields = new V2Fields(reading.fields);
  const mchid = fields.required('mch_id', { maxBytes: 32 });
  const merchant = merchants.find(mchid);
  if (!merchant) {
    throw returnFail(
      'MCHID_NOT_EXIST',
      `merchant ${mchid} is not registered with the simulator; POST /sim/merchants first.`,
    );
  }
  const key = merchant.record.apiV2Key;
  if (key === undefined) {
    throw returnFail(
      'SIGNERROR',
      `merchant ${mchid} registered no apiV2Key; register it again with its API v2 key to use API v2.`,
    );
  }
  const signTypeText = fields.raw('sign_type') ?? 'MD5';
  if (!isV2SignType(signTypeText)) {
    throw returnFail(
      'PARAM_ERROR',
      `sign_type must be MD5 or HMAC-SHA256; got ${JSON.stringify(signTypeText.slice(0, 40))}.`,
    );
  }
  const sign = fields.required('sign', { maxBytes: 64 });
  if (!v2SignatureValid(fields.signed(), sign, key, signTypeText)) {
    throw returnFail(
      'SIGNERROR',
      `sign does not verify with the apiV2Key of merchant ${mchid}: ${signTypeText} (uppercase hex) of the non-empty fields but sign, sorted by name, as name=value joined with &, then &key=<apiV2Key>.`,
    );
  }
  return { merchant, fields, signType: signTypeText, key };
}
