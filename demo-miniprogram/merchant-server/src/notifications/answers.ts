import type { Outcome } from '../orders/apply-report';

/** What to answer a notification: the HTTP status, the body and its type. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly type?: string;
}

export type Protocol = 'v3' | 'v2' | 'virtual' | 'b2b';
/** What a notification route hands its handler: the body as the exact bytes received. */
export interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly query: Record<string, string>;
  readonly body: Buffer;
}

type Fail = (status: number, code: string, message: string) => Answer;

/** The protocols WeChat's senders speak: how each is acknowledged, and how refused (it retries). */
export const PROTOCOLS: Readonly<Record<Protocol, { readonly ok: Answer; readonly fail: Fail }>> = {
  /** WeChat Pay API v3: 204; `{ code: 'FAIL', message }`. */
  v3: {
    ok: { status: 204 },
    fail: (status, _, message) => ({ status, body: { code: 'FAIL', message } }),
  },
  /** WeChat Pay API v2: `<xml><return_code>SUCCESS|FAIL</return_code><return_msg>…`. */
  v2: {
    ok: { status: 200, type: 'text/xml', body: v2Xml('SUCCESS', 'OK') },
    fail: (status, _, message) => ({ status, type: 'text/xml', body: v2Xml('FAIL', message) }),
  },
  /** Virtual payment's pushes: `{ ErrCode: 0, ErrMsg: 'success' }`; `{ ErrCode: -1, ErrMsg }`. */
  virtual: {
    ok: { status: 200, body: { ErrCode: 0, ErrMsg: 'success' } },
    fail: (status, _, message) => ({ status, body: { ErrCode: -1, ErrMsg: message } }),
  },
  /** The message push: `success` (text); it has no refusal of its own: `{ error }`. */
  b2b: {
    ok: { status: 200, type: 'text/plain', body: 'success' },
    fail: (status, code, message) => ({ status, body: { error: { code, message } } }),
  },
};

/** A report's outcome, answered in `protocol`: a rejected one is refused, anything else taken. */
export function answerOutcome(protocol: Protocol, outcome: Outcome): Answer {
  const { ok, fail } = PROTOCOLS[protocol];
  return outcome.kind === 'rejected' ? fail(outcome.status, 'PUSH_REJECTED', outcome.message) : ok;
}

function v2Xml(returnCode: string, message: string): string {
  const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  return `<xml><return_code>${cdata(returnCode)}</return_code><return_msg>${cdata(message)}</return_msg></xml>`;
}
