import type { SubMerchant } from '../merchants/merchant';
import { resultFail } from './refusal';
import type { V2Request } from './v2-request';

const ID_32 = { maxBytes: 32 };

/** The institution's and the sub-merchant's ids of a request, checked. */
export interface InstitutionIds {
  /** The institution's AppID (`appid`). */
  readonly appid: string;
  readonly subMchid: string;
  readonly subAppid: string | undefined;
  readonly sub: SubMerchant;
}

/**
 * `appid`, `sub_mch_id` and `sub_appid` of an institution-mode request: the AppID is bound to
 * the institution (`mch_id`), the sub-merchant is one of its registered sub-merchants, and
 * `sub_appid`, when given, is bound to that sub-merchant. Refused `result_code` FAIL.
 */
export function institutionIds(request: V2Request): InstitutionIds {
  const { fields, merchant } = request;
  const appid = fields.required('appid', ID_32);
  const subMchid = fields.required(
    'sub_mch_id',
    ID_32,
    ' (institution mode: the sub-merchant the order is for)',
  );
  const subAppid = fields.optional('sub_appid', ID_32);
  if (!merchant.record.appids.includes(appid)) {
    throw resultFail(
      'APPID_MCHID_NOT_MATCH',
      `appid ${appid} is not bound to institution ${merchant.mchid} (registered: ${merchant.record.appids.join(', ')}).`,
    );
  }
  const sub = merchant.record.subMerchants.find((item) => item.mchid === subMchid);
  if (!sub) {
    throw resultFail(
      'NOAUTH',
      `sub_mch_id ${subMchid} is not a sub-merchant of institution ${merchant.mchid}; register it in subMerchants.`,
    );
  }
  if (subAppid !== undefined && !sub.appids.includes(subAppid)) {
    throw resultFail(
      'APPID_MCHID_NOT_MATCH',
      `sub_appid ${subAppid} is not bound to sub-merchant ${subMchid} (registered: ${sub.appids.join(', ') || 'none'}).`,
    );
  }
  return { appid, subMchid, subAppid, sub };
}
