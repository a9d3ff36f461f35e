import { randomBytes } from 'node:crypto';

/**
 * A refusal as the mini program's server APIs (api.weixin.qq.com) answer it: HTTP 200 with
 * `{ errcode, errmsg }`, the errmsg WeChat's words, then `hint: [...]` saying what the simulator
 * found wrong, then ` rid: …` as WeChat ends every errmsg.
 */
export class WxApiError extends Error {
  override readonly name = 'WxApiError';

  constructor(
    readonly errcode: number,
    readonly words: string,
    readonly hint?: string,
  ) {
    super(hint === undefined ? words : `${words}, hint: [${hint}]`);
  }

  body(wallNowMs: number): { errcode: number; errmsg: string } {
    return { errcode: this.errcode, errmsg: `${this.message} rid: ${ridOf(wallNowMs)}` };
  }
}

export function isWxApiError(error: unknown): error is WxApiError {
  return error instanceof WxApiError;
}

/** `6538c45b-2eadd112-6b8a9976`: the time in hex, then random, like WeChat's request ids. */
function ridOf(wallNowMs: number): string {
  const random = randomBytes(8).toString('hex');
  return `${Math.floor(wallNowMs / 1000).toString(16)}-${random.slice(0, 8)}-${random.slice(8)}`;
}

/** The errcodes of WeChat's general server API errors the simulator answers. */
export const WX_ERRORS = {
  /** -1, 系统繁忙: a bug in the simulator. */
  systemError: () =>
    new WxApiError(-1, 'system error', 'the simulator failed; this is a bug in it'),
  invalidCredential: (hint: string) =>
    new WxApiError(40001, 'invalid credential, access_token is invalid or not latest', hint),
  accessTokenMissing: () =>
    new WxApiError(41001, 'access_token missing', 'send ?access_token= from /cgi-bin/token'),
  accessTokenExpired: () =>
    new WxApiError(42001, 'access_token expired', 'get a new one from /cgi-bin/token'),
  dataFormatError: (hint: string) => new WxApiError(47001, 'data format error', hint),
  invalidArgs: (hint: string) => new WxApiError(40097, 'invalid args', hint),
  apiUnauthorized: (hint: string) => new WxApiError(48001, 'api unauthorized', hint),
};
