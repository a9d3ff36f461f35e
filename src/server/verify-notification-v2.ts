import { timingSafeEqual } from 'node:crypto';
import { describeThrown, describeValue, isRecord } from '../shared/values';
import { describeSecret } from './invalid-argument';
import { signV2Params, type V2SignType } from './sign-payment-v2';
import { parseV2Xml, toV2Xml } from './v2-xml';

/** Options of {@link verifyNotificationV2}. */
export interface VerifyNotificationV2Options {
  /** Your API v2 key (API 密钥, 32 characters), which signs v2 notifications. */
  readonly key: string;
  /** How `sign` was made. @default the notification's `sign_type`, else `MD5` */
  readonly signType?: V2SignType;
}

/** Why {@link verifyNotificationV2} refused a notification. 401: authenticity; 400: content. */
export type NotificationV2RefusalCode =
  | 'invalid_request'
  | 'invalid_options'
  | 'malformed_body'
  | 'communication_failure'
  | 'missing_sign'
  | 'unsupported_sign_type'
  | 'bad_signature';

/** What {@link verifyNotificationV2} answers. */
export type VerifyNotificationV2Result =
  | {
      readonly ok: true;
      /** The notification's fields, as strings (`out_trade_no`, `result_code`, `total_fee`, …). */
      readonly notification: Readonly<Record<string, string>>;
      /** The XML to answer (`return_code` SUCCESS), with HTTP 200. */
      readonly answer: string;
    }
  | {
      readonly ok: false;
      /** The HTTP status to answer: 401 for the signature and the key, else 400. */
      readonly status: 400 | 401;
      readonly code: NotificationV2RefusalCode;
      /** A sentence that says what was wrong. */
      readonly message: string;
      /** The XML to answer (`return_code` FAIL, `return_msg` the message): WeChat Pay retries. */
      readonly answer: string;
    };

const OK_ANSWER = toV2Xml({ return_code: 'SUCCESS', return_msg: 'OK' });

function refuse(
  status: 400 | 401,
  code: NotificationV2RefusalCode,
  message: string,
): VerifyNotificationV2Result {
  return {
    ok: false,
    status,
    code,
    message,
    answer: toV2Xml({ return_code: 'FAIL', return_msg: message }),
  };
}

function bodyText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

function open(request: unknown, options: unknown): VerifyNotificationV2Result {
  const text = isRecord(request) ? bodyText(request.body) : undefined;
  if (text === undefined) {
    return refuse(
      400,
      'invalid_request',
      `the request must be { body } with the raw body, a string or a Uint8Array (Buffer); got ${isRecord(request) ? `a body of ${describeValue(request.body)}` : describeValue(request)}.`,
    );
  }
  if (!isRecord(options) || typeof options.key !== 'string' || options.key === '') {
    return refuse(
      401,
      'invalid_options',
      `options.key must be your API v2 key, a non-empty string; got ${describeSecret(isRecord(options) ? options.key : options)}.`,
    );
  }
  const fields = parseV2Xml(text);
  if (typeof fields === 'string') return refuse(400, 'malformed_body', `${fields}.`);
  if (fields.return_code !== 'SUCCESS') {
    return refuse(
      400,
      'communication_failure',
      `return_code is ${describeValue(fields.return_code)}, not SUCCESS (return_msg ${describeValue(fields.return_msg)}): the notification carries no result.`,
    );
  }
  const signType = options.signType ?? fields.sign_type ?? 'MD5';
  if (signType !== 'MD5' && signType !== 'HMAC-SHA256') {
    return refuse(
      400,
      'unsupported_sign_type',
      `the sign type must be MD5 or HMAC-SHA256; got ${describeValue(signType)}.`,
    );
  }
  if (!fields.sign) return refuse(401, 'missing_sign', 'the notification has no sign field.');
  const expected = Buffer.from(signV2Params(fields, { key: options.key, signType }));
  const received = Buffer.from(fields.sign.toUpperCase());
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    return refuse(
      401,
      'bad_signature',
      `sign does not verify as ${signType} with your API v2 key over the notification's non-empty fields.`,
    );
  }
  return { ok: true, notification: fields, answer: OK_ANSWER };
}

/**
 * Verifies a WeChat Pay API v2 payment notification (XML; WeChat Pay Global's institution
 * mode): parses it, checks `return_code`, then verifies `sign` (uppercase MD5 or HMAC-SHA256 of
 * the sorted non-empty fields and `&key=<your v2 key>`). `result_code` is yours to read: FAIL
 * is a payment that failed, in a genuine notification.
 *
 * Never throws, whatever it is given: answers the fields, or a refusal with its status, code
 * and message; both carry the XML to answer WeChat Pay with.
 *
 * @example
 * const result = verifyNotificationV2({ body: rawBody }, { key: process.env.WECHATPAY_V2_KEY })
 * if (result.ok && result.notification.result_code === 'SUCCESS') markPaid(result.notification.out_trade_no)
 * res.status(result.ok ? 200 : result.status).type('text/xml').send(result.answer)
 */
export function verifyNotificationV2(
  request: { readonly body: string | Uint8Array },
  options: VerifyNotificationV2Options,
): VerifyNotificationV2Result {
  try {
    return open(request, options);
  } catch (error) {
    return refuse(
      400,
      'invalid_request',
      `the request or the options could not be read: ${describeThrown(error)}.`,
    );
  }
}
