import { Wechatpay } from 'wechatpay-axios-plugin';
import type { MerchantConfig } from '../config/options';
import type { LoadedKeys } from '../keys/merchant-keys';
import type { Refund, Transaction, TransferBill } from '../kit';
import type { PlatformKeys } from './registration';

/** A call to WeChat Pay that did not answer what was asked, in words for a log. */
export class WeChatPayError extends Error {
  override readonly name = 'WeChatPayError';

  constructor(
    /** The HTTP status WeChat Pay answered; undefined when it did not answer (or not verifiably). */
    readonly status: number | undefined,
    /** WeChat Pay's `code` (`ORDER_NOT_EXIST`, …), v2's `err_code`, or the SDK's refusal. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How long a call to WeChat Pay may take: the active query's time limit too. */
const TIMEOUT_MS = 10_000;

/**
 * The merchant's calls to WeChat Pay, every one through wechatpay-axios-plugin: v3 requests
 * signed with the merchant's key, each answer verified with the platform keys the registration
 * gave (certificate and public key: WeChat Pay may answer with either); v2 requests signed with
 * the v2 key, each answer's `sign` verified.
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
      timeout: TIMEOUT_MS,
    });
  }

  /** `POST /v3/pay/transactions/jsapi`: the prepay_id. */
  async createJsapiOrder(order: Record<string, unknown>): Promise<string> {
    const answer = await this.call<{ prepay_id: string }>(
      'post',
      'v3/pay/transactions/jsapi',
      order,
    );
    return answer.prepay_id;
  }

  /** `GET /v3/pay/transactions/out-trade-no/{no}`; undefined when WeChat Pay has no such order. */
  queryOrder(outTradeNo: string): Promise<Transaction | undefined> {
    return this.unlessMissing(
      this.call<Transaction>('get', `v3/pay/transactions/out-trade-no/${outTradeNo}`, undefined, {
        mchid: this.config.mchId,
      }),
    );
  }

  /** `POST /v3/pay/transactions/out-trade-no/{no}/close` (204). */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('post', `v3/pay/transactions/out-trade-no/${outTradeNo}/close`, {
      mchid: this.config.mchId,
    });
  }

  /** `POST /v3/refund/domestic/refunds`. */
  refund(request: Record<string, unknown>): Promise<Refund> {
    return this.call<Refund>('post', 'v3/refund/domestic/refunds', request);
  }

  /** `POST /v3/fund-app/mch-transfer/transfer-bills`. */
  createTransferBill(request: Record<string, unknown>): Promise<TransferBill> {
    return this.call<TransferBill>('post', 'v3/fund-app/mch-transfer/transfer-bills', request);
  }

  /** `GET …/transfer-bills/out-bill-no/{no}`; undefined when there is no such bill. */
  queryTransferBill(outBillNo: string): Promise<TransferBill | undefined> {
    return this.unlessMissing(
      this.call<TransferBill>(
        'get',
        `v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${outBillNo}`,
      ),
    );
  }

  /** `POST …/transfer-bills/out-bill-no/{no}/cancel`: the bill, CANCELING or CANCELLED. */
  cancelTransferBill(outBillNo: string): Promise<TransferBill> {
    return this.call<TransferBill>(
      'post',
      `v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${outBillNo}/cancel`,
      {},
    );
  }

  /**
   * An API v2 call (`pay/unifiedorder`, `pay/orderquery`, `pay/closeorder`): `mch_id`,
   * `nonce_str` and `sign` are added; the answer's fields once its `sign` verifies.
   */
  v2(path: string, fields: Record<string, string>): Promise<Record<string, string>> {
    return this.call<Record<string, string>>('post', `v2/${path}`, {
      appid: this.config.appId,
      mch_id: this.config.mchId,
      ...fields,
    });
  }

  private async call<T>(
    method: 'get' | 'post',
    path: string,
    body?: unknown,
    query?: Record<string, string>,
  ): Promise<T> {
    const chained = this.sdk.chain(path);
    const config = query ? { params: query } : {};
    try {
      const response =
        method === 'get' ? await chained.get(config) : await chained.post(body, config);
      return response.data as T;
    } catch (error) {
      throw asWeChatPayError(error, `${method.toUpperCase()} /${path.replace(/^v2\//, '')}`);
    }
  }

  private async unlessMissing<T>(call: Promise<T>): Promise<T | undefined> {
    try {
      return await call;
    } catch (error) {
      const code = (error as WeChatPayError).code;
      if (['ORDER_NOT_EXIST', 'RESOURCE_NOT_EXISTS', 'NOT_FOUND', 'ORDERNOTEXIST'].includes(code))
        return undefined;
      throw error;
    }
  }
}

/** What the SDK threw (a refusal by WeChat Pay, an answer that does not verify, no answer). */
function asWeChatPayError(error: unknown, call: string): WeChatPayError {
  const { response, code, message } = error as {
    response?: { status: number; data?: Record<string, unknown> };
    code?: string;
    message?: string;
  };
  const data = response?.data;
  const weChatCode = data?.code ?? data?.err_code ?? data?.return_code ?? code ?? 'NO_ANSWER';
  const said = data?.message ?? data?.err_code_des ?? data?.return_msg ?? message;
  return new WeChatPayError(
    response?.status,
    String(weChatCode),
    `${call} failed: ${response ? `WeChat Pay answered ${response.status} ` : ''}${String(weChatCode)}: ${String(said)}`,
  );
}
