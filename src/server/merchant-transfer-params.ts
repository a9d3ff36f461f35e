import { isRecord } from '../shared/values';
import { invalidArgument } from './invalid-argument';
import { optionsOf, requireToken } from './sign-fields';
import type { TransferBill } from './wechatpay-resources';

/** Options of {@link merchantTransferParams}. */
export interface MerchantTransferParamsOptions {
  /** Your merchant id (for a service provider: its own). */
  readonly mchId: string;
  /** The AppID the user's openId belongs to. Required but for a service provider with subAppId. */
  readonly appId?: string;
  /** A service provider's sub-merchant id. @default none */
  readonly subMchId?: string;
  /** A service provider's sub-merchant AppID. @default none */
  readonly subAppId?: string;
  /** The receiving user's openId under `appId`. @default none */
  readonly openId?: string;
  /** The bill WeChat Pay answered for the transfer. */
  readonly bill: TransferBill;
}

/** What `wx.requestMerchantTransfer` receives (and `PreparedOrder.params` of a `transfer` order). */
export interface MerchantTransferParams {
  readonly mchId: string;
  readonly package: string;
  readonly appId?: string;
  readonly subMchId?: string;
  readonly subAppId?: string;
  readonly openId?: string;
}

/**
 * The parameters of `wx.requestMerchantTransfer` for a transfer bill: `package` is the bill's
 * `package_info`. Nothing is signed here (WeChat Pay signed the package). Throws a TypeError
 * when the bill is not waiting for the user's confirmation (then the client has nothing to
 * open: the transfer is done, failed or cancelled) or an argument is missing.
 *
 * @example
 * const bill = await wechatPay.post('/v3/fund-app/mch-transfer/transfer-bills', { ... })
 * res.json({ orderId: outBillNo, kind: 'transfer', params: merchantTransferParams({ mchId, appId, openId, bill }) })
 */
export function merchantTransferParams(
  options: MerchantTransferParamsOptions,
): MerchantTransferParams {
  const api = 'merchantTransferParams';
  const input = optionsOf(api, options, '{ mchId, appId, bill }');
  const mchId = requireToken(api, 'mchId', input.mchId, 'your merchant id');
  const provider = input.subMchId !== undefined;
  const optional = (name: 'appId' | 'subMchId' | 'subAppId' | 'openId', what: string) =>
    input[name] === undefined ? undefined : requireToken(api, name, input[name], what);
  const appId = optional('appId', 'the AppID the openId belongs to');
  const subMchId = optional('subMchId', "the sub-merchant's id");
  const subAppId = optional('subAppId', "the sub-merchant's AppID");
  const openId = optional('openId', "the receiving user's openId");
  if (!appId && !(provider && subAppId)) {
    invalidArgument(
      api,
      'appId',
      'your AppID (a service provider may give subMchId and subAppId instead)',
      input.appId,
    );
  }
  const { bill } = input;
  if (!isRecord(bill))
    invalidArgument(api, 'bill', "WeChat Pay's answer for the transfer bill", bill);
  if (bill.state !== 'WAIT_USER_CONFIRM') {
    invalidArgument(
      api,
      'bill.state',
      'WAIT_USER_CONFIRM: only a bill waiting for the user has a package the client can open',
      bill.state,
    );
  }
  const pkg = requireToken(api, 'bill.package_info', bill.package_info, "the bill's package_info");
  const params: Record<string, string> = { mchId, package: pkg };
  for (const [name, value] of Object.entries({ appId, subMchId, subAppId, openId })) {
    if (value !== undefined) params[name] = value;
  }
  return params as unknown as MerchantTransferParams;
}
