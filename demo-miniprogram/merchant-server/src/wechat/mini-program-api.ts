import type { MerchantConfig } from '../config/options';
import type { LoadedKeys } from '../keys/merchant-keys';
import { signVirtualPaymentApi } from '../kit';
import { WeChatPayError } from './wechat-pay';

/** An order as `/xpay/query_order` answers it: `status` 0 init … 2 paid … 5 refunded, 6 closed. */
export interface VirtualOrderAnswer {
  readonly status: number;
  readonly order_fee?: number;
  /** Unix seconds. */
  readonly paid_time?: number;
  readonly wxpay_order_id?: string;
}

/**
 * WeChat's mini program server APIs the merchant calls (api.weixin.qq.com's, at the
 * simulator): the login (`/sns/jscode2session`), the access_token, and the queries of virtual
 * payment and B2b orders, signed `pay_sig = hmac_sha256(AppKey, uri + "&" + body)` by the kit's
 * `signVirtualPaymentApi`. No SDK: these are not WeChat Pay's APIs.
 */
export class MiniProgramApi {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly config: MerchantConfig,
    private readonly keys: LoadedKeys,
  ) {}

  /** `GET /sns/jscode2session`: the openid and session_key of a `wx.login` code. */
  code2Session(code: string): Promise<{ openid: string; session_key: string }> {
    const { appId: appid } = this.config;
    const secret = this.keys.material.appSecret;
    const query = { appid, secret, js_code: code, grant_type: 'authorization_code' };
    return this.call('/sns/jscode2session', query);
  }

  /** `POST /xpay/query_order`: the virtual payment order. */
  async queryVirtualOrder(
    orderId: string,
    openid: string,
    env: 0 | 1,
  ): Promise<VirtualOrderAnswer> {
    const body = { openid, env, order_id: orderId };
    return (await this.signed<{ order: VirtualOrderAnswer }>('/xpay/query_order', body, env)).order;
  }

  /**
   * `POST /retail/B2b/getorder` (the order's fields: `pay_status`, `amount.order_amount`, …) or
   * `/retail/B2b/closeb2border`. B2b's APIs are signed with the production AppKey, whatever
   * the order's env.
   */
  b2b(
    uri: '/retail/B2b/getorder' | '/retail/B2b/closeb2border',
    outTradeNo: string,
  ): Promise<Record<string, unknown>> {
    const body = { mchid: this.config.mchId, out_trade_no: outTradeNo };
    return this.signed(uri, body, 0);
  }

  private async signed<T>(uri: string, json: object, env: 0 | 1): Promise<T> {
    const body = JSON.stringify(json);
    const { paySig } = signVirtualPaymentApi({ uri, body, appKey: this.keys.appKeyOf(env) });
    return this.call(uri, { access_token: await this.accessToken(), pay_sig: paySig }, body);
  }

  /** `GET /cgi-bin/token`, kept until a minute before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const { access_token: value, expires_in: seconds } = await this.call<{
      access_token: string;
      expires_in: number;
    }>('/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: this.config.appId,
      secret: this.keys.material.appSecret,
    });
    this.token = { value, expiresAt: Date.now() + (seconds - 60) * 1000 };
    return value;
  }

  /** GET, or POST with a JSON body; the answer unless it has a non-zero `errcode`. */
  private async call<T>(uri: string, query: Record<string, string>, body?: string): Promise<T> {
    const what = `${body === undefined ? 'GET' : 'POST'} ${uri}`;
    const post = { method: 'POST', body, headers: { 'content-type': 'application/json' } };
    const text = await fetch(`${this.baseUrl}${uri}?${new URLSearchParams(query)}`, {
      signal: AbortSignal.timeout(10_000),
      ...(body === undefined ? {} : post),
    })
      .then((response) => response.text())
      .catch((error: Error) => {
        throw new WeChatPayError('NO_ANSWER', `${what} failed: ${error.message}`);
      });
    let answer: T & { errcode?: number; errmsg?: string };
    try {
      answer = JSON.parse(text);
    } catch {
      throw new WeChatPayError(
        'NOT_JSON',
        `${what} answered what is not JSON: ${text.slice(0, 200)}`,
      );
    }
    if (answer.errcode) {
      const message = `${what} answered errcode ${answer.errcode}: ${answer.errmsg}`;
      throw new WeChatPayError(String(answer.errcode), message);
    }
    return answer;
  }
}
