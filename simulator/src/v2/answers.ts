import { signV2, type V2SignType } from '../crypto/v2-sign';
import { newNonce } from '../lib/ids';
import type { V2Refusal } from './refusal';
import type { V2Request } from './v2-request';
import { toV2Xml } from './xml';

/** An answer's fields, before `nonce_str` and `sign`. */
export type V2Fieldset = Readonly<Record<string, string | number | undefined>>;

/** Fields every taken request's answer echoes, as WeChat Pay's answers do. */
const ECHOED = ['appid', 'mch_id', 'sub_appid', 'sub_mch_id', 'device_info'] as const;

/** `fields` with a fresh `nonce_str` and their `sign`, as XML. */
export function signedV2Xml(fields: V2Fieldset, key: string, signType: V2SignType): string {
  const withNonce = { ...fields, nonce_str: newNonce() };
  return toV2Xml({ ...withNonce, sign: signV2(withNonce, key, signType) });
}

/**
 * The answer to a taken request: `return_code` SUCCESS, the request's ids echoed, then
 * `result` (`result_code` and what the API answers), signed as the request was.
 */
export function takenAnswer(request: V2Request, result: V2Fieldset): string {
  const echoed: Record<string, string | undefined> = {};
  for (const name of ECHOED) echoed[name] = request.fields.raw(name);
  return signedV2Xml(
    { return_code: 'SUCCESS', return_msg: 'OK', ...echoed, ...result },
    request.key,
    request.signType,
  );
}

/** A refusal's answer: unsigned `return_code` FAIL, or a signed `result_code` FAIL. */
export function refusalAnswer(refusal: V2Refusal, request?: V2Request): string {
  if (refusal.level === 'result' && request) {
    return takenAnswer(request, {
      result_code: 'FAIL',
      err_code: refusal.code,
      err_code_des: refusal.message,
    });
  }
  return toV2Xml({ return_code: 'FAIL', return_msg: refusal.message });
}
