import { describeThrown, describeValue, isRecord } from '../shared/values';
import { authenticate } from './authenticate-notification';
import { parseNotification } from './notification-body';
import {
  type NotificationRequest,
  refuse,
  type VerifyNotificationOptions,
  type VerifyNotificationResult,
} from './notification-types';
import { API_V3_KEY, apiV3KeyBytes, openResource } from './resource-cipher';

/** The body's exact bytes, or undefined for a body of another type. */
function bodyBytes(body: unknown): Buffer | undefined {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

/** The checks in order: request shape, body type, authenticity (401), then content (400). */
function open(request: unknown, options: unknown): VerifyNotificationResult<unknown> {
  if (!isRecord(request) || typeof request.headers !== 'object' || request.headers === null) {
    return refuse(
      400,
      'invalid_request',
      `the request must be { headers, body }; got ${describeValue(request)}${isRecord(request) ? ` with headers ${describeValue(request.headers)}` : ''}.`,
    );
  }
  const bytes = bodyBytes(request.body);
  if (!bytes) {
    return refuse(
      400,
      'malformed_body',
      `request.body must be the raw body, a string or a Uint8Array (Buffer) of the exact bytes received; got ${describeValue(request.body)}. Parse the JSON after verification.`,
    );
  }
  if (!isRecord(options)) {
    return refuse(
      401,
      'invalid_options',
      `the options must be { platformKeys, apiV3Key }; got ${describeValue(options)}.`,
    );
  }
  const refusal = authenticate(request.headers, bytes, options);
  if (refusal) return refusal;
  const parsed = parseNotification(bytes);
  if (typeof parsed === 'string') return refuse(400, 'malformed_body', parsed);
  const key = apiV3KeyBytes(options.apiV3Key);
  if (typeof key === 'string') {
    return refuse(400, 'invalid_options', `options.apiV3Key must be ${API_V3_KEY}; got ${key}.`);
  }
  const { ciphertext, nonce, associated_data: associatedData } = parsed.resource;
  const opened = openResource(key, { ciphertext, nonce, associatedData: associatedData ?? '' });
  if ('problem' in opened) {
    return refuse(
      400,
      'undecryptable_resource',
      `the resource does not decrypt: ${opened.problem}.`,
    );
  }
  const { plaintext } = opened;
  try {
    return { ok: true, notification: parsed, resource: JSON.parse(plaintext) };
  } catch (error) {
    return refuse(
      400,
      'malformed_resource',
      `the decrypted resource is not JSON (${describeThrown(error)}).`,
    );
  }
}

/**
 * Verifies a WeChat Pay v3 notification and decrypts its resource: the `Wechatpay-*` headers,
 * the SHA256withRSA signature over `timestamp\nnonce\nbody\n` (the body's exact bytes) with the
 * platform key that `Wechatpay-Serial` names, the timestamp within `maxSkewSeconds` of now
 * (whole seconds; exactly 300 s off is accepted), then AEAD_AES_256_GCM with the APIv3 key.
 *
 * Never throws, whatever it is given: a refusal carries the HTTP status to answer, a `code`
 * and a `message`. A missing signature header is a verification failure: 401. WeChat Pay's
 * signature probes (a `Wechatpay-Signature` starting with `WECHATPAY/SIGNTEST/`) are refused
 * 401 with the code `signature_probe`, so that a log tells them from a forgery.
 *
 * `Resource` types the decrypted resource: `verifyNotification<Transaction>(…)` for a payment
 * notification (it is not checked against the type; check the fields you rely on).
 *
 * @example
 * const result = verifyNotification<Transaction>({ headers: req.headers, body: rawBody }, { platformKeys, apiV3Key })
 * if (!result.ok) return res.status(result.status).json({ code: 'FAIL', message: result.message })
 */
export function verifyNotification<Resource = unknown>(
  request: NotificationRequest,
  options: VerifyNotificationOptions,
): VerifyNotificationResult<Resource> {
  try {
    return open(request, options) as VerifyNotificationResult<Resource>;
  } catch (error) {
    return refuse(
      400,
      'invalid_request',
      `the request or the options could not be read: ${describeThrown(error)}.`,
    );
  }
}
