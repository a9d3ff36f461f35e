import { describeThrown } from '../shared/values';
import type { FailCode, HostChannel, PaymentOutcome } from './outcome';

/** `requestPayment:` and the like: the API name, never compared (superapps use their own). */
const API_NAME = /^[^\s:]+:/;
/** What stands before the host's own reason: nested API names, `fail`, colons and spaces. */
const FAILURE_PREFIX = /^(\w*pay\w*:|fail(?![a-z])|[\s:：,])+/i;
/** errno of an API the platform lacks: 100 not supported (HarmonyOS), 701001 iOS not supported. */
const UNSUPPORTED_ERRNOS = [100, 701001];

/**
 * Turns whatever a host callback delivered into a {@link PaymentOutcome}.
 *
 * Reads `errMsg`, `errCode`, `errno` and the legacy `err_code` / `err_desc`. The API name
 * before the colon is never compared (superapps use their own, TCMPP's sample misspells it).
 * Never throws, whatever it is given.
 *
 * @param raw - the callback's argument, as delivered
 * @param channel - which callback delivered it; decides answers whose text has no verdict
 */
export function normalizeOutcome(raw: unknown, channel?: HostChannel): PaymentOutcome {
  try {
    return readOutcome(raw, channel);
  } catch (error) {
    const detail = `The host's answer could not be read: ${describeThrown(error)}.`;
    return { status: 'failed', code: 'host_error', detail, errMsg: '', raw };
  }
}

function readOutcome(raw: unknown, channel: HostChannel | undefined): PaymentOutcome {
  const answer = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const errMsg = typeof answer.errMsg === 'string' ? answer.errMsg : '';
  const errCode = toInteger(answer.errCode) ?? toInteger(answer.err_code);
  const errno = toInteger(answer.errno);
  const code = errno ?? errCode;
  const verdict = errMsg.replace(API_NAME, '').trim();
  const reason = verdict.replace(FAILURE_PREFIX, '');

  if (verdict.toLowerCase() === 'ok') return { status: 'ok', errMsg, raw };
  if (code === -2 || errno === 1 || /^cancel/i.test(reason)) {
    return { status: 'cancelled', errMsg, errCode, errno, raw };
  }
  // Without a verdict, a non-empty answer on `success` with no code and no `fail` is a success.
  const saysNothingElse = !code && reason === verdict && Object.keys(answer).length > 0;
  if (channel === 'success' && saysNothingElse) return { status: 'ok', errMsg, raw };

  const unsupported =
    UNSUPPORTED_ERRNOS.indexOf(errno as number) >= 0 || /not supported/i.test(reason);
  const failCode: FailCode = unsupported ? 'unsupported' : 'host_error';
  const errDesc = typeof answer.err_desc === 'string' ? answer.err_desc : '';
  const detail = reason || errDesc || errMsg || NOTHING_SAID;
  return { status: 'failed', code: failCode, detail, errMsg, errCode, errno, raw };
}

const NOTHING_SAID = 'The host answered without an errMsg, errCode or errno saying what happened.';

/** `-2` and `"-2"` (old clients send codes as strings) are -2; fractions and text are not codes. */
function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined;
}
