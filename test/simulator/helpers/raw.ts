import { randomBytes, sign } from 'node:crypto';
import type { Simulator } from '../../../simulator/src/server';
import { merchantKeys } from './keys';
import { MERCHANT_SERIAL } from './simulator';

/** A request signed by hand, for what an SDK would never send. */
export interface RawRequest {
  readonly mchid: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  /** @default 'application/json' when there is a body */
  readonly contentType?: string;
  /** Unix seconds. @default now */
  readonly timestamp?: number;
  /** Which merchant key pair signs. @default 0 */
  readonly keyIndex?: number;
  /** Replaces the whole Authorization header. */
  readonly authorization?: string;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

/** Sends `request` with an Authorization made as the v3 rules say (unless it gives one). */
export async function rawRequest(simulator: Simulator, request: RawRequest): Promise<RawAnswer> {
  const body = request.body ?? '';
  const timestamp = String(request.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const message = `${request.method}\n${request.path}\n${timestamp}\n${nonce}\n${body}\n`;
  const signature = sign(
    'sha256',
    Buffer.from(message),
    merchantKeys(request.keyIndex ?? 0).privateKey,
  ).toString('base64');
  const authorization =
    request.authorization ??
    `WECHATPAY2-SHA256-RSA2048 mchid="${request.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${MERCHANT_SERIAL}"`;
  const headers: Record<string, string> = { authorization, accept: 'application/json' };
  if (request.body !== undefined)
    headers['content-type'] = request.contentType ?? 'application/json';
  const response = await fetch(`${simulator.url}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
