import type { MerchantConfig } from '../config/options';
import type { LoadedKeys } from '../keys/merchant-keys';
import { signVirtualPaymentApi } from '../kit';
import { WeChatPayError } from './wechat-pay';

/** A virtual payment order as `/xpay/query_order` answers it (the fields read here). */
export interface VirtualOrderAnswer {
  /** 0 init, 1 created, 2 paid, 3 delivering, 4 delivered, 5 refunded, 6 closed, 7 refund failed. */
  readonly status: number;
  readonly order_fee?: number;
  /** Unix seconds. */
  readonly paid_time?: number;
  readonly wxpay_order_id?: string;
  readonly openid?: string;
  readonly env_type?: number;
}

/** A B2b order as `/retail/B2b/getorder` answers it (the fields read here). */
export interface B2bOrderAnswer {
  readonly mchid: string;
  readonly out_trade_no: string;
  readonly order_id?: string;
  readonly pay_status: string;
  /** Unix seconds. */
  readonly pay_time?: number;
  readonly payer_openid?: string;
  readonly env?: number;
  readonly amount?: { readonly order_amount?: number };
}

/**
 * WeChat's mini program server APIs the merchant calls (api.weixin.qq.com's, at the
 * simulator): the login (`/sns/jscode2session`), the access_token, and the queries of virtual
 * payment and B2b orders, signed `pay_sig = hmac_sha256(AppKey, uri + "&" + body)` with the
 * kit's `signVirtualPaymentApi`. No SDK here: these are not WeChat Pay's APIs.
 */
export class MiniProgramApi {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly config: MerchantConfig,
    private readonly keys: LoadedKeys,
  ) {}

  /** `GET /sns/jscode2session`: the user's openid and session_key for a `wx.login` code. */
  code2Session(code: string): Promise<{ openid: string; session_key: string }> {
    return this.call('GET', '/sns/jscode2session', {
      appid: this.config.appId,
      secret: this.keys.material.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
  }

  /** `POST /xpay/query_order`; undefined when the platform has no such order. */
  async queryVirtualOrder(outTradeNo: string, openid: string, env: 0 | 1) {
    const body = JSON.stringify({ openid, env, order_id: outTradeNo });
    const answer = await this.signed<{ order?: VirtualOrderAnswer }>(
      '/xpay/query_order',
      body,
      env,
    );
    return answer.order;
  }

  /** `POST /retail/B2b/getorder`; undefined when the platform has no such order. */
  async queryB2bOrder(outTradeNo: string, env: 0 | 1) {
    const body = JSON.stringify({ mchid: this.config.mchId, out_trade_no: outTradeNo });
    const answer = await this.signed<{ order?: B2bOrderAnswer }>('/retail/B2b/getorder', body, env);
    return answer.order;
  }

  private async signed<T>(uri: string, body: string, env: 0 | 1): Promise<T> {
    const { paySig } = signVirtualPaymentApi({ uri, body, appKey: this.keys.appKeyOf(env) });
    const query = { access_token: await this.accessToken(), pay_sig: paySig };
    return this.call('POST', uri, query, body);
  }

  /** `GET /cgi-bin/token`, kept until a minute before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const answer = await this.call<{ access_token: string; expires_in: number }>(
      'GET',
      '/cgi-bin/token',
      {
        grant_type: 'client_credential',
        appid: this.config.appId,
        secret: this.keys.material.appSecret,
      },
    );
    this.token = {
      value: answer.access_token,
      expiresAt: Date.now() + (answer.expires_in - 60) * 1000,
    };
    return answer.access_token;
  }

  private async call<T>(
    method: 'GET' | 'POST',
    uri: string,
    query: Record<string, string>,
    body?: string,
  ): Promise<T> {
    const url = `${this.baseUrl}${uri}?${new URLSearchParams(query)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        signal: AbortSignal.timeout(10_000),
        ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
      });
    } catch (error) {
      throw new WeChatPayError(
        undefined,
        'NO_ANSWER',
        `${method} ${uri} failed: ${(error as Error).message}`,
      );
    }
    const text = await response.text();
    let answer: { errcode?: number; errmsg?: string } & T;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new WeChatPayError(
        response.status,
        'NOT_JSON',
        `${method} ${uri} answered ${response.status}: ${text.slice(0, 200)}`,
      );
    }
    if (!response.ok || (answer.errcode ?? 0) !== 0) {
      const code = String(answer.errcode ?? response.status);
      throw new WeChatPayError(
        response.status,
        code,
        `${method} ${uri} answered errcode ${code}: ${answer.errmsg}`,
      );
    }
    return answer;
  }
}
