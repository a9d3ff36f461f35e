/**
 * WeChat Pay's words for API v2 refusals, by error code (the tables of the v2 docs: unified
 * order, order query, close order).
 */
export const V2_PHRASES = {
  POST_DATA_EMPTY: 'post数据为空',
  NOT_UTF8: '编码格式错误',
  XML_FORMAT_ERROR: 'XML格式错误',
  REQUIRE_POST_METHOD: '请使用post方法',
  LACK_PARAMS: '缺少参数',
  PARAM_ERROR: '参数格式错误',
  MCHID_NOT_EXIST: 'MCHID不存在',
  SIGNERROR: '签名错误',
  APPID_MCHID_NOT_MATCH: 'appid和mch_id不匹配',
  NOAUTH: '商户无此接口权限',
  OUT_TRADE_NO_USED: '商户订单号重复',
  ORDERPAID: '商户订单已支付',
  ORDERCLOSED: '订单已关闭',
  ORDERNOTEXIST: '此交易订单号不存在',
  SYSTEMERROR: '系统错误',
} as const;

export type V2ErrorCode = keyof typeof V2_PHRASES;

/**
 * Where WeChat Pay puts a refusal: `return` is `return_code` FAIL with `return_msg` (the
 * request could not be taken: unreadable, unsigned, malformed; the answer is not signed),
 * `result` is `result_code` FAIL with `err_code` and `err_code_des` in a signed answer (the
 * request was taken and refused).
 */
export type V2Level = 'return' | 'result';

/** A refused API v2 request: thrown below a v2 route, answered in WeChat Pay's shape. */
export class V2Refusal extends Error {
  override readonly name = 'V2Refusal';

  constructor(
    readonly level: V2Level,
    readonly code: V2ErrorCode,
    /** WeChat's phrase, then a sentence saying what was wrong. */
    message: string,
  ) {
    super(message);
  }
}

/** `return_code` FAIL: `<phrase>: <detail>`. */
export function returnFail(code: V2ErrorCode, detail: string): V2Refusal {
  return new V2Refusal('return', code, `${V2_PHRASES[code]}: ${detail}`);
}

/** `result_code` FAIL with `err_code`: `<phrase>: <detail>` as `err_code_des`. */
export function resultFail(code: V2ErrorCode, detail: string): V2Refusal {
  return new V2Refusal('result', code, `${V2_PHRASES[code]}: ${detail}`);
}

export function isV2Refusal(error: unknown): error is V2Refusal {
  return error instanceof V2Refusal;
}
