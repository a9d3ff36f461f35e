import { WxApiError } from '../mini-program/wx-api-error';

/** The errcodes of virtual payment's server APIs (`/xpay/...`) the simulator answers. */
export const XPAY_ERRORS = {
  /** The words seen in the wild for a missing pay_sig. */
  paySigMissing: () =>
    new WxApiError(
      268490003,
      '签名字段[pay_sig]为空',
      'send ?pay_sig=hmac_sha256(AppKey of env, uri + "&" + body)',
    ),
  /** Seen in the wild. */
  paySigInvalid: (hint: string) => new WxApiError(268490003, '支付签名(pay_sig)校验失败', hint),
  /** Seen in the wild. */
  notFound: (hint: string) => new WxApiError(268490002, '数据不存在', hint),
  repeated: (hint: string) => new WxApiError(268490004, '重复操作', hint),
  leftFeeMismatch: (hint: string) =>
    new WxApiError(268490016, '退款的left_fee字段与实际不符', hint),
};
