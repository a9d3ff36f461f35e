import type { HostChannel, PaymentOutcome } from './outcome';

const API_PREFIX = /^[^\s:]+:/;
/** `fail requestPayment:fail :` and the like, before the host's own reason. */
const FAILURE_PREFIXES = /^(\w*pay\w*:|fail(?![a-z])|[\s:：,])+/i;

/**
 * Turns whatever a host callback delivered into a {@link PaymentOutcome}.
 *
 * Reads `errMsg`, `errCode`, `errno` and the legacy `err_code` / `err_desc`. The API name
 * before the colon is never compared (superapps use their own, TCMPP's sample misspells it).
 *
 * @param raw - the callback's argument, as delivered
 * @param channel - which callback delivered it; decides answers whose text has no verdict
 */
export function normalizeOutcome(raw: unknown, channel?: HostChannel): PaymentOutcome {
  const answer = ((typeof raw === 'object' && raw) || {}) as Record<string, unknown>;
  const errMsg = typeof answer.errMsg === 'string' ? answer.errMsg : '';
  const errCode = toNumber(answer.errCode) ?? toNumber(answer.err_code);
  const errno = toNumber(answer.errno);
  const code = errno ?? errCode;
  const verdict = errMsg.replace(API_PREFIX, '').trim();
  const reason = verdict.replace(FAILURE_PREFIXES, '');
  if (verdict.toLowerCase() === 'ok') return { status: 'ok', errMsg, raw };
  if (code === -2 || errno === 1 || /^cancel/i.test(reason)) {
    return { status: 'cancelled', errMsg, errCode, errno, raw };
  }
  // Without a verdict, a non-empty answer on `success` with no code and no `fail` is a success.
  if (channel === 'success' && !code && reason === verdict && Object.keys(answer).length) {
    return { status: 'ok', errMsg, raw };
  }
  return {
    status: 'failed',
    code:
      errno === 100 || errno === 701001 || /not supported/i.test(reason)
        ? 'unsupported'
        : 'host_error',
    // An answer without any text, `{}` included, has nothing to report.
    detail:
      reason ||
      (typeof answer.err_desc === 'string' && answer.err_desc) ||
      errMsg ||
      'nothing usable',
    errMsg,
    errCode,
    errno,
    raw,
  };
}

function toNumber(value: unknown): number | undefined {
  return (typeof value === 'number' || typeof value === 'string') &&
    /^\s*-?\d+\s*$/.test(value as string)
    ? Number(value)
    : undefined;
}
