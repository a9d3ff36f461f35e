import { Formatter, Hash, Transformer, Wechatpay } from 'wechatpay-axios-plugin';
import type { Simulator } from '../../../simulator/src/server';
import { merchantKeys } from './keys';
import { API_V2_KEY, MERCHANT_SERIAL, type TestMerchant } from './simulator';

/** The institution's sub-merchant and its mini program (WeChat Pay Global, institution mode). */
export const SUB_MCHID = '1900000391';
export const SUB_APPID = 'wx1111111111111111';
export const SUB_OPENID = 'oSubMiniProgramUserOpenid0000001';

export type V2SignType = 'MD5' | 'HMAC-SHA256';

/** The merchant's SDK (wechatpay-axios-plugin) with an API v2 key, pointed at the simulator. */
export function v2Client(
  simulator: Simulator,
  merchant: TestMerchant,
  secret = API_V2_KEY,
): Wechatpay {
  return new Wechatpay({
    mchid: merchant.mchid,
    serial: MERCHANT_SERIAL,
    privateKey: merchantKeys(0).privateKeyPem,
    certs: { [merchant.registered.publicKey.id]: merchant.registered.publicKey.pem },
    secret,
    baseURL: `${simulator.url}/`,
  });
}

/**
 * `POST /pay/<api>` through the SDK, which signs the XML and verifies the answer's sign; a
 * FAIL answer throws, its fields on `error.response.data`.
 */
export async function v2Post(
  wxpay: Wechatpay,
  api: 'unifiedorder' | 'orderquery' | 'closeorder',
  data: Record<string, unknown>,
): Promise<Record<string, string>> {
  const response = (await wxpay.chain(`v2/pay/${api}`).post(data)) as {
    data: Record<string, string>;
  };
  return response.data;
}

/** The fields of a FAIL answer the SDK threw. */
export async function v2Refusal(request: Promise<unknown>): Promise<Record<string, string>> {
  const error = await request.then(
    () => {
      throw new Error('the request was expected to be refused');
    },
    (thrown: { response?: { data?: Record<string, string> } }) => thrown,
  );
  const data = error.response?.data;
  if (!data) throw new Error(`the refusal carries no answer: ${String(error)}`);
  return data;
}

/** What the mini program passes to wx.requestPayment for an API v2 order (signed by the server). */
export function v2PaymentParams(prepayId: string, signType: V2SignType, key = API_V2_KEY) {
  const fields = {
    appId: SUB_APPID,
    timeStamp: `${Formatter.timestamp()}`,
    nonceStr: Formatter.nonce(),
    package: `prepay_id=${prepayId}`,
    signType,
  };
  return { ...fields, paySign: Hash.sign(signType, fields, key) };
}

/**
 * The fields of an API v2 XML document whose `sign` verifies with `key` (the SDK's own
 * helpers: Transformer to read, Hash to sign); throws otherwise.
 */
export function verifiedV2Xml(xml: string, key = API_V2_KEY): Record<string, string> {
  const fields = Transformer.toObject(xml) as Record<string, string>;
  const signType = fields.sign_type === 'HMAC-SHA256' ? Hash.ALGO_HMAC_SHA256 : Hash.ALGO_MD5;
  const expected = Hash.sign(signType, fields, key);
  if (!Hash.equals(expected, fields.sign)) {
    throw new Error(`sign ${fields.sign} does not verify (${signType} gives ${expected})`);
  }
  return fields;
}

/** The fields of an API v2 XML document, as the SDK reads them. */
export function xmlFields(xml: string): Record<string, string> {
  return Transformer.toObject(xml) as Record<string, string>;
}

/** A body POSTed as it is, for what an SDK would never send; answers the raw text. */
export async function rawV2(
  simulator: Simulator,
  path: string,
  body?: string | Uint8Array<ArrayBuffer>,
  method: 'POST' | 'GET' = 'POST',
): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: { 'content-type': 'text/xml' },
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}
