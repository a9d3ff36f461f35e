/** The five parameters of `Authorization: WECHATPAY2-SHA256-RSA2048 …`. */
export interface AuthorizationParams {
  readonly mchid: string;
  readonly nonce_str: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly serial_no: string;
}

export const AUTHORIZATION_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const NAMES = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;
const PARAM = /^\s*([a-z_]+)="([^"]*)"\s*$/;

/**
 * Reads the header: the scheme, then `name="value"` pairs separated by commas, in any order.
 * Answers the parameters, or a sentence saying what is wrong.
 */
export function parseAuthorization(header: string | undefined): AuthorizationParams | string {
  if (header === undefined || header.trim() === '') {
    return `The Authorization header is missing; sign the request (${AUTHORIZATION_SCHEME} mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…").`;
  }
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  if (scheme !== AUTHORIZATION_SCHEME) {
    return `The Authorization scheme must be ${AUTHORIZATION_SCHEME}; got ${JSON.stringify(scheme.slice(0, 40))}.`;
  }
  const params: Record<string, string> = {};
  for (const part of header.slice(space + 1).split(',')) {
    const match = PARAM.exec(part);
    if (!match?.[1] || match[2] === undefined) {
      return `The Authorization parameters must be name="value" pairs separated by commas; ${JSON.stringify(part.trim().slice(0, 40))} is not one.`;
    }
    if (params[match[1]] !== undefined) return `Authorization names ${match[1]} twice.`;
    params[match[1]] = match[2];
  }
  const missing = NAMES.filter((name) => !params[name]);
  if (missing.length > 0) return `Authorization lacks ${missing.join(', ')}.`;
  return params as unknown as AuthorizationParams;
}
