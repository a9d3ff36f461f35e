import { Wechatpay } from 'wechatpay-axios-plugin';
import type { MerchantConfig } from '../config/options';
import type { LoadedKeys } from '../keys/merchant-keys';
import { type PlatformKeys, SUB_MCH_ID } from './registration';

/** A call to WeChat that did not answer what was asked, in words for a log. */
export class WeChatPayError extends Error {
  override readonly name = 'WeChatPayError';

  constructor(
    /** WeChat's `code` (`ORDER_NOT_EXIST`, v2's `err_code`, an errcode), or the SDK's refusal. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND = ['ORDER_NOT_EXIST', 'RESOURCE_NOT_EXISTS', 'NOT_FOUND', 'ORDERNOTEXIST'];

/**
 * The merchant's calls to WeChat Pay, every one through wechatpay-axios-plugin: v3 requests
 * signed with the merchant's key and each answer verified with the platform keys the
 * registration gave (certificate and public key: WeChat Pay may answer with either); v2
 * requests signed with the v2 key and each answer's `sign` verified. 10 s at most each.
 */
export class WeChatPay {
  private readonly sdk: Wechatpay;

  constructor(
    baseUrl: string,
    private readonly config: MerchantConfig,
    keys: LoadedKeys,
    platform: PlatformKeys,
  ) {
    this.sdk = new Wechatpay({
      mchid: config.mchId,
      serial: keys.merchantSerial,
      privateKey: keys.material.merchantPrivateKeyPem,
      certs: {
        [platform.certificate.serial]: platform.certificate.pem,
        [platform.publicKey.id]: platform.publicKey.pem,
      },
      secret: keys.material.v2ApiKey,
      baseURL: `${baseUrl}/`,
      timeout: 10_000,
    });
  }

  /** An API v3 call, e.g. `v3('POST', '/v3/pay/transactions/jsapi', order)`: the answer's JSON. */
  v3<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    return this.call(method, path.slice(1), body);
  }

  /** An API v3 query; undefined when WeChat Pay has no such order or bill. */
  find<T>(path: string): Promise<T | undefined> {
    return unlessMissing(this.v3<T>('GET', path));
  }

  /**
   * An API v2 call of the institution (`/pay/unifiedorder`, `/pay/orderquery`,
   * `/pay/closeorder`) for its sub-merchant: the ids added, `nonce_str` and `sign` by the SDK;
   * the answer's fields once its `sign` verifies. `/pay/orderquery` answers undefined when
   * WeChat Pay has no such order.
   */
  v2(path: string, fields: Record<string, string>): Promise<Record<string, string> | undefined> {
    const { appId, mchId } = this.config;
    const ids = { appid: appId, mch_id: mchId, sub_mch_id: SUB_MCH_ID, sub_appid: appId };
    const call = this.call<Record<string, string>>('POST', `v2${path}`, { ...ids, ...fields });
    return path === '/pay/orderquery' ? unlessMissing(call) : call;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const chained = this.sdk.chain(path);
    try {
      return (method === 'GET' ? await chained.get() : await chained.post(body)).data as T;
    } catch (error) {
      // A refusal by WeChat Pay (v3 `code`, v2 `err_code`), an answer that does not verify, none.
      const { response, code, message } = error as {
        response?: { status: number; data?: Record<string, unknown> };
        code?: string;
        message?: string;
      };
      const data = response?.data ?? {};
      const weChatCode = String(
        data.code ?? data.err_code ?? data.return_code ?? code ?? 'NO_ANSWER',
      );
      const said = data.message ?? data.err_code_des ?? data.return_msg ?? message;
      const status = response ? `WeChat Pay answered ${response.status} ` : '';
      const what = `${method} /${path.replace(/^v2\//, '')}`;
      throw new WeChatPayError(
        weChatCode,
        `${what} failed: ${status}${weChatCode}: ${String(said)}`,
      );
    }
  }
}

/** What `call` answers; undefined when WeChat refuses it with a code that says `missing`. */
export async function unlessMissing<T>(
  call: Promise<T>,
  missing = (code: string) => NOT_FOUND.includes(code),
): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof WeChatPayError && missing(error.code)) return undefined;
    throw error;
  }
}
